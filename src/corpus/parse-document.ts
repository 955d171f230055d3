import { AsciiBytes, isAsciiLetterOrDigit } from './ascii-bytes';
import { validDay } from './readers/iso-date';
import type { ReadParagraph } from './readers/types';

/**
 * Turns a document's text into a title, a date and content paragraphs.
 *
 * Rules, all general (no site-specific strings):
 * - Layout: files that keep one paragraph per line are read line by line; hard-wrapped files (most lines
 *   40–90 columns, none long) are re-flowed, paragraphs ending at a blank line or an indented line.
 * - Title: a headline first line (no closing punctuation, not too long) or a Markdown `#` heading; else a
 *   short lead cut from the first sentence. The title is metadata, never content.
 * - Date: a `date YYYY-MM-DD` (or `published:`/`updated:`) label near the top, or a line that is only a date.
 * - Boilerplate: lines repeated within the document, short lines that are not sentences (headlines of
 *   related links, section labels, a site name, a sign-off) and sentences of three words or fewer.
 *   List items are content even without closing punctuation.
 * - Tables and figures: short lines of a label and figures (`Shr 1.20 dlrs vs 1.05 dlrs`,
 *   `Net 12.3 mln vs 10.1 mln`), and the short labels between them (`Nine mths`), are rows: content,
 *   each kept on its own, like list items.
 */

/** A content paragraph and how it reads. */
export interface ParsedParagraph extends ReadParagraph {
  /** The text's {@link comparisonKey}, for spotting repeats. */
  key: string;
}

/** The outcome of {@link parseDocument}. */
export interface ParsedDocument {
  title: string;
  /** The document has no headline: its title is the start of its lead ({@link DocumentContent.titleFromLead}). */
  titleFromLead?: true;
  date?: string;
  paragraphs: ParsedParagraph[];
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_PATTERN = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const LABELLED_DATE = /^\s*(?:date|dated|published|updated|posted)\s*[:\-–]?\s*(\d{4}-\d{2}-\d{2})\b\s*/i;
const BULLET = /^\s*(?:[•▪◦‣∙·●○■□➢►–—*+-]|\d{1,2}[.)])\s+/u;
/** "Critical Minerals: Expanding collaboration…": a capitalised label of a few words, then its item. */
const LABELLED_ITEM = /^(?:\p{Lu}[\p{L}&/-]*(?:\s+(?:and|of|&|for|the|\p{Lu}[\p{L}&/-]*)){0,4}):\s+\S/u;
/** A table or figures row: a short label, then a figure. */
const TABLE_ROW = /^\p{L}[\p{L}\p{N} .,&/'()%-]{0,40}?\s+[-+(]?[£$€¥₹]?\d\S*(?:\s|$)/u;
const ROW_MAX_WORDS = 14;
/** Numbers written out that make a figure of a table row ("Pay May One", "Loss nil vs three"). */
const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|nil|zero';
const FIGURE = new RegExp(`^(?:[-+(]?[£$€¥₹]?\\d|(?:${NUMBER_WORDS})$)`, 'i');
/** A number word that is a whole word of its line, as {@link FIGURE} takes one. */
const NUMBER_WORD = new RegExp(`(?:^|\\s)(?:${NUMBER_WORDS})(?:\\s|$)`, 'i');
const CLOSING_PUNCTUATION = /[.!?:;…]["'”’)\]]*$/u;
const HEADLINE_MAX_WORDS = 20;
const FRAGMENT_MAX_WORDS = 12;

/** Parses one document. `text` is already decoded, BOM-free, with `\n` line ends. */
export function parseDocument(text: string): ParsedDocument {
  // `trimEnd` drops what `\s` matches.
  let lines = text.split('\n').map((line) => line.trimEnd());
  const date = extractDate(lines);
  if (date) lines = date.lines;

  const rows = tableRows(lines);
  const blocks = isHardWrapped(lines) ? reflow(lines, rows) : joinBrokenSentences(lines, rows);
  const paragraphs = blocks.map(cleanMarkdown).filter((block) => block !== '');
  if (paragraphs.length === 0) return { title: '', date: date?.iso, paragraphs: [] };

  const firstIsHeadline = isHeadline(paragraphs[0]) || /^\s*#/.test(blocks[0]);
  const title = firstIsHeadline ? stripHeading(paragraphs[0]) : leadTitle(paragraphs[0]);
  const titleFromLead = firstIsHeadline ? {} : { titleFromLead: true as const };

  const seen = new Set<string>();
  if (firstIsHeadline) seen.add(comparisonKey(title));
  const keys = paragraphs.map(comparisonKey);
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);

  const content: ParsedParagraph[] = [];
  paragraphs.forEach((paragraph, index) => {
    if (index === 0 && firstIsHeadline) return;
    const key = keys[index];
    const isListItem = BULLET.test(paragraph) || LABELLED_ITEM.test(paragraph) || isRow(rows, paragraph);
    const body = paragraph.replace(BULLET, '').trim();
    if (seen.has(key)) return;
    seen.add(key);
    if (!isListItem && (counts.get(key) ?? 0) > 1 && !CLOSING_PUNCTUATION.test(body)) return;
    if (!isContent(body, isListItem)) return;
    content.push({ text: body, key, isListItem });
  });
  return { title, ...titleFromLead, date: date?.iso, paragraphs: content };
}

/** Any character outside ASCII (a surrogate of one is among them). */
const NON_ASCII = /[\u0080-\uffff]/;

/** Text folded for repetition checks: case, white space and punctuation do not matter. */
export function normalizeForComparison(text: string): string {
  const lower = text.toLowerCase();
  // In ASCII the letters and digits are a–z and 0–9, which a plain pattern finds faster.
  return (
    !NON_ASCII.test(lower) ? lower.replace(/[^a-z0-9]+/g, ' ') : lower.replace(/[^\p{L}\p{N}]+/gu, ' ')
  ).trim();
}

/** Where this module reads ASCII text's bytes. */
const ascii = new AsciiBytes();

/**
 * What stands for a text when repeats are looked for: a 64-bit hash of the text folded by
 * {@link normalizeForComparison}, and its length. Paragraphs' keys are compared across the whole corpus,
 * and kept meanwhile: the folded text itself doubled what reading a corpus held, and folding it (case,
 * then a pattern) was a sixth of parsing a document. ASCII text is folded and hashed in one pass, over
 * its bytes: read character by character from the string, it cost three times as much.
 */
export function comparisonKey(text: string): string {
  const bytes = ascii.of(text);
  if (bytes === undefined) return comparisonKeyOfFolded(normalizeForComparison(text));
  const hash = new FoldedHash();
  let apart = false;
  for (let i = 0; i < bytes.length; i++) {
    const code = bytes[i];
    if (isAsciiLetterOrDigit(code)) {
      // Runs of anything else are one space between words, and none at either end.
      if (apart && hash.length > 0) hash.add(0x20);
      apart = false;
      // In ASCII, the bit of 0x20 lowers a letter's case and is already set in every digit.
      hash.add(code | 0x20);
    } else {
      apart = true;
    }
  }
  return hash.key();
}

/** The {@link comparisonKey} of text already folded by {@link normalizeForComparison}. */
export function comparisonKeyOfFolded(folded: string): string {
  const hash = new FoldedHash();
  for (let i = 0; i < folded.length; i++) hash.add(folded.charCodeAt(i));
  return hash.key();
}

/** Two 32-bit hashes (FNV-1a, and the same walk with another prime) of characters, and their count. */
class FoldedHash {
  private first = 0x811c9dc5 | 0;
  private second = 0x9747b28c | 0;
  length = 0;

  add(code: number): void {
    this.first = Math.imul(this.first ^ code, 0x01000193);
    this.second = Math.imul(this.second ^ code, 0x5bd1e995);
    this.length++;
  }

  /** The hashes and count, 15 bits to a character (none a surrogate): numbers in writing were slower. */
  key(): string {
    const { first, second, length } = this;
    return String.fromCharCode(
      first & 0x7fff,
      (first >>> 15) & 0x7fff,
      first >>> 30,
      second & 0x7fff,
      (second >>> 15) & 0x7fff,
      second >>> 30,
      length & 0x7fff,
      (length >>> 15) & 0x7fff,
    );
  }
}

/**
 * Words of `text`: runs between white space that hold a letter or a digit. Counting stops once past
 * `atMost`, as most callers only ask whether a line is short, and most lines are long paragraphs.
 */
export function wordCount(text: string, atMost = Number.POSITIVE_INFINITY): number {
  let count = 0;
  let counted = false;
  const bytes = ascii.of(text);
  if (bytes !== undefined) {
    for (let i = 0; i < bytes.length; i++) {
      const code = bytes[i];
      if (isWhiteSpace(code)) {
        counted = false;
      } else if (!counted && isAsciiLetterOrDigit(code)) {
        counted = true;
        if (++count > atMost) return count;
      }
    }
    return count;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isWhiteSpace(code)) {
      counted = false;
    } else if (!counted && isLetterOrDigit(text, i, code)) {
      counted = true;
      if (++count > atMost) return count;
    }
  }
  return count;
}

/** What `\s` matches in a regular expression. */
function isWhiteSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/** Whether the character at `at` of `text` (whose code unit is `code`) is a letter or a digit. */
function isLetterOrDigit(text: string, at: number, code: number): boolean {
  if (code < 0x80) return isAsciiLetterOrDigit(code);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(at) ?? code));
}

function isHeadline(line: string): boolean {
  const words = wordCount(line, HEADLINE_MAX_WORDS);
  return (
    words > 0 && words <= HEADLINE_MAX_WORDS && line.length <= 160 && !/[.!?;,]["'”’)]*$/u.test(line.trim())
  );
}

function isContent(text: string, isListItem: boolean): boolean {
  const words = wordCount(text, FRAGMENT_MAX_WORDS);
  if (isListItem) return words >= 2;
  if (!CLOSING_PUNCTUATION.test(text)) return words > FRAGMENT_MAX_WORDS;
  return words > 3;
}

function stripHeading(line: string): string {
  return line.replace(/^#+\s*/, '').trim();
}

/** A title cut from a lead sentence: the first clause or the first dozen words. */
function leadTitle(paragraph: string): string {
  const firstSentence = paragraph.split(/(?<=[.!?])\s+/)[0] ?? paragraph;
  const words = firstSentence.replace(/[.!?]+$/, '').split(/\s+/);
  if (words.length <= 14) return words.join(' ');
  return `${words
    .slice(0, 12)
    .join(' ')
    .replace(/[,;:]$/, '')}…`;
}

function extractDate(lines: string[]): { iso: string; lines: string[] } | undefined {
  const nonEmpty: { line: string; index: number }[] = [];
  for (let index = 0; index < lines.length && nonEmpty.length < 6; index++) {
    if (lines[index].trim() !== '') nonEmpty.push({ line: lines[index], index });
  }
  for (const { line, index } of nonEmpty) {
    const labelled = line.match(LABELLED_DATE);
    if (labelled && isValidIso(labelled[1])) {
      const rest = line.slice(labelled[0].length);
      return { iso: labelled[1], lines: lines.map((l, i) => (i === index ? rest : l)) };
    }
    const alone = parseStandaloneDate(line);
    if (alone) return { iso: alone, lines: lines.filter((_, i) => i !== index) };
  }
  return undefined;
}

/** A line that holds nothing but a date, in ISO or written form ("June 5, 2023", "5 June 2023"). */
function parseStandaloneDate(line: string): string | undefined {
  const text = line.trim().replace(/^(?:dated|date|published|updated|posted)\s*[:\-–]?\s*/i, '');
  const iso = text.match(/^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/);
  if (iso) return isValidIso(`${iso[1]}-${iso[2]}-${iso[3]}`) ? `${iso[1]}-${iso[2]}-${iso[3]}` : undefined;
  const monthFirst = text.match(MONTH_FIRST_DATE);
  if (monthFirst) return toIso(monthFirst[3], monthFirst[1], monthFirst[2]);
  const dayFirst = text.match(DAY_FIRST_DATE);
  if (dayFirst) return toIso(dayFirst[3], dayFirst[2], dayFirst[1]);
  return undefined;
}

/** "June 5, 2023", "Monday, June 5 2023". */
const MONTH_FIRST_DATE = new RegExp(`^(?:\\w+,\\s+)?${MONTH_PATTERN}\\s+(\\d{1,2}),?\\s+(\\d{4})$`, 'i');
/** "5 June 2023", "Monday, 5 June, 2023". */
const DAY_FIRST_DATE = new RegExp(`^(?:\\w+,\\s+)?(\\d{1,2})\\s+${MONTH_PATTERN},?\\s+(\\d{4})$`, 'i');

function toIso(year: string, month: string, day: string): string | undefined {
  const monthIndex = MONTHS.findIndex((name) =>
    name.startsWith(month.toLowerCase().replace('.', '').slice(0, 3)),
  );
  const iso = `${year}-${String(monthIndex + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return monthIndex >= 0 && isValidIso(iso) ? iso : undefined;
}

/** Whether `iso` (`YYYY-MM-DD`, digits only) names a real calendar day ({@link validDay}). */
function isValidIso(iso: string): boolean {
  return validDay(iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)) !== undefined;
}

/** Hard-wrapped text: several lines, most of them of similar medium width, none of them long. */
function isHardWrapped(lines: string[]): boolean {
  const nonEmpty = lines.filter((line) => line.trim() !== '');
  if (nonEmpty.length < 4) return false;
  const long = nonEmpty.filter((line) => line.length > 100).length;
  const wrapped = nonEmpty.filter((line) => line.length >= 40 && line.length <= 100).length;
  return long / nonEmpty.length < 0.05 && wrapped / nonEmpty.length >= 0.5;
}

/**
 * The lines that are rows of a table or a run of figures: a run of short lines, each a label with
 * figures or a short label ("Nine mths", "Pay May One"), holding two label-and-figure lines, or one
 * among three lines or more.
 */
function tableRows(lines: string[]): Set<string> {
  const rows = new Set<string>();
  let run: string[] = [];
  let figureLines = 0;
  const endRun = () => {
    if (figureLines >= 2 || (figureLines >= 1 && run.length >= 3))
      for (const line of run) rows.add(rowKey(line));
    run = [];
    figureLines = 0;
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    // Counted once for both questions: a label has four words at most, a figures row fourteen.
    const words = wordCount(line, ROW_MAX_WORDS);
    const figures = isFigureLine(line, words);
    const label = words <= 4 && !CLOSING_PUNCTUATION.test(line);
    if (!figures && !label) {
      endRun();
      continue;
    }
    run.push(line);
    if (figures) figureLines++;
  }
  endRun();
  return rows;
}

/**
 * A short line of a label and figures: two of them ("34 cts vs 1.19 dlrs"), or one after a short label.
 * `words`: `wordCount(line, ROW_MAX_WORDS)`, more than {@link ROW_MAX_WORDS} for a longer line.
 */
function isFigureLine(line: string, words: number): boolean {
  if (!/^\p{L}/u.test(line) || words > ROW_MAX_WORDS || /[.!?]["'”’)]*$/u.test(line)) return false;
  // Without a digit, only number words written out make figures (most lines of prose have neither).
  if (!/\d/.test(line) && !NUMBER_WORD.test(line)) return false;
  const figures = line.split(/\s+/).filter((word) => FIGURE.test(word)).length;
  return figures >= 2 || (TABLE_ROW.test(line) && words <= 4);
}

/**
 * Lines one a paragraph, except where a sentence runs on to the next line: a line without closing
 * punctuation followed by one that starts in lowercase ("said it will" / "change its name").
 */
function joinBrokenSentences(lines: string[], rows: ReadonlySet<string>): string[] {
  const paragraphs: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const previous = paragraphs[paragraphs.length - 1];
    const runsOn =
      previous !== undefined &&
      /^\s*\p{Ll}/u.test(line) &&
      !CLOSING_PUNCTUATION.test(previous) &&
      !isRow(rows, previous) &&
      !isRow(rows, line) &&
      !BULLET.test(line);
    if (runsOn) paragraphs[paragraphs.length - 1] = `${previous.trimEnd()} ${line.trim()}`;
    else paragraphs.push(line);
  }
  return paragraphs;
}

/** A row's text with its spacing evened, as paragraphs are. */
function rowKey(line: string): string {
  return evenlySpaced(line);
}

/** Whether `line` is one of `rows` ({@link tableRows}); most documents have none to look among. */
function isRow(rows: ReadonlySet<string>, line: string): boolean {
  return rows.size > 0 && rows.has(rowKey(line));
}

/** Joins wrapped lines into paragraphs: a blank line, an indent, a list item or a table row starts a new one. */
function reflow(lines: string[], rows: ReadonlySet<string>): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) paragraphs.push(evenlySpaced(current.join(' ')));
    current = [];
  };
  const indentedCount = lines.filter((line) => /^\s{2,}\S/.test(line) || /^\t/.test(line)).length;
  const nonEmptyCount = lines.filter((line) => line.trim() !== '').length;
  const indentMarksParagraphs = indentedCount > 0 && indentedCount < nonEmptyCount * 0.6;
  for (const line of lines) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const row = isRow(rows, line);
    const startsParagraph = (indentMarksParagraphs && /^\s+\S/.test(line)) || BULLET.test(line) || row;
    if (startsParagraph) flush();
    current.push(line.trim());
    if (row) flush();
  }
  flush();
  return paragraphs;
}

/** What any of the Markdown that {@link cleanMarkdown} removes starts with. */
const MARKDOWN_MARK = /[[*_`>]/;

/** Removes Markdown markup that is not prose: emphasis, inline code, link targets, images. */
function cleanMarkdown(line: string): string {
  if (!MARKDOWN_MARK.test(line)) return evenlySpaced(line);
  const cleaned = line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^\s*>\s?/, '');
  return evenlySpaced(cleaned);
}

/** White space other than a space. */
const OTHER_WHITE_SPACE = /[^\S ]/;

/** `text` with each run of white space made one space, and none at either end. */
function evenlySpaced(text: string): string {
  // Four plain searches: one pattern of four alternatives cost more than all of them.
  const uneven =
    text.startsWith(' ') || text.endsWith(' ') || text.includes('  ') || OTHER_WHITE_SPACE.test(text);
  return uneven ? text.replace(/\s+/g, ' ').trim() : text;
}
