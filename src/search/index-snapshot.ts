import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ANALYZER_VERSION } from '../analysis/analyzer';
import { hashCorpusState } from '../corpus/corpus-fingerprint';
import { loadCorpus } from '../corpus/load-corpus';
import type { CorpusWarning } from '../corpus/read-corpus';
import type { ReadingOptions } from '../corpus/readers/types';
import type { Logger } from '../logging/logger';
import { PassageIndex } from './passage-index';

/**
 * Index snapshots: the built index saved to `DATA_DIR`, so a restart over an unchanged corpus loads it
 * instead of reading, parsing and analyzing every file again.
 *
 * A snapshot is keyed by the corpus as `stat` sees it (each file's relative name, size, mtime and permissions), the
 * analyzer's version and {@link SNAPSHOT_FORMAT_VERSION}: computing the key needs no file to be read, and
 * any edit, addition, removal or analyzer change gives a new key, so a stale snapshot is never loaded.
 * The file is `index-<corpus folder id>-<key>.json`; once a new one is written, older snapshots of the same
 * corpus folder are removed. It holds one JSON value per line: a header (versions, key, the corpus's
 * warnings, how many documents and passages it holds), each part of the index, then a trailer with a sha1
 * checksum of all the lines before it. A snapshot whose checksum or counts disagree with what it holds (a part
 * truncated, replaced or emptied) is refused and rebuilt with a warning, never loaded as a smaller corpus.
 */
export const SNAPSHOT_FORMAT_VERSION = 6;

/** Index data as {@link PassageIndex.toSnapshot} gives it. */
export type PassageIndexSnapshot = ReturnType<PassageIndex['toSnapshot']>;

/** Thrown when a snapshot file cannot be used: unreadable, truncated, corrupt, or for another corpus. */
export class SnapshotError extends Error {
  readonly code = 'coop_snapshot_unusable';
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

/** An index ready to search, and whether it came from a snapshot or was built from the files. */
export interface LoadedIndex {
  index: PassageIndex;
  source: 'snapshot' | 'built';
  /** The corpus's skipped or repaired files (kept in the snapshot, so a warm start still reports them). */
  warnings: CorpusWarning[];
  /** The snapshot file loaded or written; undefined when saving failed. */
  snapshotFile?: string;
}

interface SnapshotHeader {
  format: number;
  analyzerVersion: number;
  key: string;
  warnings: CorpusWarning[];
  /** Documents and passages the snapshot holds. */
  documents: number;
  passages: number;
}

/** The last line: a checksum of the index's parts, as written. */
interface SnapshotTrailer {
  sha1: string;
}

const SECTIONS = [
  'search',
  'documents',
  'documentFrequencies',
  'titleFrequencies',
  'vocabulary',
  'acronyms',
] as const;

/**
 * The snapshot key of a corpus folder: a hash of every document file's relative name, size, mtime and
 * permissions ({@link hashCorpusState}), plus the analyzer and snapshot format versions. Only `stat`s the
 * files. Permissions count, so a file made readable again is read again rather than its old warning replayed.
 */
export async function corpusKey(corpusDir: string): Promise<string> {
  const hash = createHash('sha256').update(
    `format ${SNAPSHOT_FORMAT_VERSION} analyzer ${ANALYZER_VERSION}\n`,
  );
  return (await hashCorpusState(corpusDir, hash)).digest('hex').slice(0, 24);
}

/** Where the snapshot of `corpusDir` with `key` lives in `snapshotDir`. */
export function snapshotPath(snapshotDir: string, corpusDir: string, key: string): string {
  return path.join(snapshotDir, `${snapshotPrefix(corpusDir)}${key}.json`);
}

function snapshotPrefix(corpusDir: string): string {
  const folderId = createHash('sha256').update(path.resolve(corpusDir)).digest('hex').slice(0, 12);
  return `index-${folderId}-`;
}

/**
 * Writes a snapshot atomically: to a temporary file in the same folder, then renamed into place, so a
 * reader never sees half a snapshot and a crash leaves the previous one intact.
 */
export async function saveIndexSnapshot(
  file: string,
  index: PassageIndex,
  key: string,
  warnings: CorpusWarning[] = [],
): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const snapshot = index.toSnapshot();
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT_VERSION,
    analyzerVersion: ANALYZER_VERSION,
    key,
    warnings,
    documents: snapshot.documents.length,
    passages: index.passageCount,
  };
  const headerLine = `${JSON.stringify(header)}\n`;
  const checksum = createHash('sha1').update(headerLine);
  const handle = await fs.open(temporary, 'w');
  try {
    await handle.write(headerLine);
    // One section at a time keeps the largest string in memory to one part of the index.
    for (const section of SECTIONS) {
      const line = Buffer.from(`${JSON.stringify(snapshot[section])}\n`);
      checksum.update(line);
      await handle.write(line);
    }
    const trailer: SnapshotTrailer = { sha1: checksum.digest('hex') };
    await handle.write(`${JSON.stringify(trailer)}\n`);
    await handle.sync();
    await handle.close();
    await fs.rename(temporary, file);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/** Reads a snapshot written by {@link saveIndexSnapshot}; throws {@link SnapshotError} if it is unusable. */
export async function readIndexSnapshot(
  file: string,
  key: string,
): Promise<{ index: PassageIndex; warnings: CorpusWarning[] }> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    throw new SnapshotError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  // Lines as byte ranges: each part is decoded only when parsed, so the text is never held whole twice.
  const ends: number[] = [];
  for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) ends.push(at);
  if (ends.length !== SECTIONS.length + 2 || ends[ends.length - 1] !== bytes.length - 1) {
    throw new SnapshotError(`${file} is truncated or not a coop index snapshot`);
  }
  const line = (n: number) => bytes.toString('utf8', n === 0 ? 0 : (ends[n - 1] as number) + 1, ends[n]);
  try {
    const header = JSON.parse(line(0)) as Partial<SnapshotHeader>;
    if (
      header.format !== SNAPSHOT_FORMAT_VERSION ||
      header.analyzerVersion !== ANALYZER_VERSION ||
      header.key !== key
    ) {
      throw new SnapshotError(`${file} was written for another corpus, analyzer or format`);
    }
    const trailer = JSON.parse(line(SECTIONS.length + 1)) as Partial<SnapshotTrailer>;
    const checked = bytes.subarray(0, (ends[SECTIONS.length] as number) + 1);
    if (trailer.sha1 !== createHash('sha1').update(checked).digest('hex')) {
      throw new SnapshotError(`${file} does not match its checksum (altered or damaged)`);
    }
    const sections = Object.fromEntries(SECTIONS.map((section, i) => [section, JSON.parse(line(i + 1))]));
    for (const section of SECTIONS.slice(1)) {
      if (!Array.isArray(sections[section])) throw new SnapshotError(`${file}: ${section} is not a list`);
    }
    const snapshot = sections as PassageIndexSnapshot;
    const passages = snapshot.documents.reduce((sum, document) => sum + (document.passages?.length ?? 0), 0);
    if (
      snapshot.documents.length !== header.documents ||
      passages !== header.passages ||
      snapshot.search?.documentCount !== passages
    ) {
      throw new SnapshotError(
        `${file} does not hold the corpus it claims: ${header.documents} documents and ${header.passages} passages claimed, ${snapshot.documents.length} documents, ${passages} passages and ${snapshot.search?.documentCount} indexed passages held`,
      );
    }
    return {
      index: PassageIndex.fromSnapshot(snapshot),
      warnings: Array.isArray(header.warnings) ? header.warnings : [],
    };
  } catch (error) {
    if (error instanceof SnapshotError) throw error;
    throw new SnapshotError(`${file} is corrupt (${error instanceof Error ? error.message : error})`);
  }
}

/**
 * The index of `corpusDir`: loaded from its snapshot in `snapshotDir` when the corpus is unchanged,
 * otherwise built from the files and saved. An unusable snapshot is reported and rebuilt; a snapshot
 * that cannot be written is reported and the built index used anyway. Corpus warnings are logged either way.
 */
export async function loadOrBuildIndex(
  corpusDir: string,
  options: { snapshotDir: string; logger?: Logger; reading?: ReadingOptions },
): Promise<LoadedIndex> {
  const { snapshotDir, logger, reading } = options;
  // Reading settings change what is indexed, so they are part of the snapshot's key.
  const key = await corpusKey(corpusDir)
    .then((corpus) => (reading ? `${corpus}-${settingsHash(reading)}` : corpus))
    .catch(() => undefined);
  const file = key === undefined ? undefined : snapshotPath(snapshotDir, corpusDir, key);
  if (key !== undefined && file !== undefined && (await exists(file))) {
    try {
      const { index, warnings } = await readIndexSnapshot(file, key);
      for (const warning of warnings) logger?.warn(`corpus: ${warning.file}: ${warning.message}`);
      logger?.info(`index: ${index.passageCount} passages loaded from snapshot ${file}`);
      return { index, source: 'snapshot', warnings, snapshotFile: file };
    } catch (error) {
      logger?.warn(`index: snapshot ignored and rebuilt: ${error instanceof Error ? error.message : error}`);
    }
  }

  const { documents, warnings } = await loadCorpus(corpusDir, logger, reading);
  const index = PassageIndex.build(documents);
  if (key === undefined || file === undefined) return { index, source: 'built', warnings };
  try {
    await saveIndexSnapshot(file, index, key, warnings);
    await removeOtherSnapshots(snapshotDir, corpusDir, file);
    logger?.info(`index: ${index.passageCount} passages built; snapshot saved to ${file}`);
    return { index, source: 'built', warnings, snapshotFile: file };
  } catch (error) {
    logger?.warn(
      `index: snapshot not saved to ${snapshotDir} (${(error as NodeJS.ErrnoException).code ?? error}); the next start rebuilds`,
    );
    return { index, source: 'built', warnings };
  }
}

async function removeOtherSnapshots(snapshotDir: string, corpusDir: string, keep: string): Promise<void> {
  const prefix = snapshotPrefix(corpusDir);
  const names = await fs.readdir(snapshotDir);
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && name.endsWith('.json') && name !== path.basename(keep))
      .map((name) => fs.rm(path.join(snapshotDir, name), { force: true })),
  );
}

function settingsHash(reading: ReadingOptions): string {
  return createHash('sha256').update(JSON.stringify(reading)).digest('hex').slice(0, 8);
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
