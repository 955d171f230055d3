import type { PassageLocation } from '../types';

/** The formats read by a reader of their own (plain `.txt` keeps the text parser). */
export type DocumentFormat = 'markdown' | 'html' | 'pdf' | 'docx';

/** File extensions (lower case, with the dot) of each {@link DocumentFormat}. */
export const FORMAT_EXTENSIONS: Readonly<Record<string, DocumentFormat>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

/** Formats read from bytes; the others are text, decoded as `.txt` files are. */
export const BINARY_FORMATS: ReadonlySet<DocumentFormat> = new Set(['pdf', 'docx']);

/** A paragraph a reader found: prose, a list item, a table row or the head of a code block. */
export interface ReadParagraph {
  text: string;
  /** Shown and grouped with its neighbours as a list (list items, table rows). */
  isListItem: boolean;
  /** The sentences its passages will hold, once split ahead of cutting them (`splitParagraph`). */
  sentences?: string[];
}

/** A run of paragraphs under one location: a PDF page, or the text under one heading. */
export interface ReadSection {
  location?: PassageLocation;
  paragraphs: ReadParagraph[];
}

/** What a reader makes of a file: metadata, then its content section by section. */
export interface DocumentContent {
  title?: string;
  /**
   * The document has no headline, so its title is the start of its lead paragraph: the lead's own words,
   * not a headline over the passages below it.
   */
  titleFromLead?: true;
  /** ISO date `YYYY-MM-DD`. */
  date?: string;
  url?: string;
  sections: ReadSection[];
  /** Something the reader left out but the document is still used (pages past the limit). */
  notice?: string;
}

/** Limits on reading one file; see `DOCUMENT_MAX_MB`, `PDF_MAX_PAGES`, `DOCUMENT_READ_TIMEOUT_SECONDS`. */
export interface ReadingLimits {
  /** PDF and Word files larger than this are skipped. */
  maxBytes: number;
  /** Pages of a PDF past this one are not read. */
  maxPdfPages: number;
  /** A file still being read after this long is skipped. */
  timeoutMs: number;
}

/** Defaults of {@link ReadingLimits}. */
export const DEFAULT_READING_LIMITS: ReadingLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxPdfPages: 1000,
  timeoutMs: 120_000,
};

/** Options for reading a corpus: limits and where its files can be opened. */
export interface ReadingOptions {
  limits?: ReadingLimits;
  /** `CORPUS_URL`: base URL the corpus folder is served at; a document's URL is this plus its path. */
  corpusUrl?: string;
}

/** Thrown by a reader for a file it cannot use; the message says why and what to do, for a warning. */
export class ReaderError extends Error {
  readonly code = 'coop_document_unreadable';
  constructor(message: string) {
    super(message);
    this.name = 'ReaderError';
  }
}
