import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logging/logger';
import { comparisonKeyOfFolded, normalizeForComparison, type ParsedParagraph } from './parse-document';
import { buildPassages } from './passages';
import { type CorpusFile, type CorpusWarning, listCorpusFiles } from './read-corpus';
import { readCorpusFiles } from './read-files';
import { type ContentFile, plainTextContent } from './readers/read-content-file';
import { DEFAULT_READING_LIMITS, type ReadingOptions, type ReadSection } from './readers/types';
import type { CorpusDocument, Passage } from './types';

/** Thrown when the corpus folder itself is unusable (missing, not a folder). */
export class CorpusError extends Error {
  readonly code = 'coop_corpus_unreadable';
  constructor(message: string) {
    super(message);
    this.name = 'CorpusError';
  }
}

/** The loaded corpus and every file that was skipped or repaired. */
export interface LoadedCorpus {
  documents: CorpusDocument[];
  warnings: CorpusWarning[];
}

/** A paragraph found in this many documents (and at least this share of them) is site boilerplate. */
const SHARED_BOILERPLATE_MIN_DOCUMENTS = 3;
const SHARED_BOILERPLATE_MIN_SHARE = 0.02;

/** A paragraph of a Markdown, HTML, PDF or Word file needs this many words to be quoted. */
const MIN_READER_PARAGRAPH_WORDS = 2;

/**
 * Loads every document under `dir` (`.txt`, Markdown, HTML, PDF, Word) into documents with passages.
 * Formats other than `.txt` are read on a worker thread, within `options.limits`; a large corpus's `.txt`
 * files partly on another ({@link readCorpusFiles}). Bad files, and subfolders that cannot be read, are
 * skipped or repaired with a warning (logged and returned); only a missing or unreadable `dir` throws.
 * `onFile` is given each file's content as it is read, before the documents are made of them all.
 */
export async function loadCorpus(
  dir: string,
  logger?: Logger,
  options: ReadingOptions = {},
  onFile?: (file: ContentFile) => void,
): Promise<LoadedCorpus> {
  const warnings: CorpusWarning[] = [];
  let files: string[];
  try {
    const stat = await fs.stat(dir);
    if (!stat.isDirectory())
      throw new CorpusError(`CORPUS_DIR ${dir} is not a folder: point it at a folder of .txt or .md files.`);
    files = await listCorpusFiles(dir, warnings);
  } catch (error) {
    if (error instanceof CorpusError) throw error;
    throw new CorpusError(
      `CORPUS_DIR ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? error}): point it at a folder of .txt or .md files.`,
    );
  }

  const read: ContentFile[] = [];
  for (const { file, warning } of await readCorpusFiles(
    dir,
    files,
    options.limits ?? DEFAULT_READING_LIMITS,
    onFile && ((outcome) => outcome.file && onFile(outcome.file)),
  )) {
    if (warning) warnings.push(warning);
    if (file) read.push(file);
  }

  const documents = assembleContents(read, warnings, options.corpusUrl);
  for (const warning of warnings) logger?.warn(`corpus: ${warning.file}: ${warning.message}`);
  return { documents, warnings };
}

/** Parses `.txt` files into documents, dropping paragraphs that recur across many documents (site furniture). */
export function assembleDocuments(files: CorpusFile[], warnings: CorpusWarning[] = []): CorpusDocument[] {
  return assembleContents(
    files.map(({ text, ...meta }) => ({ meta, content: plainTextContent(text) })),
    warnings,
  );
}

/**
 * Turns read files into documents: passages are cut section by section (a passage never spans two pages or
 * two headings, and carries its section's location); paragraphs that recur across many documents go.
 * A document's URL is its own (canonical link, front matter) or `corpusUrl` plus its path.
 */
export function assembleContents(
  files: ContentFile[],
  warnings: CorpusWarning[] = [],
  corpusUrl?: string,
): CorpusDocument[] {
  const parsed = files.map(({ meta, content }) => ({
    file: meta,
    doc: content,
    sections: content.sections.map((section) => ({
      location: section.location,
      paragraphs: keyed(section),
    })),
  }));
  const shared = sharedParagraphs(
    parsed.map((entry) => entry.sections.flatMap((section) => section.paragraphs)),
  );
  const documents: CorpusDocument[] = [];
  for (const { file, doc, sections } of parsed) {
    const passages: Passage[] = [];
    for (const section of sections) {
      const paragraphs = section.paragraphs.filter((paragraph) => !shared.has(paragraph.key));
      for (const passage of buildPassages(file.file, paragraphs)) {
        const position = passages.length;
        passages.push({
          ...passage,
          id: `${file.file}#${position}`,
          position,
          ...(section.location ? { location: section.location } : {}),
        });
      }
    }
    if (passages.length === 0) {
      warnings.push({
        file: file.file,
        message: 'skipped: no readable prose (only headlines or boilerplate)',
      });
      continue;
    }
    const url = doc.url ?? (corpusUrl ? `${corpusUrl}${encodeURI(file.file)}` : undefined);
    documents.push({
      file: file.file,
      title: doc.title || path.basename(file.file, path.extname(file.file)),
      ...(doc.title && doc.titleFromLead ? { titleFromLead: true as const } : {}),
      date: doc.date,
      ...(url ? { url } : {}),
      passages,
      size: file.size,
      mtimeMs: file.mtimeMs,
      contentHash: file.contentHash,
    });
  }
  return documents;
}

/** A section's paragraphs with their comparison keys; a reader's fragments of one word are dropped. */
function keyed(section: ReadSection): ParsedParagraph[] {
  return section.paragraphs.flatMap((paragraph) => {
    // The text parser's paragraphs come keyed and already judged.
    if ('key' in paragraph) return [paragraph as ParsedParagraph];
    const folded = normalizeForComparison(paragraph.text);
    return folded.split(' ').length >= MIN_READER_PARAGRAPH_WORDS
      ? [{ ...paragraph, key: comparisonKeyOfFolded(folded) }]
      : [];
  });
}

function sharedParagraphs(documents: ParsedParagraph[][]): Set<string> {
  const threshold = Math.max(
    SHARED_BOILERPLATE_MIN_DOCUMENTS,
    Math.ceil(documents.length * SHARED_BOILERPLATE_MIN_SHARE),
  );
  const counts = new Map<string, number>();
  const shared = new Set<string>();
  for (const paragraphs of documents) {
    for (const key of new Set(paragraphs.map((paragraph) => paragraph.key))) {
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      if (count >= threshold) shared.add(key);
    }
  }
  return shared;
}
