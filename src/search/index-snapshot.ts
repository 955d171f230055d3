import { createHash, randomBytes } from 'node:crypto';
import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { ANALYZER_VERSION } from '../analysis/analyzer';
import { loadCorpus } from '../corpus/load-corpus';
import { type CorpusWarning, listCorpusFiles } from '../corpus/read-corpus';
import type { ReadingOptions } from '../corpus/readers/types';
import type { Logger } from '../logging/logger';
import { PassageIndex } from './passage-index';

/**
 * Index snapshots: the built index saved to `DATA_DIR`, so a restart over an unchanged corpus loads it
 * instead of reading, parsing and analyzing every file again.
 *
 * A snapshot is keyed by the corpus as `stat` sees it (each file's relative name, size and mtime), the
 * analyzer's version and {@link SNAPSHOT_FORMAT_VERSION}: computing the key needs no file to be read, and
 * any edit, addition, removal or analyzer change gives a new key, so a stale snapshot is never loaded.
 * The file is `index-<corpus folder id>-<key>.json`; once a new one is written, older snapshots of the same
 * corpus folder are removed. It holds one JSON value per line: a header (versions, key, the corpus's
 * warnings), then each part of the index.
 */
export const SNAPSHOT_FORMAT_VERSION = 4;

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
}

const SECTIONS = ['search', 'documents', 'documentFrequencies', 'vocabulary', 'acronyms'] as const;
const STAT_BATCH = 2000;

/**
 * The snapshot key of a corpus folder: a hash of every document file's relative name, size and mtime,
 * plus the analyzer and snapshot format versions. Only `stat`s the files.
 */
export async function corpusKey(corpusDir: string): Promise<string> {
  const files = await listCorpusFiles(corpusDir);
  const hash = createHash('sha256').update(
    `format ${SNAPSHOT_FORMAT_VERSION} analyzer ${ANALYZER_VERSION}\n`,
  );
  for (let start = 0; start < files.length; start += STAT_BATCH) {
    // Synchronous stats are several times faster than promised ones; yielding between batches keeps a
    // reload from stalling the questions being answered meanwhile.
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const file of files.slice(start, start + STAT_BATCH)) {
      const stat = statSync(path.join(corpusDir, file), { throwIfNoEntry: false });
      hash.update(`${file}\t${stat?.size ?? -1}\t${stat?.mtimeMs ?? -1}\n`);
    }
  }
  return hash.digest('hex').slice(0, 24);
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
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT_VERSION,
    analyzerVersion: ANALYZER_VERSION,
    key,
    warnings,
  };
  const snapshot = index.toSnapshot();
  const handle = await fs.open(temporary, 'w');
  try {
    await handle.write(`${JSON.stringify(header)}\n`);
    // One section at a time keeps the largest string in memory to one part of the index.
    for (const section of SECTIONS) await handle.write(`${JSON.stringify(snapshot[section])}\n`);
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
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new SnapshotError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  const lines = text.split('\n');
  if (lines.length !== SECTIONS.length + 2 || lines[lines.length - 1] !== '') {
    throw new SnapshotError(`${file} is truncated or not a coop index snapshot`);
  }
  try {
    const header = JSON.parse(lines[0]) as Partial<SnapshotHeader>;
    if (
      header.format !== SNAPSHOT_FORMAT_VERSION ||
      header.analyzerVersion !== ANALYZER_VERSION ||
      header.key !== key
    ) {
      throw new SnapshotError(`${file} was written for another corpus, analyzer or format`);
    }
    const parts = Object.fromEntries(SECTIONS.map((section, i) => [section, JSON.parse(lines[i + 1])]));
    for (const section of SECTIONS.slice(1)) {
      if (!Array.isArray(parts[section])) throw new SnapshotError(`${file}: ${section} is not a list`);
    }
    return {
      index: PassageIndex.fromSnapshot(parts as PassageIndexSnapshot),
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
