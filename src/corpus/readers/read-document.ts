import { readDocx } from './docx';
import { readHtml } from './html';
import { readMarkdown } from './markdown';
import { readPdf } from './pdf';
import type { DocumentContent, DocumentFormat } from './types';

/** What to read: a text format as decoded text, a binary one as bytes. */
export type DocumentSource =
  | { format: 'markdown' | 'html'; text: string }
  | { format: 'pdf' | 'docx'; bytes: Uint8Array };

/** Reads one document with the reader of its format. Throws `ReaderError` for a file it cannot use. */
export async function readDocumentContent(
  source: DocumentSource,
  maxPdfPages: number,
): Promise<DocumentContent> {
  switch (source.format) {
    case 'markdown':
      return readMarkdown(source.text);
    case 'html':
      return readHtml(source.text);
    case 'pdf':
      return readPdf(source.bytes, maxPdfPages);
    case 'docx':
      return readDocx(source.bytes);
  }
}

/** The format of a {@link DocumentSource}, for messages. */
export function formatName(format: DocumentFormat): string {
  return { markdown: 'Markdown', html: 'HTML', pdf: 'PDF', docx: 'Word' }[format];
}
