import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseDocument } from '../parse-document';
import {
  type CorpusFile,
  type CorpusFileRead,
  type CorpusWarning,
  readCorpusFile,
  readCorpusFileSync,
} from '../read-corpus';
import type { DocumentReader } from './document-reader';
import {
  BINARY_FORMATS,
  type DocumentContent,
  FORMAT_EXTENSIONS,
  ReaderError,
  type ReadingLimits,
} from './types';

/** A corpus file read by the reader of its format: its file facts and its content. */
export interface ContentFile {
  meta: Omit<CorpusFile, 'text'>;
  content: DocumentContent;
}

/** What reading one corpus file gives: its content, or a warning saying why it cannot be used (or both). */
export interface ContentFileRead {
  file?: ContentFile;
  warning?: CorpusWarning;
}

/** A `.txt` file's text as content: one section, no location, as the text parser reads it. */
export function plainTextContent(text: string): DocumentContent {
  const parsed = parseDocument(text);
  const { paragraphs, ...metadata } = parsed;
  return { ...metadata, sections: [{ paragraphs }] };
}

/**
 * Reads one corpus file of any format. `.txt` is parsed here as before; Markdown and HTML are decoded
 * as text files are, then read on `reader`'s thread; PDF and Word bytes go to it as they are. A file that
 * cannot be used gives a warning naming why instead; one read in part gives both.
 */
export async function readContentFile(
  dir: string,
  file: string,
  reader: DocumentReader,
  limits: ReadingLimits,
): Promise<ContentFileRead> {
  const format = FORMAT_EXTENSIONS[path.extname(file).toLowerCase()];
  try {
    if (format && BINARY_FORMATS.has(format)) {
      const read = await readBytes(dir, file, limits);
      if ('warning' in read) return read;
      const content = await reader.read({ format: format as 'pdf' | 'docx', bytes: read.bytes });
      return withNotice({ meta: read.meta, content });
    }
    const read = await readCorpusFile(dir, file);
    if (!format) return plainTextFile(read);
    const { document, warning } = read;
    if (!document) return { warning };
    const { text, ...meta } = document;
    const content = await reader.read({ format: format as 'markdown' | 'html', text });
    const withContent = withNotice({ meta, content });
    return warning ? { file: withContent.file, warning } : withContent;
  } catch (error) {
    if (!(error instanceof ReaderError)) throw error;
    return { warning: { file, message: `skipped: ${error.message}` } };
  }
}

/**
 * Reads a `.txt` file synchronously, as {@link readContentFile} reads one: for a thread of its own
 * (`text-files-worker.ts`), where nothing waits on the disk meanwhile.
 */
export function readTextFileSync(dir: string, file: string): ContentFileRead {
  return plainTextFile(readCorpusFileSync(dir, file));
}

/** A `.txt` file as read, parsed by the text parser; its warning (a repaired encoding) kept. */
function plainTextFile({ document, warning }: CorpusFileRead): ContentFileRead {
  if (!document) return { warning };
  const { text, ...meta } = document;
  return { file: { meta, content: plainTextContent(text) }, ...(warning ? { warning } : {}) };
}

function withNotice(file: ContentFile): ContentFileRead & { file: ContentFile } {
  const notice = file.content.notice;
  return { file, warning: notice ? { file: file.meta.file, message: notice } : undefined };
}

async function readBytes(
  dir: string,
  file: string,
  limits: ReadingLimits,
): Promise<{ meta: ContentFile['meta']; bytes: Uint8Array } | { warning: CorpusWarning }> {
  const fullPath = path.join(dir, file);
  try {
    const stat = await fs.stat(fullPath);
    if (stat.size > limits.maxBytes) {
      const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
      return {
        warning: {
          file,
          message: `skipped: ${mb(stat.size)} MB is over the ${mb(limits.maxBytes)} MB limit (DOCUMENT_MAX_MB)`,
        },
      };
    }
    const buffer = await fs.readFile(fullPath);
    if (buffer.length === 0) return { warning: { file, message: 'skipped: empty' } };
    return {
      meta: {
        file,
        size: buffer.length,
        mtimeMs: stat.mtimeMs,
        contentHash: createHash('sha1').update(buffer).digest('hex'),
      },
      // A copy of its own, so it can be handed to the reader thread.
      bytes: new Uint8Array(buffer),
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'it vanished while loading' : `it could not be read (${code ?? error})`;
    return { warning: { file, message: `skipped: ${reason}` } };
  }
}
