import { createHash } from 'node:crypto';
import { closeSync, type Dirent, promises as fs, fstatSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeNonUtf8 } from './decode-legacy';
import { FORMAT_EXTENSIONS } from './readers/types';

/** A corpus file read from disk and decoded, ready to parse. */
export interface CorpusFile {
  /** Path relative to the corpus folder, `/`-separated. */
  file: string;
  text: string;
  size: number;
  mtimeMs: number;
  contentHash: string;
}

/** A file left out or repaired, with the reason, for a warning naming the file. */
export interface CorpusWarning {
  file: string;
  message: string;
}

/** The document extensions the corpus reads: plain text, and each format with a reader of its own. */
export const DOCUMENT_EXTENSIONS = ['.txt', ...Object.keys(FORMAT_EXTENSIONS)];

/** Files larger than this are skipped rather than risk the bot's memory. */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/**
 * Lists the corpus's document files (recursively, hidden entries ignored), sorted, relative to `dir`.
 * Only `dir` itself must be readable: a subfolder that cannot be read is left out, and a link to a document
 * is read through, unless it is broken or loops; each such skip is added to `warnings` when given.
 */
export async function listCorpusFiles(dir: string, warnings?: CorpusWarning[]): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(path.join(dir, relative), { withFileTypes: true });
    } catch (error) {
      if (relative === '') throw error;
      warnings?.push({ file: `${relative}/`, message: `folder skipped: ${unreadableReason(error)}` });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      const isDocument = DOCUMENT_EXTENSIONS.includes(path.extname(entry.name).toLowerCase());
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile() && isDocument) found.push(child);
      else if (entry.isSymbolicLink() && isDocument) {
        const problem = await linkProblem(path.join(dir, child));
        if (problem) warnings?.push({ file: child, message: `skipped: ${problem}` });
        else found.push(child);
      }
    }
  };
  await walk('');
  return found.sort();
}

/** Why a link to a document cannot be read as one, or undefined when it leads to a file. */
async function linkProblem(fullPath: string): Promise<string | undefined> {
  try {
    return (await fs.stat(fullPath)).isFile() ? undefined : 'a link to something that is not a file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return 'a symbolic link loop (the link leads back to itself)';
    if (code === 'ENOENT') return 'a broken symbolic link';
    return unreadableReason(error);
  }
}

/** "it could not be read (EACCES)": the reason a file or folder is skipped, with the system's code. */
export function unreadableReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'it vanished while loading';
  if (code === 'EACCES' || code === 'EPERM') return `it could not be read (${code}: permission denied)`;
  return `it could not be read (${code ?? error})`;
}

/** What reading one corpus file gives: the file decoded, or a warning saying why it cannot be used (or both). */
export interface CorpusFileRead {
  document?: CorpusFile;
  warning?: CorpusWarning;
}

/**
 * Reads one corpus file. Returns the decoded text, or a warning when the file cannot be used:
 * vanished, empty, too large, or binary. Text that is not UTF-8 is read as {@link decodeNonUtf8} decides
 * for the file (UTF-8 with `�` where bytes are broken, or the legacy encoding it looks like), with a warning;
 * byte-order marks are dropped and line ends made `\n`.
 */
export async function readCorpusFile(dir: string, file: string): Promise<CorpusFileRead> {
  let handle: fs.FileHandle | undefined;
  try {
    // As in {@link readCorpusFileSync}: the path is looked up once, to open the file.
    handle = await fs.open(path.join(dir, file), 'r');
    const stat = await handle.stat();
    if (stat.size > MAX_DOCUMENT_BYTES) return tooLarge(file, stat.size);
    return corpusFileOf(file, await handle.readFile(), stat);
  } catch (error) {
    return { warning: { file, message: `skipped: ${unreadableReason(error)}` } };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * {@link readCorpusFile}, reading synchronously: for a thread of its own, where a wait for the disk holds
 * up no question, and the promise each step of the other costs is most of reading a small file.
 */
export function readCorpusFileSync(dir: string, file: string): CorpusFileRead {
  let fd: number | undefined;
  try {
    // The path is looked up once, to open the file: a `stat` of the path before reading it was a fifth of
    // reading a small file.
    fd = openSync(path.join(dir, file), 'r');
    const stat = fstatSync(fd);
    if (stat.size > MAX_DOCUMENT_BYTES) return tooLarge(file, stat.size);
    return corpusFileOf(file, readFileSync(fd), stat);
  } catch (error) {
    return { warning: { file, message: `skipped: ${unreadableReason(error)}` } };
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

/** Closes `fd`; a failure to close a file only read loses nothing. */
function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {}
}

function tooLarge(file: string, size: number): CorpusFileRead {
  return {
    warning: { file, message: `skipped: ${size} bytes is over the ${MAX_DOCUMENT_BYTES}-byte limit` },
  };
}

/** A read file's bytes decoded into a {@link CorpusFile}, or the warning that it cannot be one. */
function corpusFileOf(file: string, bytes: Buffer, stat: { mtimeMs: number }): CorpusFileRead {
  const decoded = decode(bytes);
  if ('binary' in decoded) return { warning: { file, message: 'skipped: binary content, not text' } };
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { warning: { file, message: 'skipped: empty' } };
  return {
    document: {
      file,
      text,
      size: bytes.length,
      mtimeMs: stat.mtimeMs,
      contentHash: createHash('sha1').update(bytes).digest('hex'),
    },
    warning: decoded.repaired ? { file, message: decoded.repaired } : undefined,
  };
}

function decode(bytes: Buffer): { text: string; repaired?: string } | { binary: true } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  if (looksBinary(bytes)) return { binary: true };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    return decodeNonUtf8(body);
  }
}

/** NUL bytes, or many control characters, in the first 8 KiB mark a file as binary. */
function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  // Indexed: iterating a Buffer with `for … of` cost several times as much per byte.
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i];
    if (byte === 0) return true;
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}
