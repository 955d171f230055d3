import { promises as fs } from 'node:fs';
import type { Logger } from '../logging/logger';
import { type ParsedDocument, parseDocument } from './parse-document';
import { buildPassages } from './passages';
import { type CorpusFile, type CorpusWarning, listCorpusFiles, readCorpusFile } from './read-corpus';
import type { CorpusDocument } from './types';

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
const READ_CONCURRENCY = 16;

/**
 * Loads every `.txt` and `.md` file under `dir` into documents with passages. Bad files, and subfolders
 * that cannot be read, are skipped or repaired with a warning (logged and returned); only a missing or
 * unreadable `dir` throws.
 */
export async function loadCorpus(dir: string, logger?: Logger): Promise<LoadedCorpus> {
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

  const read: CorpusFile[] = [];
  for (let start = 0; start < files.length; start += READ_CONCURRENCY) {
    const batch = await Promise.all(
      files.slice(start, start + READ_CONCURRENCY).map((file) => readCorpusFile(dir, file)),
    );
    for (const { document, warning } of batch) {
      if (warning) warnings.push(warning);
      if (document) read.push(document);
    }
  }

  const documents = assembleDocuments(read, warnings);
  for (const warning of warnings) logger?.warn(`corpus: ${warning.file}: ${warning.message}`);
  return { documents, warnings };
}

/** Parses files into documents, dropping paragraphs that recur across many documents (site furniture). */
export function assembleDocuments(files: CorpusFile[], warnings: CorpusWarning[] = []): CorpusDocument[] {
  const parsed = files.map((file) => ({ file, parsed: parseDocument(file.text) }));
  const shared = sharedParagraphs(parsed.map((entry) => entry.parsed));
  const documents: CorpusDocument[] = [];
  for (const { file, parsed: doc } of parsed) {
    const paragraphs = doc.paragraphs.filter((paragraph) => !shared.has(paragraph.key));
    const passages = buildPassages(file.file, paragraphs);
    if (passages.length === 0) {
      warnings.push({
        file: file.file,
        message: 'skipped: no readable prose (only headlines or boilerplate)',
      });
      continue;
    }
    documents.push({
      file: file.file,
      title: doc.title,
      date: doc.date,
      passages,
      size: file.size,
      mtimeMs: file.mtimeMs,
      contentHash: file.contentHash,
    });
  }
  return documents;
}

function sharedParagraphs(documents: ParsedDocument[]): Set<string> {
  const threshold = Math.max(
    SHARED_BOILERPLATE_MIN_DOCUMENTS,
    Math.ceil(documents.length * SHARED_BOILERPLATE_MIN_SHARE),
  );
  const counts = new Map<string, number>();
  for (const document of documents) {
    for (const key of new Set(document.paragraphs.map((paragraph) => paragraph.key))) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return new Set([...counts].filter(([, count]) => count >= threshold).map(([key]) => key));
}
