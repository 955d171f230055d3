import type { CorpusDocument } from '../../src/corpus/types';

/** All the quotable text of a document, passage after passage. */
export function documentText(document: Pick<CorpusDocument, 'passages'>): string {
  return document.passages.map((passage) => passage.sentences.join(' ')).join(' ');
}
