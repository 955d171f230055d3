/**
 * Sentence boundary detection for news prose.
 *
 * A boundary is terminal punctuation (`.`, `!`, `?`, optionally followed by closing quotes or brackets),
 * then white space, then something that can start a sentence (a capital, a digit, an opening quote).
 * A period does not end a sentence after a title or common abbreviation (`Dr.`, `Gen.`, `Inc.`), after a
 * single initial (`G. Satheesh Reddy`), or after an initialism (`P.S. Raghavan`, `the U.S. side`) unless
 * the next word is a typical sentence opener (`... in the U.S. The talks ...`).
 */

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'ft',
  'gen',
  'col',
  'lt',
  'capt',
  'cpt',
  'sgt',
  'maj',
  'adm',
  'cmdr',
  'brig',
  'rep',
  'sen',
  'gov',
  'pres',
  'hon',
  'rev',
  'fr',
  'supt',
  'insp',
  'amb',
  'inc',
  'ltd',
  'co',
  'corp',
  'bros',
  'plc',
  'llc',
  'dept',
  'univ',
  'assn',
  'govt',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'approx',
  'est',
  'fig',
  'figs',
  'vol',
  'vols',
  'pp',
  'cf',
  'al',
  'vs',
  'viz',
  'ca',
  'nos',
  'no',
  'e.g',
  'i.e',
  'a.m',
  'p.m',
]);

/** Words that open a new sentence even right after an initialism such as `U.S.`. */
const SENTENCE_OPENERS = new Set([
  'the',
  'a',
  'an',
  'it',
  'its',
  'he',
  'she',
  'they',
  'we',
  'i',
  'this',
  'that',
  'these',
  'those',
  'there',
  'his',
  'her',
  'their',
  'our',
  'in',
  'on',
  'at',
  'as',
  'but',
  'and',
  'however',
  'meanwhile',
  'after',
  'before',
  'while',
  'when',
  'if',
  'both',
  'such',
  'also',
  'according',
]);

const CANDIDATE = /[.!?]+["'”’)\]]*\s+/g;
const CAN_START_SENTENCE = /^[\p{Lu}\p{N}"“‘'([£$€₹•]/u;

/** Splits a paragraph into sentences; white space inside each sentence is kept as is, ends trimmed. */
export function splitSentences(paragraph: string): string[] {
  const text = paragraph.trim();
  if (text === '') return [];
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const end = (match.index ?? 0) + match[0].length;
    if (end >= text.length) break;
    const rest = text.slice(end);
    if (!CAN_START_SENTENCE.test(rest)) continue;
    const before = text.slice(start, match.index);
    if (match[0].startsWith('.') && !match[0].startsWith('..') && isAbbreviationEnd(before, rest)) continue;
    sentences.push(text.slice(start, end).trim());
    start = end;
  }
  const last = text.slice(start).trim();
  if (last !== '') sentences.push(last);
  return sentences;
}

/** True when the period right after `before` belongs to an abbreviation rather than ending a sentence. */
function isAbbreviationEnd(before: string, rest: string): boolean {
  const word = before.slice(before.search(/\S+$/)).replace(/^["'“‘([]+/, '');
  if (word === '') return false;
  const nextWord = (rest.match(/^["“‘'(]*([\p{L}\p{N}]+)/u)?.[1] ?? '').toLowerCase();
  const lower = word.toLowerCase();
  if (lower === 'no' || lower === 'nos') return /^\d/.test(nextWord);
  if (ABBREVIATIONS.has(lower)) return true;
  if (/^\p{Lu}$/u.test(word)) return true;
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return !SENTENCE_OPENERS.has(nextWord);
  return false;
}
