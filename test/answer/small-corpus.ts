import { CorpusEngine } from '../../src/answer/engine';
import { assembleDocuments } from '../../src/corpus/load-corpus';
import { corpusFile } from '../corpus/document-text';

/** An engine over a few documents written for a test, each given as [file name, text]. */
export function engineOver(documents: [string, string][]): CorpusEngine {
  return CorpusEngine.fromDocuments(
    assembleDocuments(documents.map(([file, text]) => corpusFile(file, text))),
  );
}

export { firstFile, leadSentence } from './answer-reading';
