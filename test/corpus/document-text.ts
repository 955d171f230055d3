import type { CorpusFile } from '../../src/corpus/read-corpus';
import type { CorpusDocument } from '../../src/corpus/types';

/** All the quotable text of a document, passage after passage. */
export function documentText(document: Pick<CorpusDocument, 'passages'>): string {
  return document.passages.map((passage) => passage.sentences.join(' ')).join(' ');
}

/** A corpus file as the reader hands it over, for assembling documents in a test. */
export function corpusFile(file: string, text: string): CorpusFile {
  return { file, text, size: text.length, mtimeMs: 0, contentHash: file };
}
