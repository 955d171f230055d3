import type { DocumentContent } from './types';

/** What to read: a text format as decoded text, a binary one as bytes. */
export type DocumentSource =
  | { format: 'markdown' | 'html'; text: string }
  | { format: 'pdf' | 'docx'; bytes: Uint8Array };

/**
 * Reads one document with the reader of its format. Throws `ReaderError` for a file it cannot use.
 * Each reader's libraries are loaded on first use, so a corpus of Markdown never loads pdf.js.
 */
export async function readDocumentContent(
  source: DocumentSource,
  maxPdfPages: number,
): Promise<DocumentContent> {
  // `require`, not `import()`: the worker thread runs TypeScript through tsx's require hook only.
  switch (source.format) {
    case 'markdown':
      return (require('./markdown') as typeof import('./markdown')).readMarkdown(source.text);
    case 'html':
      return (require('./html') as typeof import('./html')).readHtml(source.text);
    case 'pdf':
      return (require('./pdf') as typeof import('./pdf')).readPdf(source.bytes, maxPdfPages);
    case 'docx':
      return (require('./docx') as typeof import('./docx')).readDocx(source.bytes);
  }
}
