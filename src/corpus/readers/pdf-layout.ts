import type { ReadParagraph, ReadSection } from './types';

/**
 * Layout rules that turn the positioned text of PDF pages into paragraphs in reading order. Pure, so they
 * are tested on their own; `pdf.ts` feeds them pdf.js's text items.
 *
 * - Lines: runs of text on one baseline (within half a font size), left to right. A gap wider than
 *   {@link COLUMN_GAP_EMS} font sizes splits a line into segments.
 * - Reading order: a page with text in both halves and a gutter between them is read as two columns, left
 *   then right, with full-width text above and below kept in place; any other page top to bottom.
 * - Paragraphs: a new one starts after a gap taller than usual, at a change of font size, at a bullet, or
 *   after a short line ending a sentence. Words hyphenated at a line end are joined again. A short line in
 *   larger type is a heading: it opens a section instead of being quoted.
 * - Furniture: lines among the top or bottom three of a page whose text recurs on at least half of the
 *   pages (numbers aside, for lines of six words or fewer), and lone page numbers (`12`, `Page 3 of 40`,
 *   `- 7 -`, `iv`), are dropped.
 */

/** One run of text as pdf.js positions it (PDF user space: y grows upwards). */
export interface PdfTextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
}

/** One page's text. */
export interface PdfPageText {
  /** 1-based page number. */
  page: number;
  width: number;
  items: PdfTextItem[];
}

/** A line (or a column's part of one) on a page. */
export interface PdfLine {
  text: string;
  x: number;
  xEnd: number;
  y: number;
  size: number;
}

const COLUMN_GAP_EMS = 1.5;
/** Lines this close to a page's top or bottom are candidates for running headers, footers, page numbers. */
const FURNITURE_LINES = 3;
/** Lines of up to this many words match across pages whatever their numbers. */
const FURNITURE_MAX_FOLDED_WORDS = 6;
const PAGE_NUMBER =
  /^(?:(?:page|p\.|pg\.?|seite)\s*)?(?:\d{1,4}|[ivxlc]{1,7})(?:\s*(?:of|\/|von)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;
const BULLET = /^\s*(?:[•▪◦‣∙·●○■□➢►–—*]|\d{1,2}[.)])\s+/u;
const CLOSING = /[.!?:;…]["'”’)\]]*$/u;
/** Type this much larger than the page's body text marks a heading. */
const HEADING_SIZE_RATIO = 1.15;

/** A page's lines in reading order. */
export function pageLines(page: PdfPageText): PdfLine[] {
  const segments = lineSegments(page.items);
  const mid = page.width / 2;
  const margin = page.width * 0.02;
  const left = segments.filter((line) => line.xEnd <= mid + margin);
  const right = segments.filter((line) => line.x >= mid - margin);
  const twoColumns =
    left.length >= 3 &&
    right.length >= 3 &&
    right.filter((line) => line.x < mid + margin * 4).length >= right.length * 0.6 &&
    overlap(left, right);
  if (!twoColumns) return mergeRows(segments);
  const columnTop = Math.max(...left.concat(right).map((line) => line.y));
  const columnBottom = Math.min(...left.concat(right).map((line) => line.y));
  const spanning = segments.filter((line) => !left.includes(line) && !right.includes(line));
  const above = spanning.filter((line) => line.y > columnTop);
  const below = spanning.filter((line) => line.y < columnBottom);
  // A wide line among the columns' rows (a caption running past the middle) starts left of the right
  // column, or it would be in it: it is read with the left column.
  const between = spanning.filter((line) => !above.includes(line) && !below.includes(line));
  const byY = (a: PdfLine, b: PdfLine) => b.y - a.y;
  return [...mergeRows(above), ...left.concat(between).sort(byY), ...right.sort(byY), ...mergeRows(below)];
}

function overlap(left: PdfLine[], right: PdfLine[]): boolean {
  const span = (lines: PdfLine[]) => [Math.min(...lines.map((l) => l.y)), Math.max(...lines.map((l) => l.y))];
  const [leftLow, leftHigh] = span(left);
  const [rightLow, rightHigh] = span(right);
  return Math.min(leftHigh, rightHigh) - Math.max(leftLow, rightLow) > 0;
}

/** Items grouped by baseline, then split at wide gaps. Top to bottom, left to right. */
function lineSegments(items: PdfTextItem[]): PdfLine[] {
  const sorted = items.filter((item) => item.text !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfTextItem[][] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0].y - item.y) <= Math.max(row[0].size, item.size) * 0.5) row.push(item);
    else rows.push([item]);
  }
  const segments: PdfLine[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let current: PdfLine | undefined;
    for (const item of row) {
      const gap = current ? item.x - current.xEnd : 0;
      if (current && gap <= Math.max(current.size, item.size) * COLUMN_GAP_EMS) {
        const space =
          gap > item.size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.text) ? ' ' : '';
        current.text += space + item.text;
        current.xEnd = Math.max(current.xEnd, item.x + item.width);
        current.size = Math.max(current.size, item.size);
      } else {
        current = { text: item.text, x: item.x, xEnd: item.x + item.width, y: item.y, size: item.size };
        segments.push(current);
      }
    }
  }
  return segments
    .map((line) => ({ ...line, text: line.text.replace(/\s+/g, ' ').trim() }))
    .filter((line) => line.text !== '');
}

/** Segments on one baseline joined again (a one-column page with a tab stop or a right-aligned date). */
function mergeRows(lines: PdfLine[]): PdfLine[] {
  const merged: PdfLine[] = [];
  for (const line of [...lines].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const last = merged[merged.length - 1];
    if (last && Math.abs(last.y - line.y) <= Math.max(last.size, line.size) * 0.5) {
      merged[merged.length - 1] = { ...last, text: `${last.text} ${line.text}`, xEnd: line.xEnd };
    } else merged.push({ ...line });
  }
  return merged;
}

/** Drops running headers and footers (recurring on half the pages or more) and page numbers. */
export function dropPageFurniture(pages: PdfLine[][]): PdfLine[][] {
  const edges = pages.map((lines) => edgeLines(lines));
  const counts = new Map<string, number>();
  for (const lines of edges) {
    for (const key of new Set(lines.map((line) => furnitureKey(line.text)))) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const minimum = Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((lines, index) =>
    lines.filter((line) => {
      if (!edges[index].includes(line)) return true;
      if (PAGE_NUMBER.test(line.text.trim())) return false;
      // At least two pages must share a line for it to be furniture, so a single page keeps all of its own.
      return (counts.get(furnitureKey(line.text)) ?? 0) < minimum;
    }),
  );
}

/** The top-most and bottom-most lines of a page. */
function edgeLines(lines: PdfLine[]): PdfLine[] {
  const byY = [...lines].sort((a, b) => b.y - a.y);
  return [...new Set([...byY.slice(0, FURNITURE_LINES), ...byY.slice(-FURNITURE_LINES)])];
}

/** Compared across pages: short lines with their numbers folded (`Page 3 of 9`, `Chapter 2`), others whole. */
function furnitureKey(text: string): string {
  const folded = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded.split(' ').length <= FURNITURE_MAX_FOLDED_WORDS ? folded.replace(/\d+/g, '#') : folded;
}

/** A paragraph of a PDF page; a heading opens a section. */
export interface PdfParagraph extends ReadParagraph {
  isHeading?: boolean;
}

/**
 * A page's lines joined into paragraphs. A short line without closing punctuation, set larger than the
 * page's body text, is a heading.
 */
export function lineParagraphs(lines: PdfLine[]): PdfParagraph[] {
  if (lines.length === 0) return [];
  const bodySize = median(lines.map((line) => line.size)) ?? 0;
  const gaps = lines
    .slice(1)
    .map((line, i) => lines[i].y - line.y)
    .filter((gap) => gap > 0);
  const usualGap = median(gaps) ?? lines[0].size * 1.2;
  const usualWidth = median(lines.map((line) => line.xEnd - line.x)) ?? 0;
  const paragraphs: PdfParagraph[] = [];
  let current: PdfParagraph | undefined;
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const isBullet = BULLET.test(line.text);
    const startsNew =
      !current ||
      !previous ||
      isBullet ||
      previous.y - line.y > usualGap * 1.4 ||
      previous.y - line.y < 0 ||
      Math.abs(previous.size - line.size) > Math.min(previous.size, line.size) * 0.15 ||
      (CLOSING.test(previous.text) && previous.xEnd - previous.x < usualWidth * 0.8);
    if (startsNew || !current) {
      if (current) paragraphs.push(current);
      current = { text: line.text.replace(BULLET, ''), isListItem: isBullet };
      if (
        line.size > bodySize * HEADING_SIZE_RATIO &&
        !CLOSING.test(line.text) &&
        wordCount(line.text) <= 12
      ) {
        current.isHeading = true;
      }
    } else {
      current.text = joinLines(current.text, line.text);
    }
  });
  if (current) paragraphs.push(current);
  return paragraphs;
}

/** Joins two lines of one paragraph, undoing a hyphen that only broke a word at the line end. */
export function joinLines(before: string, after: string): string {
  if (/\p{L}\u00ad$/u.test(before)) return before.slice(0, -1) + after;
  if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after;
  return `${before} ${after}`;
}

/**
 * Pages' paragraphs as sections: one per page, and a new one at each heading, whose location is the page
 * and that heading (carried over to the next page until another heading). A paragraph broken by a page
 * end (no closing punctuation, the next page going on in lower case) is joined and counted to the page it
 * starts on.
 */
export function pageSections(pages: { page: number; paragraphs: PdfParagraph[] }[]): ReadSection[] {
  const sections: ReadSection[] = [];
  let heading: string | undefined;
  for (const { page, paragraphs } of pages) {
    let section: ReadSection | undefined;
    let pageStart = true;
    const open = () => {
      section = { location: heading ? { page, headings: [heading] } : { page }, paragraphs: [] };
      sections.push(section);
      return section;
    };
    for (const paragraph of paragraphs) {
      const atPageStart = pageStart;
      pageStart = false;
      if (paragraph.isHeading) {
        heading = paragraph.text;
        section = undefined;
        continue;
      }
      const previous = sections[sections.length - 1]?.paragraphs.at(-1);
      const continues =
        atPageStart &&
        previous &&
        !paragraph.isListItem &&
        !CLOSING.test(previous.text) &&
        /^\p{Ll}/u.test(paragraph.text) &&
        sections[sections.length - 1].location?.page === page - 1;
      if (continues && previous) previous.text = joinLines(previous.text, paragraph.text);
      else (section ?? open()).paragraphs.push({ text: paragraph.text, isListItem: paragraph.isListItem });
    }
  }
  return sections.filter((section) => section.paragraphs.length > 0);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
