import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** natural's English lexicon: word → its parts of speech, the likeliest first. */
const NATURAL_LEXICON = 'natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json';
/** The lexicon as a {@link SortedLexicon} table, kept beside the bundle once made. */
export const LEXICON_TABLE_FILE = 'english-lexicon.tsv';
/** The tags natural's English tagger gives a word it does not know: lowercase, and capitalised. */
const UNKNOWN_TAG = 'N';
const UNKNOWN_CAPITALISED_TAG = 'NNP';

/**
 * natural's English lexicon (about 93,000 words), as coop asks it: whether a word is listed, and its
 * likeliest part of speech. The table is one string of `word\ttag` lines sorted by code unit, searched
 * by halving: parsing natural's pretty-printed JSON took a quarter of a second and about 15 MB of heap
 * kept for ever, and a bot just started did it on its first question. Loading the table takes a few ms.
 */
export class SortedLexicon {
  private constructor(
    private readonly table: string,
    /** Where each line starts, and the table's length after the last. */
    private readonly starts: Int32Array,
  ) {}

  /**
   * The lexicon in `table` (as {@link lexiconTable} writes it), or undefined when the text is not such a
   * table: a line without its tab, or lines out of order, which searching by halving would misread.
   */
  static parse(table: string): SortedLexicon | undefined {
    const starts: number[] = [];
    for (let start = 0; start < table.length; ) {
      const end = table.indexOf('\n', start);
      const tab = table.indexOf('\t', start);
      if (end < 0 || tab < 0 || tab > end) return undefined;
      const previous = starts[starts.length - 1];
      if (previous !== undefined && compareWord(table, start, tab, table, previous) <= 0) return undefined;
      starts.push(start);
      start = end + 1;
    }
    return new SortedLexicon(table, Int32Array.from([...starts, table.length]));
  }

  /** How many words are listed. */
  get size(): number {
    return this.starts.length - 1;
  }

  /** True when `word`, exactly as written, is listed. */
  has(word: string): boolean {
    return this.lineOf(word) >= 0;
  }

  /** The likeliest part of speech of `word` exactly as written, if listed ('' for a word listed without one). */
  tagOf(word: string): string | undefined {
    const line = this.lineOf(word);
    if (line < 0) return undefined;
    const tab = this.table.indexOf('\t', this.starts[line]);
    return this.table.slice(tab + 1, this.starts[line + 1] - 1);
  }

  /**
   * The parts of speech natural's `Lexicon.tagWord` gives `word`, as its Brill tagger asks: the word's
   * own, else its lowercase's, else `NNP` for a capitalised word and `N` for any other. Only the likeliest
   * is kept, the only one the tagger reads.
   */
  tagWord(word: string): string[] {
    const tag = this.tagOf(word) ?? this.tagOf(word.toLowerCase());
    if (tag !== undefined) return tag === '' ? [] : [tag];
    return [/[A-Z]/.test(word[0]) ? UNKNOWN_CAPITALISED_TAG : UNKNOWN_TAG];
  }

  /** The line listing `word`, or -1. */
  private lineOf(word: string): number {
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = compareWord(word, 0, word.length, this.table, this.starts[middle]);
      if (order === 0) return middle;
      if (order < 0) high = middle - 1;
      else low = middle + 1;
    }
    return -1;
  }
}

/**
 * How `text` from `from` to `to` sorts against the word of the table line starting at `lineStart`, by code
 * unit, as `Array.sort` does.
 */
function compareWord(text: string, from: number, to: number, table: string, lineStart: number): number {
  let at = lineStart;
  for (let i = from; i < to; i++, at++) {
    const listed = table.charCodeAt(at);
    // The tab ending the listed word sorts before every character of a word.
    if (listed === 9) return 1;
    const difference = text.charCodeAt(i) - listed;
    if (difference !== 0) return difference;
  }
  return table.charCodeAt(at) === 9 ? 0 : -1;
}

/** A {@link SortedLexicon} table of `lexicon` (word → tags, the likeliest first). */
export function lexiconTable(lexicon: Record<string, readonly string[]>): string {
  return Object.keys(lexicon)
    .sort()
    .map((word) => `${word}\t${lexicon[word][0] ?? ''}\n`)
    .join('');
}

let english: SortedLexicon | undefined;

/**
 * natural's English lexicon, loaded on first use: from its table beside coop's bundle when `npm start`
 * runs one ({@link LEXICON_TABLE_FILE}), else from natural's JSON, and the table then written there for
 * the next start. Run from sources (tsx, tests), natural's JSON is read each time.
 */
export function englishLexicon(): SortedLexicon {
  english ??= loadEnglishLexicon(
    __filename.endsWith('.ts') ? undefined : path.join(__dirname, LEXICON_TABLE_FILE),
  );
  return english;
}

/**
 * The English lexicon from the table at `tableFile` when there is a sound one, else from natural's JSON,
 * written to `tableFile` for next time (a build folder that cannot be written only costs the next start
 * the same quarter second).
 */
export function loadEnglishLexicon(tableFile?: string): SortedLexicon {
  if (tableFile !== undefined) {
    const kept = readQuietly(tableFile);
    const lexicon = kept === undefined ? undefined : SortedLexicon.parse(kept);
    if (lexicon) return lexicon;
  }
  const table = lexiconTable(JSON.parse(readFileSync(require.resolve(NATURAL_LEXICON), 'utf8')));
  const lexicon = SortedLexicon.parse(table);
  if (!lexicon) throw new Error(`${NATURAL_LEXICON} did not make a sorted lexicon`);
  if (tableFile !== undefined) writeAtomically(tableFile, table);
  return lexicon;
}

function readQuietly(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Writes through a temporary file renamed into place, so a start reading the table never sees half of it. */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
}

/** True when the lexicon lists this exact lowercased word as ordinary English. */
export function lexiconHas(word: string): boolean {
  return englishLexicon().has(word);
}

type BrillTaggerClass = typeof import('natural/lib/natural/brill_pos_tagger/lib/Brill_POS_Tagger');
type RuleSetClass = typeof import('natural/lib/natural/brill_pos_tagger/lib/RuleSet');

let tagger: InstanceType<BrillTaggerClass> | undefined;

/**
 * natural's Brill tagger over the English lexicon, made on first use. Its modules are required on their
 * own: natural's index of them also parses its English and Dutch lexicons as JSON.
 */
export function englishTagger(): InstanceType<BrillTaggerClass> {
  if (tagger === undefined) {
    const BrillTagger: BrillTaggerClass = require('natural/lib/natural/brill_pos_tagger/lib/Brill_POS_Tagger');
    const RuleSet: RuleSetClass = require('natural/lib/natural/brill_pos_tagger/lib/RuleSet');
    tagger = new BrillTagger(englishLexicon(), new RuleSet('EN'));
  }
  return tagger;
}
