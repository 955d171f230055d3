import type { Answer } from '../../src/answer/types';

/** The file the answer cites first, as a user sees it at the top of the reply. */
export function firstFile(answer: Answer): string | undefined {
  return answer.passages[0]?.citations[0]?.file;
}

/** The marked (answering) sentence of the first passage, or '' when there is none. */
export function leadSentence(answer: Answer): string {
  const passage = answer.passages[0];
  return passage ? passage.sentences[passage.answerSentence] : '';
}
