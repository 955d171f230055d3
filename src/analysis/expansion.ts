import { analyze, foldText } from './analyzer';

/**
 * Query expansion: other names for the same thing, searched at lower weight than the words typed.
 *
 * - Place aliases: groups of names for one country (`UK`, `Britain`, `British`, `United Kingdom`).
 * - Acronyms mined from the corpus itself: `Technology Security Initiative (TSI)` and
 *   `TSI (Technology Security Initiative)` teach that `tsi` and those words name one thing, both ways.
 *
 * An expansion is a sequence of index terms that must all be present for it to count as a match.
 */

/** Names of one place; multi-word names are matched as phrases. */
export const PLACE_ALIASES: readonly (readonly string[])[] = [
  ['uk', 'britain', 'british', 'united kingdom', 'great britain'],
  ['india', 'indian', 'bharat', 'hindustan'],
  ['usa', 'america', 'american', 'united states', 'united states of america'],
  ['eu', 'european union'],
  ['china', 'chinese', 'prc'],
];

/** A way to say a concept: index terms that must all match. */
export type TermSequence = readonly string[];

const aliasGroups: TermSequence[][] = PLACE_ALIASES.map((group) =>
  group.map((name) => analyze(name).map((t) => t.term)),
);

/** Alias term sequences for a single index term (empty when it names no known place). */
export function placeAliases(term: string): TermSequence[] {
  const group = aliasGroups.find((sequences) =>
    sequences.some((sequence) => sequence.length === 1 && sequence[0] === term),
  );
  return group ? group.filter((sequence) => !(sequence.length === 1 && sequence[0] === term)) : [];
}

/** Multi-word place names in a term list, with the aliases of each: `united kingdom` → `uk`, `britain`... */
export function placePhrases(terms: string[]): { start: number; length: number; aliases: TermSequence[] }[] {
  const found: { start: number; length: number; aliases: TermSequence[] }[] = [];
  for (const group of aliasGroups) {
    for (const phrase of group) {
      if (phrase.length < 2) continue;
      for (let start = 0; start + phrase.length <= terms.length; start++) {
        if (phrase.every((term, offset) => terms[start + offset] === term)) {
          found.push({
            start,
            length: phrase.length,
            aliases: group.filter((sequence) => sequence !== phrase),
          });
        }
      }
    }
  }
  return found;
}

/** Minor words an acronym may skip or take a letter from ("Ministry of Defence (MoD)"). */
const MINOR_WORDS = new Set([
  'of',
  'and',
  'for',
  'the',
  'on',
  'in',
  'to',
  'de',
  'la',
  'du',
  '&',
  'at',
  'a',
  'an',
]);
/** An acronym in parentheses, read from just after the opening one: `TSI)`. */
const ACRONYM_IN_PARENS = /([\p{Lu}][\p{L}&-]{1,11})\)/uy;
/** A character of a long form's word. */
const LONG_FORM_CHARACTER = /^[\p{L}\p{N}&'’-]$/u;
const SPACE = /^\s$/u;
/** How many words before an acronym in parentheses may spell it. */
const MAX_LONG_FORM_WORDS = 12;
const PAREN_AFTER_ACRONYM = /\b([\p{Lu}][\p{L}&-]{1,11})\s+\(([^()]{3,120})\)/gu;

/** Acronyms learned from a corpus: acronym term ⇄ expansion terms. */
export class AcronymTable {
  private readonly expansions = new Map<string, TermSequence>();

  /** Scans texts for "Long Form (LF)" and "LF (Long Form)" definitions. */
  static mine(texts: Iterable<string>): AcronymTable {
    const table = new AcronymTable();
    for (const text of texts) table.learnFrom(text);
    return table;
  }

  /** Rebuilds a table from {@link entries} output (snapshots). */
  static fromEntries(entries: [string, string[]][]): AcronymTable {
    const table = new AcronymTable();
    for (const [acronym, expansion] of entries) table.expansions.set(acronym, expansion);
    return table;
  }

  /** The learned definitions, for snapshots and tests. */
  entries(): [string, string[]][] {
    return [...this.expansions].map(([acronym, expansion]) => [acronym, [...expansion]]);
  }

  /** Expansion terms for an acronym term (`tsi` → `technolog secur initi`), if learned. */
  expand(term: string): TermSequence | undefined {
    return this.expansions.get(term);
  }

  /** Acronyms whose expansion occurs in `terms`, with where it starts. */
  acronymsIn(terms: string[]): { acronym: string; start: number; length: number }[] {
    const found: { acronym: string; start: number; length: number }[] = [];
    for (const [acronym, expansion] of this.expansions) {
      for (let start = 0; start + expansion.length <= terms.length; start++) {
        if (expansion.every((term, offset) => terms[start + offset] === term)) {
          found.push({ acronym, start, length: expansion.length });
        }
      }
    }
    return found;
  }

  private learnFrom(text: string): void {
    // Both patterns need a parenthesis; most passages have none, and the long-form scan is costly.
    if (!text.includes('(')) return;
    for (const [acronym, before] of acronymsAfterWords(text)) {
      const words = before.trim().split(/\s+/);
      const longForm = longFormFor(acronym, words);
      if (longForm) this.define(acronym, longForm);
    }
    for (const match of text.matchAll(PAREN_AFTER_ACRONYM)) {
      const words = match[2].trim().split(/\s+/);
      if (longFormFor(match[1], words)?.length === words.length) this.define(match[1], words);
    }
  }

  private define(acronym: string, longForm: string[]): void {
    const acronymTerms = analyze(acronym).filter((token) => !token.isPart);
    const expansion = analyze(longForm.join(' '))
      .filter((token) => !token.isPart)
      .map((token) => token.term);
    if (acronymTerms.length !== 1 || expansion.length < 2) return;
    const key = acronymTerms[0].term;
    if (!this.expansions.has(key)) this.expansions.set(key, expansion);
  }
}

/**
 * Each acronym in parentheses in `text` with the words just before it (up to {@link MAX_LONG_FORM_WORDS},
 * each followed by space, none across punctuation): "Technology Security Initiative (TSI)". Found from
 * each opening parenthesis back: a pattern of the words then the acronym tried a run of words from every
 * place in the text, most of a large build's acronym mining.
 */
function* acronymsAfterWords(text: string): Generator<[acronym: string, words: string]> {
  for (let paren = text.indexOf('('); paren >= 0; paren = text.indexOf('(', paren + 1)) {
    ACRONYM_IN_PARENS.lastIndex = paren + 1;
    const acronym = ACRONYM_IN_PARENS.exec(text)?.[1];
    if (acronym === undefined) continue;
    let start = paren;
    for (let words = 0; words < MAX_LONG_FORM_WORDS; words++) {
      const wordEnd = skipBack(text, start, SPACE);
      const wordStart = skipBack(text, wordEnd, LONG_FORM_CHARACTER);
      if (wordEnd === start || wordStart === wordEnd) break;
      start = wordStart;
    }
    if (start < paren) yield [acronym, text.slice(start, paren)];
  }
}

/** Where the run of characters matching `character` that ends at `end` starts (a surrogate pair is one). */
function skipBack(text: string, end: number, character: RegExp): number {
  let at = end;
  while (at > 0) {
    const width = at >= 2 && SURROGATE_PAIR.test(text.slice(at - 2, at)) ? 2 : 1;
    if (!character.test(text.slice(at - width, at))) break;
    at -= width;
  }
  return at;
}

const SURROGATE_PAIR = /^[\ud800-\udbff][\udc00-\udfff]$/;

/**
 * The trailing words of `words` that spell `acronym`, or undefined. Each major word gives its initial
 * (an all-capital word may give all its letters, a hyphenated word one initial per part); minor words
 * give their initial or nothing.
 */
export function longFormFor(acronym: string, words: string[]): string[] | undefined {
  const letters = foldText(acronym).replace(/[^a-z0-9]/g, '');
  if (letters.length < 2 || !/\p{Lu}.*\p{Lu}/u.test(acronym)) return undefined;
  for (let start = words.length - 1; start >= Math.max(0, words.length - letters.length - 4); start--) {
    const candidate = words.slice(start).map((word) => word.replace(/[^\p{L}\p{N}&-]/gu, ''));
    if (candidate.some((word) => word === '')) return undefined;
    if (MINOR_WORDS.has(candidate[0].toLowerCase())) continue;
    if (spells(candidate, 0, letters, 0)) return words.slice(start);
  }
  return undefined;
}

function spells(words: string[], wordIndex: number, letters: string, letterIndex: number): boolean {
  if (wordIndex === words.length) return letterIndex === letters.length;
  const word = words[wordIndex];
  const lower = foldText(word);
  const options: string[] = [];
  if (MINOR_WORDS.has(lower)) options.push('');
  options.push(lower[0]);
  if (/^\p{Lu}{2,}$/u.test(word)) options.push(lower);
  if (word.includes('-'))
    options.push(
      lower
        .split('-')
        .map((part) => part[0] ?? '')
        .join(''),
    );
  return options.some(
    (prefix) =>
      letters.startsWith(prefix, letterIndex) &&
      spells(words, wordIndex + 1, letters, letterIndex + prefix.length),
  );
}
