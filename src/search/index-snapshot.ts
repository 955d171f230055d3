import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { endianness } from 'node:os';
import path from 'node:path';
import { ANALYZER_VERSION } from '../analysis/analyzer';
import { corpusFingerprint } from '../corpus/corpus-fingerprint';
import type { CorpusWarning } from '../corpus/read-corpus';
import type { ReadingOptions } from '../corpus/readers/types';
import type { Logger } from '../logging/logger';
import { FileLineReader } from './file-lines';
import { withHeapGrowth } from './heap-growth';
import { PassageIndex, type PassageIndexData, type TermEntry } from './passage-index';
import { readAndBuildIndex } from './read-and-build';

/**
 * Index snapshots: the built index saved to `DATA_DIR`, so a restart over an unchanged corpus loads it
 * instead of reading, parsing and analyzing every file again.
 *
 * A snapshot is keyed by the corpus as `stat` sees it (each file's relative name, size, mtime and permissions), the
 * analyzer's version, {@link SNAPSHOT_FORMAT_VERSION} and the machine's byte order: computing the key needs no file to be read, and
 * any edit, addition, removal or analyzer change gives a new key, so {@link loadOrBuildIndex} never loads a
 * stale snapshot. {@link loadLastSnapshot} does, on purpose, so that a bot can answer while it checks.
 * The file is `index-<corpus folder id>-<key>.json`; once a new one is written, older snapshots of the same
 * corpus folder are removed.
 *
 * It holds one JSON value per line: a header (versions, key, the corpus's warnings, how many documents,
 * passages, postings, kept words and parts it holds), the parts of the index in chunks of at most
 * {@link SNAPSHOT_CHUNK_ITEMS} items (`{"part":"documents","items":[…]}`), then its typed arrays, each a
 * line announcing it (`{"part":"postingIds","bytes":…}`) followed by that many raw bytes and a newline
 * (the term index's entries point into its pool of postings: `postingIds` and `postingFrequencies`),
 * then a trailer with a sha1 checksum of all the bytes before it. Chunks keep memory flat while loading:
 * the file is streamed line by line, each chunk of documents is parsed as it arrives, each chunk of
 * minisearch's term index is parsed only as minisearch takes it in, so the whole index is never held
 * parsed beside its own copy, and the arrays are read straight into their own memory.
 * A snapshot whose checksum or counts disagree with what it holds (a part truncated, replaced or emptied)
 * is refused and rebuilt with a warning, never loaded as a smaller corpus.
 */
export const SNAPSHOT_FORMAT_VERSION = 15;

/** Items (terms, documents, table rows) per line of a snapshot. */
export const SNAPSHOT_CHUNK_ITEMS = 2000;

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
  /** The snapshot file loaded or written; undefined when saving failed, or while it is being saved. */
  snapshotFile?: string;
  /**
   * For an index built and returned before its snapshot is written (`saveWhen`): resolves once the
   * snapshot is saved, or could not be (reported); never rejects.
   */
  saved?: Promise<void>;
}

interface SnapshotHeader {
  format: number;
  analyzerVersion: number;
  /** The machine's byte order, which the typed arrays are written in. */
  byteOrder: string;
  key: string;
  warnings: CorpusWarning[];
  /** Documents and passages the snapshot holds. */
  documents: number;
  passages: number;
  /** Postings in the pool, and words kept of passages and headlines: the lengths of their arrays. */
  postings: number;
  passageWords: number;
  /** Parts between the header and the trailer: lines of lists, and arrays. */
  lines: number;
}

/** The last line: a checksum of the index's parts, as written. */
interface SnapshotTrailer {
  sha1: string;
}

/** The lists of a snapshot, written as JSON items in chunks. */
const LIST_PARTS = [
  'documents',
  'documentFrequencies',
  'titleFrequencies',
  'vocabulary',
  'acronyms',
  'fieldLengths',
] as const;
type ListPart = (typeof LIST_PARTS)[number];

/** The typed arrays of a snapshot, each written as raw bytes, in this order. */
const ARRAY_PARTS = ['postingIds', 'postingFrequencies', 'passageWords'] as const;
type ArrayPart = (typeof ARRAY_PARTS)[number];
type SnapshotArrays = Record<ArrayPart, Int32Array | Uint16Array | Uint32Array>;
/** The index's typed arrays, as {@link PassageIndex.toSnapshot} gives them and a reader fills them. */
type IndexArrays = Pick<PassageIndexData, 'postings' | 'passageWords'>;

/** Each of `snapshot`'s typed arrays under the part it is written as. */
function snapshotArrays(snapshot: IndexArrays): SnapshotArrays {
  return {
    postingIds: snapshot.postings.ids,
    postingFrequencies: snapshot.postings.frequencies,
    passageWords: snapshot.passageWords,
  };
}

/** The bytes of a typed array, as they lie in memory. */
function bytesOf(array: SnapshotArrays[ArrayPart]): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

const NEWLINE = Buffer.from('\n');

/** Start of a line holding a chunk of minisearch's term index, recognized without parsing it. */
const INDEX_LINE = '{"part":"index","items":';

function partLine(part: string, items: unknown[]): string {
  return `{"part":"${part}","items":${JSON.stringify(items)}}\n`;
}

/** The snapshot's part lines: minisearch's settings, its term index, then each list, in chunks. */
function* partLines(snapshot: PassageIndexData, chunkItems: number): Generator<string> {
  const { index, ...settings } = snapshot.search;
  yield partLine('search', [settings]);
  yield* chunks('index', index, chunkItems);
  for (const part of LIST_PARTS) yield* chunks(part, snapshot[part], chunkItems);
}

function* chunks(part: string, items: Iterable<unknown>, size: number): Generator<string> {
  let chunk: unknown[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield partLine(part, chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) yield partLine(part, chunk);
}

/**
 * The snapshot key of a corpus whose state is `fingerprint` ({@link corpusFingerprint}: every document
 * file's relative name, size, mtime and permissions), with the analyzer and snapshot format versions, the
 * machine's byte order and, when given, the reading settings, which change what is indexed.
 */
export function snapshotKey(fingerprint: string, reading?: ReadingOptions): string {
  const key = createHash('sha256')
    .update(`format ${SNAPSHOT_FORMAT_VERSION} analyzer ${ANALYZER_VERSION} ${endianness()}\n${fingerprint}`)
    .digest('hex')
    .slice(0, 24);
  return reading ? `${key}-${settingsHash(reading)}` : key;
}

/**
 * The snapshot key of a corpus folder as it is now ({@link snapshotKey}). Only `stat`s the files.
 * Permissions count, so a file made readable again is read again rather than its old warning replayed.
 */
export async function corpusKey(corpusDir: string): Promise<string> {
  return snapshotKey(await corpusFingerprint(corpusDir));
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
 * reader never sees half a snapshot and a crash leaves the previous one intact. `chunkItems` sets how
 * many items each line holds (default {@link SNAPSHOT_CHUNK_ITEMS}).
 */
export async function saveIndexSnapshot(
  file: string,
  index: PassageIndex,
  key: string,
  warnings: CorpusWarning[] = [],
  chunkItems = SNAPSHOT_CHUNK_ITEMS,
): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const snapshot = index.toSnapshot();
  const arrays = snapshotArrays(snapshot);
  const terms = index.termCount;
  const chunkCount = (items: number) => Math.ceil(items / chunkItems);
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT_VERSION,
    analyzerVersion: ANALYZER_VERSION,
    byteOrder: endianness(),
    key,
    warnings,
    documents: snapshot.documents.length,
    passages: index.passageCount,
    postings: snapshot.postings.ids.length,
    passageWords: snapshot.passageWords.length,
    lines:
      1 +
      chunkCount(terms) +
      LIST_PARTS.reduce((sum, part) => sum + chunkCount(snapshot[part].length), 0) +
      ARRAY_PARTS.length,
  };
  const headerLine = `${JSON.stringify(header)}\n`;
  const checksum = createHash('sha1').update(headerLine);
  const handle = await fs.open(temporary, 'w');
  const write = async (bytes: Uint8Array) => {
    checksum.update(bytes);
    await handle.write(bytes);
  };
  try {
    await handle.write(headerLine);
    // One chunk at a time: no string in memory is larger than a chunk.
    for (const text of partLines(snapshot, chunkItems)) await write(Buffer.from(text));
    for (const part of ARRAY_PARTS) {
      const bytes = bytesOf(arrays[part]);
      await write(Buffer.from(`${JSON.stringify({ part, bytes: bytes.byteLength })}\n`));
      await write(bytes);
      await write(NEWLINE);
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

/**
 * Reads a snapshot written by {@link saveIndexSnapshot}, with the heap allowed to grow as it loads
 * ({@link withHeapGrowth}); throws {@link SnapshotError} if it is unusable.
 */
export async function readIndexSnapshot(
  file: string,
  key: string,
): Promise<{ index: PassageIndex; warnings: CorpusWarning[] }> {
  try {
    await fs.access(file);
  } catch (error) {
    throw new SnapshotError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  return withHeapGrowth(() => restoreSnapshot(file, key));
}

async function restoreSnapshot(
  file: string,
  key: string,
): Promise<{ index: PassageIndex; warnings: CorpusWarning[] }> {
  try {
    const read = await readSnapshotLines(file, key);
    const { header, settings, lists, arrays } = read;
    const snapshot = {
      ...lists,
      ...arrays,
      search: { ...settings, index: read.indexEntries() },
    } as PassageIndexData;
    const passages = snapshot.documents.reduce((sum, document) => sum + (document.passages?.length ?? 0), 0);
    if (
      snapshot.documents.length !== header.documents ||
      passages !== header.passages ||
      settings.documentCount !== passages
    ) {
      throw new SnapshotError(
        `${file} does not hold the corpus it claims: ${header.documents} documents and ${header.passages} passages claimed, ${snapshot.documents.length} documents, ${passages} passages and ${settings.documentCount} indexed passages held`,
      );
    }
    return {
      index: await PassageIndex.fromSnapshot(snapshot),
      warnings: Array.isArray(header.warnings) ? header.warnings : [],
    };
  } catch (error) {
    if (error instanceof SnapshotError) throw error;
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : error);
    throw new SnapshotError(`${file} is corrupt or unreadable (${reason})`);
  }
}

/**
 * Streams a snapshot's lines, checking its header, part count and checksum. Lists are parsed chunk by
 * chunk as they arrive, and arrays read into memory of the length the header gives; chunks of the term
 * index are kept as text, and `indexEntries` parses each only when it is reached, letting go of its text.
 */
async function readSnapshotLines(file: string, key: string) {
  const checksum = createHash('sha1');
  const lists = Object.fromEntries(LIST_PARTS.map((part) => [part, [] as unknown[]])) as Record<
    ListPart,
    unknown[]
  >;
  const indexLines: string[] = [];
  const arraysRead = new Set<ArrayPart>();
  let arrays: IndexArrays | undefined;
  let header: SnapshotHeader | undefined;
  let settings: Partial<PassageIndexData['search']> | undefined;
  let trailer: Partial<SnapshotTrailer> | undefined;
  let count = 0;
  const reader = await FileLineReader.open(file);
  try {
    for (let next = await reader.line(); next !== undefined; next = await reader.line()) {
      const { text: line, bytes } = next;
      if (trailer !== undefined) throw new SnapshotError(`${file} has lines after its checksum`);
      if (header !== undefined && count === header.lines) {
        trailer = JSON.parse(line) as Partial<SnapshotTrailer>;
        continue;
      }
      checksum.update(bytes);
      if (header === undefined) {
        header = snapshotHeader(file, line, key);
        arrays = {
          postings: { ids: new Int32Array(header.postings), frequencies: new Uint16Array(header.postings) },
          passageWords: new Uint32Array(header.passageWords),
        };
        continue;
      }
      count++;
      if (line.startsWith(INDEX_LINE)) {
        indexLines.push(line);
        continue;
      }
      const record = JSON.parse(line) as { part?: string; items?: unknown; bytes?: unknown };
      const { part, items } = record;
      if (part === 'search' && Array.isArray(items)) settings = items[0] as typeof settings;
      else if (LIST_PARTS.includes(part as ListPart) && Array.isArray(items))
        for (const item of items) lists[part as ListPart].push(item);
      else if (ARRAY_PARTS.includes(part as ArrayPart) && arrays !== undefined) {
        await readArray(
          file,
          reader,
          bytesOf(snapshotArrays(arrays)[part as ArrayPart]),
          part,
          record.bytes,
          checksum,
        );
        arraysRead.add(part as ArrayPart);
      } else throw new SnapshotError(`${file}: unknown part ${part}, or one that holds no list`);
    }
  } finally {
    await reader.close();
  }
  if (header === undefined || arrays === undefined || trailer === undefined || settings === undefined) {
    throw new SnapshotError(`${file} is truncated or not a coop index snapshot`);
  }
  if (trailer.sha1 !== checksum.digest('hex')) {
    throw new SnapshotError(`${file} does not match its checksum (altered or damaged)`);
  }
  const missing = ARRAY_PARTS.filter((part) => !arraysRead.has(part));
  if (missing.length > 0) throw new SnapshotError(`${file} lacks its ${missing.join(', ')}`);
  return {
    header,
    settings,
    lists,
    arrays,
    *indexEntries(): Generator<TermEntry> {
      for (let i = 0; i < indexLines.length; i++) {
        const { items } = JSON.parse(indexLines[i]) as { items: TermEntry[] };
        indexLines[i] = '';
        yield* items;
      }
    },
  };
}

/**
 * Reads the raw bytes of the array `part`, announced as `announced` bytes, into `memory`, and the newline
 * after them; throws when they are not as many bytes as the header's counts make it.
 */
async function readArray(
  file: string,
  reader: FileLineReader,
  memory: Uint8Array,
  part: string | undefined,
  announced: unknown,
  checksum: ReturnType<typeof createHash>,
): Promise<void> {
  if (announced !== memory.byteLength) {
    throw new SnapshotError(
      `${file}: its ${part} hold ${announced} bytes where its header makes them ${memory.byteLength}`,
    );
  }
  await reader.read(memory);
  checksum.update(memory);
  const end = await reader.line();
  if (end?.text !== '') throw new SnapshotError(`${file}: its ${part} run past the bytes announced`);
  checksum.update(end.bytes);
}

function snapshotHeader(file: string, line: string, key: string): SnapshotHeader {
  let header: Partial<SnapshotHeader>;
  try {
    header = JSON.parse(line) as Partial<SnapshotHeader>;
  } catch {
    throw new SnapshotError(`${file} is truncated or not a coop index snapshot`);
  }
  if (
    header.format !== SNAPSHOT_FORMAT_VERSION ||
    header.analyzerVersion !== ANALYZER_VERSION ||
    header.byteOrder !== endianness() ||
    header.key !== key ||
    typeof header.lines !== 'number' ||
    !isCount(header.postings) ||
    !isCount(header.passageWords)
  ) {
    throw new SnapshotError(`${file} was written for another corpus, analyzer or format`);
  }
  return header as SnapshotHeader;
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/**
 * The index of `corpusDir`: loaded from its snapshot in `snapshotDir` when the corpus is unchanged,
 * otherwise built from the files and saved. An unusable snapshot is reported and rebuilt; a snapshot
 * that cannot be written is reported and the built index used anyway. Corpus warnings are logged either way.
 * `fingerprint` is the corpus's state already taken ({@link corpusFingerprint}), saving a second look.
 * With `saveWhen`, a built index is returned at once and its snapshot written once `saveWhen` resolves
 * ({@link LoadedIndex.saved}): a bot starting without a snapshot need not wait for one to listen (about
 * a second at 100k passages), nor share its main thread with the write while it starts listening.
 */
export async function loadOrBuildIndex(
  corpusDir: string,
  options: {
    snapshotDir: string;
    logger?: Logger;
    reading?: ReadingOptions;
    fingerprint?: string;
    saveWhen?: PromiseLike<unknown>;
  },
): Promise<LoadedIndex> {
  const { snapshotDir, logger, reading } = options;
  const fingerprint = options.fingerprint ?? (await corpusFingerprint(corpusDir).catch(() => undefined));
  const key = fingerprint === undefined ? undefined : snapshotKey(fingerprint, reading);
  const file = key === undefined ? undefined : snapshotPath(snapshotDir, corpusDir, key);
  if (key !== undefined && file !== undefined && (await exists(file))) {
    try {
      return await openSnapshot(file, key, logger, 'snapshot');
    } catch (error) {
      logger?.warn(`index: snapshot ignored and rebuilt: ${error instanceof Error ? error.message : error}`);
    }
  }

  const { index, warnings } = await readAndBuildIndex(corpusDir, logger, reading);
  if (key === undefined || file === undefined) return { index, source: 'built', warnings };
  const { saveWhen } = options;
  const saving = (async () => {
    try {
      await saveWhen;
      await saveBuiltIndex(file, key, { index, warnings }, { snapshotDir, corpusDir, logger });
      return true;
    } catch (error) {
      logger?.warn(
        `index: snapshot not saved to ${snapshotDir} (${(error as NodeJS.ErrnoException).code ?? error}); the next start rebuilds`,
      );
      return false;
    }
  })();
  if (saveWhen !== undefined) {
    return { index, source: 'built', warnings, saved: saving.then(() => undefined) };
  }
  return (await saving)
    ? { index, source: 'built', warnings, snapshotFile: file }
    : { index, source: 'built', warnings };
}

/**
 * Builds the index of `corpusDir` as it is now and saves its snapshot in `snapshotDir`, without keeping
 * the index: what a rebuild runs on a thread of its own (`index-build-thread.ts`), so that the main
 * thread, answering meanwhile, holds only the index it answers from and then the snapshot it loads.
 * Returns the snapshot's file and key; throws when the corpus cannot be looked at or the snapshot cannot
 * be written. Corpus warnings are logged.
 */
export async function buildIndexSnapshot(
  corpusDir: string,
  options: { snapshotDir: string; logger?: Logger; reading?: ReadingOptions },
): Promise<{ file: string; key: string }> {
  const { snapshotDir, logger, reading } = options;
  const key = snapshotKey(await corpusFingerprint(corpusDir), reading);
  const file = snapshotPath(snapshotDir, corpusDir, key);
  await saveBuiltIndex(file, key, await readAndBuildIndex(corpusDir, logger, reading), {
    snapshotDir,
    corpusDir,
    logger,
  });
  return { file, key };
}

/** Saves a built index's snapshot to `file`, then removes the corpus's others. */
async function saveBuiltIndex(
  file: string,
  key: string,
  built: { index: PassageIndex; warnings: CorpusWarning[] },
  where: { snapshotDir: string; corpusDir: string; logger?: Logger },
): Promise<void> {
  await saveIndexSnapshot(file, built.index, key, built.warnings);
  await removeOtherSnapshots(where.snapshotDir, where.corpusDir, file);
  where.logger?.info(`index: ${built.index.passageCount} passages built; snapshot saved to ${file}`);
}

/**
 * Loads the snapshot `file` saved under `key` ({@link buildIndexSnapshot}); throws {@link SnapshotError}
 * when it is unusable. The corpus warnings it keeps are returned, not logged: whoever built it did.
 */
export function loadIndexSnapshot(file: string, key: string, logger?: Logger): Promise<LoadedIndex> {
  return openSnapshot(file, key, logger, 'the snapshot just built', { logWarnings: false });
}

/**
 * The newest snapshot of `corpusDir` in `snapshotDir` for these reading settings, loaded whatever the
 * corpus holds now, with the key it was saved under: to answer at once while the corpus is checked
 * against it (compare {@link corpusKey} with the key). Undefined when there is none, or when it is
 * unusable (logged): written by another analyzer, format or machine, or damaged.
 */
export async function loadLastSnapshot(
  corpusDir: string,
  options: { snapshotDir: string; logger?: Logger; reading?: ReadingOptions },
): Promise<(LoadedIndex & { key: string }) | undefined> {
  const { snapshotDir, logger, reading } = options;
  const prefix = snapshotPrefix(corpusDir);
  // Keys as `snapshotKey` makes them for these reading settings.
  const keyPattern = new RegExp(`^[0-9a-f]{24}${reading ? `-${settingsHash(reading)}` : ''}$`);
  const names = await fs.readdir(snapshotDir).catch(() => [] as string[]);
  const dated = await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && name.endsWith('.json'))
      .map((name) => ({ name, key: name.slice(prefix.length, -'.json'.length) }))
      .filter(({ key }) => keyPattern.test(key))
      .map(async (candidate) => {
        const stat = await fs.stat(path.join(snapshotDir, candidate.name)).catch(() => undefined);
        return { ...candidate, modified: stat?.mtimeMs ?? -1 };
      }),
  );
  const newest = dated.sort((a, b) => b.modified - a.modified)[0];
  if (newest === undefined) return undefined;
  try {
    const loaded = await openSnapshot(
      path.join(snapshotDir, newest.name),
      newest.key,
      logger,
      'the last snapshot',
    );
    return { ...loaded, key: newest.key };
  } catch (error) {
    logger?.warn(`index: last snapshot not used: ${error instanceof Error ? error.message : error}`);
    return undefined;
  }
}

/**
 * Reads the snapshot `file` saved under `key`, logging where it came from and, unless told not to (they
 * were logged as it was built), the corpus warnings it kept.
 */
async function openSnapshot(
  file: string,
  key: string,
  logger: Logger | undefined,
  what: string,
  { logWarnings = true } = {},
): Promise<LoadedIndex> {
  const { index, warnings } = await readIndexSnapshot(file, key);
  if (logWarnings)
    for (const warning of warnings) logger?.warn(`corpus: ${warning.file}: ${warning.message}`);
  logger?.info(`index: ${index.passageCount} passages loaded from ${what} ${file}`);
  return { index, source: 'snapshot', warnings, snapshotFile: file };
}

async function removeOtherSnapshots(snapshotDir: string, corpusDir: string, keep: string): Promise<void> {
  const prefix = snapshotPrefix(corpusDir);
  const names = await fs.readdir(snapshotDir);
  // Also what a process stopped while saving left half-written (its temporary file names its pid).
  const ours = `.${process.pid}-`;
  const other = (name: string) =>
    (name.endsWith('.json') && name !== path.basename(keep)) ||
    (name.endsWith('.tmp') && !name.includes(ours));
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && other(name))
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
