import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
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

/** Lists the corpus's document files (recursively, hidden entries ignored), sorted, relative to `dir`. */
export async function listCorpusFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await fs.readdir(path.join(dir, relative), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile() && DOCUMENT_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
        found.push(child);
      }
    }
  };
  await walk('');
  return found.sort();
}

/**
 * Reads one corpus file. Returns the decoded text, or a warning when the file cannot be used:
 * vanished, empty, too large, or binary. Text that is not UTF-8 is read as Windows-1252 with a warning;
 * byte-order marks are dropped and line ends made `\n`.
 */
export async function readCorpusFile(
  dir: string,
  file: string,
): Promise<{ document?: CorpusFile; warning?: CorpusWarning }> {
  const fullPath = path.join(dir, file);
  let bytes: Buffer;
  let stat: { size: number; mtimeMs: number };
  try {
    stat = await fs.stat(fullPath);
    if (stat.size > MAX_DOCUMENT_BYTES) {
      return {
        warning: {
          file,
          message: `skipped: ${stat.size} bytes is over the ${MAX_DOCUMENT_BYTES}-byte limit`,
        },
      };
    }
    bytes = await fs.readFile(fullPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'it vanished while loading' : `it could not be read (${code ?? error})`;
    return { warning: { file, message: `skipped: ${reason}` } };
  }

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
    return {
      text: new TextDecoder('windows-1252').decode(body),
      repaired: 'not valid UTF-8: read as Windows-1252; re-save it as UTF-8 to be sure of every character',
    };
  }
}

/** NUL bytes, or many control characters, in the first 8 KiB mark a file as binary. */
function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}
