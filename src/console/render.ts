import { answerPlainText, NO_ANSWER_TEXT } from '../answer/plain-text';
import type { Answer, AnswerPassage, DocumentSummary } from '../answer/types';

/**
 * An answer as terminal text: each passage with its answering sentence between `**` and a line per
 * citation (file · title · date), the same order as in Slack; or the no-answer sentence with a hint.
 * When the engine has further passages, says how to see them.
 */
export function renderAnswerText(answer: Answer): string {
  if (!answer.answered || answer.passages.length === 0) {
    return `${NO_ANSWER_TEXT} Type /sources to see which documents I know.`;
  }
  return withMoreHint(answerPlainText(answer), answer.morePassages.length);
}

/** A page of an answer's further passages for `/more`, and how many remain after it. */
export function renderMorePassagesText(answer: Answer, page: AnswerPassage[], remaining: number): string {
  if (page.length === 0) return 'No more results for this question.';
  return withMoreHint(answerPlainText({ ...answer, passages: page }), remaining);
}

/** The documents of the corpus, one a line: file, title, date. */
export function renderSourcesText(documents: DocumentSummary[]): string {
  if (documents.length === 0) return 'The corpus is empty: there are no documents to answer from yet.';
  const lines = documents.map((document) =>
    [`  ${document.file}`, document.title, document.date].filter(Boolean).join(' · '),
  );
  return `${documents.length} ${documents.length === 1 ? 'document' : 'documents'} in the corpus:\n${lines.join('\n')}`;
}

/** Usage of the console. */
export function renderHelpText(): string {
  return [
    'Type a question and press Enter. Each next question is a follow-up in the same conversation.',
    '  /new      start a new conversation',
    '  /more     more results for the last answer',
    '  /sources  the documents I know',
    '  /digest   a preview of the digest',
    '  /help     this message',
    '  /quit     leave (or Ctrl-D)',
  ].join('\n');
}

function withMoreHint(text: string, more: number): string {
  return more > 0 ? `${text}\n\n(${more} more ${more === 1 ? 'result' : 'results'}: type /more)` : text;
}
