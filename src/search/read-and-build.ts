import { type LoadedCorpus, loadCorpus } from '../corpus/load-corpus';
import { splitParagraph } from '../corpus/passages';
import type { ContentFile } from '../corpus/readers/read-content-file';
import type { ReadingOptions } from '../corpus/readers/types';
import type { Logger } from '../logging/logger';
import { PassageIndex } from './passage-index';
import { SentenceCoder } from './sentence-coder';

/**
 * Loads the corpus in `corpusDir` ({@link loadCorpus}) and builds its index, reading the words of each
 * file's sentences as the file arrives: a large corpus's files are read on threads of their own, and
 * the main thread, otherwise waiting for them, takes that much off the build that follows.
 */
export async function readAndBuildIndex(
  corpusDir: string,
  logger?: Logger,
  reading?: ReadingOptions,
): Promise<LoadedCorpus & { index: PassageIndex }> {
  const coder = new SentenceCoder();
  const readAhead = ({ meta, content }: ContentFile) => {
    const sentences = content.sections.flatMap((section) => section.paragraphs.flatMap(splitParagraph));
    coder.readAhead(meta.file, sentences);
  };
  const loaded = await loadCorpus(corpusDir, logger, reading, readAhead);
  return { ...loaded, index: PassageIndex.build(loaded.documents, { coder }) };
}
