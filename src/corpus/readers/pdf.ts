import { getDocumentProxy } from 'unpdf';
import { dateField } from './iso-date';
import {
  dropPageFurniture,
  lineParagraphs,
  type PdfLine,
  type PdfTextItem,
  pageLines,
  pageSections,
} from './pdf-layout';
import { type DocumentContent, ReaderError } from './types';

/** A PDF with fewer letters than this per page on average has no usable text layer. */
const MIN_LETTERS_PER_PAGE = 20;
const HEADLINE_MAX_WORDS = 20;

/** The part of a pdf.js text item the reader uses. */
interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

/**
 * Reads a PDF with pdf.js (through unpdf's build for servers): the text of each page in reading order,
 * each page a section whose location is its page number (see `pdf-layout.ts` for the rules). The title is
 * the document's Title property unless that is empty or a leftover file name, else the largest line atop
 * page 1; the date is its creation date. Only the first `maxPages` pages are read.
 *
 * Throws {@link ReaderError} for a PDF that is encrypted, broken, or has no text layer (a scan).
 */
export async function readPdf(bytes: Uint8Array, maxPages: number): Promise<DocumentContent> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(bytes, { isEvalSupported: false, stopAtErrors: false, verbosity: 0 });
  } catch (error) {
    throw pdfError(error);
  }
  try {
    const pageCount = Math.min(pdf.numPages, maxPages);
    const pages: { page: number; width: number; lines: PdfLine[] }[] = [];
    for (let number = 1; number <= pageCount; number++) {
      const page = await pdf.getPage(number);
      const width = page.getViewport({ scale: 1 }).width;
      const content = await page.getTextContent();
      const items = (content.items as TextItemLike[]).flatMap(toItem);
      pages.push({ page: number, width, lines: pageLines({ page: number, width, items }) });
      page.cleanup();
    }
    const letters = pages.reduce(
      (sum, page) => sum + page.lines.reduce((n, line) => n + (line.text.match(/\p{L}/gu)?.length ?? 0), 0),
      0,
    );
    if (letters < MIN_LETTERS_PER_PAGE * Math.max(1, pageCount)) {
      throw new ReaderError(
        'no text layer: it looks like a scan; run OCR on it (for example ocrmypdf) and put the result in the corpus',
      );
    }
    const kept = dropPageFurniture(pages.map((page) => page.lines));
    const metadata = (await pdf.getMetadata().catch(() => undefined)) as
      | { info?: { Title?: unknown; CreationDate?: unknown; ModDate?: unknown } }
      | undefined;
    const titleLine = metadataTitle(metadata?.info?.Title) ? undefined : largestLine(kept[0] ?? []);
    const sections = pageSections(
      pages.map((page, i) => ({
        page: page.page,
        paragraphs: lineParagraphs(kept[i].filter((line) => line !== titleLine)),
      })),
    );
    return {
      title: metadataTitle(metadata?.info?.Title) ?? titleLine?.text,
      date: dateField(metadata?.info?.CreationDate) ?? dateField(metadata?.info?.ModDate),
      sections,
      notice:
        pdf.numPages > pageCount
          ? `only the first ${pageCount} of ${pdf.numPages} pages read (PDF_MAX_PAGES)`
          : undefined,
    };
  } catch (error) {
    if (error instanceof ReaderError) throw error;
    throw pdfError(error);
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

function toItem(item: TextItemLike): PdfTextItem[] {
  if (typeof item.str !== 'string' || !item.transform) return [];
  const [a, b, , , x, y] = item.transform;
  const size = Math.hypot(a, b) || item.height || 0;
  return [{ text: item.str, x, y, width: item.width ?? 0, size }];
}

function pdfError(error: unknown): ReaderError {
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'PasswordException') {
    return new ReaderError('encrypted (password-protected): save a copy without a password to include it');
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new ReaderError(`not a readable PDF (${detail}); re-export or re-save it as PDF`);
}

/** A Title property worth showing: not empty, not a file name a converter left behind. */
function metadataTitle(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const title = value.replace(/\s+/g, ' ').trim();
  if (title === '' || /^untitled$/i.test(title) || /^microsoft (word|powerpoint) - /i.test(title))
    return undefined;
  if (/\.(docx?|pdf|pptx?|txt|indd|tex)$/i.test(title)) return undefined;
  return title;
}

/** The line set in the largest type on page 1, if it reads as a headline. */
function largestLine(lines: PdfLine[]): PdfLine | undefined {
  const largest = [...lines].sort((a, b) => b.size - a.size || b.y - a.y)[0];
  // The lower middle size: on a cover of a title and one more line, the upper one is the title's own.
  const body = lines.map((line) => line.size).sort((a, b) => a - b)[Math.floor((lines.length - 1) / 2)];
  if (!largest || largest.size <= (body ?? 0) * 1.1) return undefined;
  const words = largest.text.split(/\s+/).length;
  return words <= HEADLINE_MAX_WORDS ? largest : undefined;
}
