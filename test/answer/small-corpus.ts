import { CorpusEngine } from '../../src/answer/engine';
import type { Answer } from '../../src/answer/types';
import { assembleDocuments } from '../../src/corpus/load-corpus';

/** An engine over a few documents written for a test, each given as [file name, text]. */
export function engineOver(documents: [string, string][]): CorpusEngine {
  return CorpusEngine.fromDocuments(
    assembleDocuments(
      documents.map(([file, text]) => ({ file, text, size: text.length, mtimeMs: 0, contentHash: file })),
    ),
  );
}

/** The file the answer cites first, or undefined when it cites nothing. */
export function firstFile(answer: Answer): string | undefined {
  return answer.passages[0]?.citations[0]?.file;
}

/** The sentence the answer marks as answering, or '' when there is no answer. */
export function leadSentence(answer: Answer): string {
  const passage = answer.passages[0];
  return passage ? passage.sentences[passage.answerSentence] : '';
}
