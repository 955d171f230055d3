import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { lexiconHas } from './lexicon';
import { STOPWORDS } from './stopwords';

/**
 * The text analyzer shared by indexing and querying, so both sides agree on terms.
 *
 * Rules, in order:
 * 1. Unicode folding: accents stripped (NFKD), curly quotes straightened, dashes between letters made
 *    hyphens (`UK–India`), possessives dropped (`India's` → `India`).
 * 2. Country initialisms become one word before lowercasing, so that `US` (the country) is not the
 *    pronoun `us`: `U.S.`/`US` → `usa`, `U.K.` → `uk`; other dotted initialisms lose their dots. Dotted
 *    forms are never the pronoun, so a question typed in lowercase (`u.k. unemployment`) keeps them.
 * 3. Tokens are runs of letters and digits; hyphenated words yield the joined form and each part
 *    (`co-production` → `coproduction`, `co`, `production`), so every spelling matches.
 * 4. Stopwords and single letters are dropped; irregular past forms are lemmatized (`met` → `meet`),
 *    British spellings folded (`defence` → `defense`, `organise` → `organize`); everything is
 *    Porter-stemmed through a memo.
 * 5. A capitalised word that is not ordinary English is a name and keeps its form, in running text or
 *    opening a sentence (`Corning` stays `corning`, never the `corn` of the grain; `Lammy said` and
 *    `met Lammy` agree).
 */
export const ANALYZER_VERSION = 7;

/** One token of analyzed text: the folded surface word and its index term. */
export interface AnalyzedToken {
  /** Lowercased, accent-free word as written (joined form for hyphenated words). */
  surface: string;
  /** The stemmed index term. */
  term: string;
  /** Position of the source word in the text (hyphen parts share their word's position). */
  position: number;
  /** True for a part of a hyphenated word (`production` of `co-production`). */
  isPart: boolean;
}

const IRREGULAR_FORMS: Record<string, string> = {
  met: 'meet',
  held: 'hold',
  led: 'lead',
  began: 'begin',
  begun: 'begin',
  made: 'make',
  took: 'take',
  taken: 'take',
  came: 'come',
  went: 'go',
  gone: 'go',
  saw: 'see',
  seen: 'see',
  gave: 'give',
  given: 'give',
  found: 'find',
  told: 'tell',
  brought: 'bring',
  bought: 'buy',
  thought: 'think',
  sent: 'send',
  built: 'build',
  spent: 'spend',
  won: 'win',
  rose: 'rise',
  risen: 'rise',
  fell: 'fall',
  fallen: 'fall',
  grew: 'grow',
  grown: 'grow',
  drew: 'draw',
  drawn: 'draw',
  wrote: 'write',
  written: 'write',
  spoke: 'speak',
  spoken: 'speak',
  chose: 'choose',
  chosen: 'choose',
  kept: 'keep',
  paid: 'pay',
  sold: 'sell',
  struck: 'strike',
  sought: 'seek',
  fought: 'fight',
  taught: 'teach',
  caught: 'catch',
  ran: 'run',
  knew: 'know',
  known: 'know',
  flew: 'fly',
  flown: 'fly',
  signed: 'sign',
  hit: 'hit',
  lost: 'lose',
  meant: 'mean',
  stood: 'stand',
  understood: 'understand',
  became: 'become',
  ate: 'eat',
  drove: 'drive',
  driven: 'drive',
  broke: 'break',
  broken: 'break',
  froze: 'freeze',
  frozen: 'freeze',
  shook: 'shake',
  forgave: 'forgive',
  withdrew: 'withdraw',
  withdrawn: 'withdraw',
  undertook: 'undertake',
  undertaken: 'undertake',
  overtook: 'overtake',
  arose: 'arise',
  arisen: 'arise',
  bore: 'bear',
  borne: 'bear',
  dealt: 'deal',
  felt: 'feel',
  heard: 'hear',
  laid: 'lay',
  lent: 'lend',
  sat: 'sit',
  slept: 'sleep',
  swore: 'swear',
  sworn: 'swear',
  threw: 'throw',
  thrown: 'throw',
  wore: 'wear',
  worn: 'wear',
  woke: 'wake',
  shot: 'shoot',
  bound: 'bind',
  fed: 'feed',
  fled: 'flee',
};

/** What analysis needs to know of a lowercased word, worked out once. */
interface WordFacts {
  stopword: boolean;
  stem: string;
  /** Stemming leaves it alone or English knows it: capitalised, it is still not a name. */
  known?: boolean;
}

const wordMemo = new Map<string, WordFacts>();
const WORD_MEMO_LIMIT = 500_000;

function factsOf(word: string): WordFacts {
  let facts = wordMemo.get(word);
  if (facts === undefined) {
    facts = {
      stopword: STOPWORDS.has(word) || (word.length === 1 && !/\d/.test(word)),
      stem: stemUnmemoized(word),
    };
    if (wordMemo.size >= WORD_MEMO_LIMIT) wordMemo.clear();
    wordMemo.set(word, facts);
  }
  return facts;
}

/**
 * Forgets every word analyzed so far. Analysis is memoized per word for the life of the process; the
 * mutation run forgets before each test, so that each test works out the words it reads and is credited
 * with the code that does it, not only the first test to read each word.
 */
export function forgetAnalyzedWords(): void {
  wordMemo.clear();
}

/** Words ending in -ise that are not British spellings of -ize verbs. */
const TRUE_ISE_WORDS = new Set([
  'advertise',
  'advise',
  'arise',
  'chastise',
  'comprise',
  'compromise',
  'concise',
  'despise',
  'devise',
  'disguise',
  'enterprise',
  'excise',
  'exercise',
  'expertise',
  'franchise',
  'improvise',
  'incise',
  'merchandise',
  'otherwise',
  'paradise',
  'poise',
  'praise',
  'precise',
  'premise',
  'promise',
  'raise',
  'revise',
  'rise',
  'supervise',
  'surmise',
  'surprise',
  'televise',
  'treatise',
  'noise',
  'cruise',
  'wise',
]);

/**
 * Folds British spellings onto American ones before stemming, so `defence` meets `defense` and
 * `organisation` meets `organization`.
 */
export function americanSpelling(word: string): string {
  if (word.length < 5) return word;
  if (/^(focu|bia)ss(ed|es|ing)$/.test(word)) return word.replace('ss', 's');
  const ise = word.match(/^(.{3,}?)is(e|ed|es|ing|ation|ations|er|ers)$/);
  if (ise && !TRUE_ISE_WORDS.has(`${ise[1]}ise`)) return `${ise[1]}iz${ise[2]}`;
  return word
    .replace(/(?<=.{2})ence(s?)$/, (suffix, plural) =>
      /^(def|off|lic|pret)/.test(word) ? `ense${plural}` : suffix,
    )
    .replace(/(?<=.{2}[^oy])our(s|ed|ing|able|ite|ites)?$/, 'or$1')
    .replace(/(?<=.{2})tre(s?)$/, 'ter$1')
    .replace(/(?<=.{3})ogue?(s|ed|ing)?$/, 'og$1')
    .replace(/programme(s?)$/, 'program$1');
}

/** Porter stem of a lowercased word, irregular forms lemmatized and spelling folded first; memoized. */
export function stem(word: string): string {
  return factsOf(word).stem;
}

function stemUnmemoized(word: string): string {
  const folded = americanSpelling(Object.hasOwn(IRREGULAR_FORMS, word) ? IRREGULAR_FORMS[word] : word);
  const stemmed = PorterStemmer.stem(folded);
  // Porter reads the -us of `focus` or `census` as a plural; their inflections keep it.
  if (folded.endsWith('us') && stemmed === folded.slice(0, -1)) return folded;
  // Porter gives `initiative` the stem of `initiate`; a plan and the act of starting one differ.
  if (/^initiatives?$/.test(folded)) return 'initiativ';
  return stemmed;
}

/** Folds text as rules 1–2 describe; exported for the phrase-level alias rules. */
export function foldText(text: string): string {
  return foldKeepingCase(text).toLowerCase();
}

/**
 * Rules 1–2 without the lowercasing, so that names can still be told from common words: the text whose
 * words {@link writtenWords} finds.
 */
export function foldKeepingCase(text: string): string {
  // Each step runs only when the text holds what it rewrites: most text is plain ASCII with no
  // apostrophe, and analysis runs over every passage a question reads.
  let folded = text;
  if (NEEDS_UNICODE_FOLDING.test(folded)) {
    folded = folded
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[‘’‛′`]/g, "'")
      .replace(/[“”„″]/g, '"')
      .replace(/(?<=[\p{L}\p{N}])[‐‑‒–—](?=[\p{L}\p{N}])/gu, '-');
  }
  if (folded.includes("'")) folded = folded.replace(/(?<=[\p{L}\p{N}])'s?\b/gu, '');
  if (MAY_NAME_USA.test(folded))
    folded = folded.replace(/\b[Uu]\.[Ss]\.(?:[Aa]\.)?|\bUSA\b|\bUS\b/g, ' usa ');
  // Both rewrites need two points, and most sentences hold one only, at their end.
  const point = folded.indexOf('.');
  if (point >= 0 && folded.indexOf('.', point + 1) >= 0) {
    folded = folded
      .replace(/\b[Uu]\.[Kk]\./g, ' uk ')
      .replace(/\b((?:\p{L}\.){2,})/gu, (initialism: string) => initialism.replace(/\./g, ''));
  }
  return folded;
}

/** Characters that Unicode folding (accents, curly quotes, dashes) rewrites; the backtick is ASCII. */
const NEEDS_UNICODE_FOLDING = /[\u0080-\uffff]|`/;
/** What every spelling of the United States folded to `usa` holds. */
const MAY_NAME_USA = /[Uu]\.[Ss]\.|US/;

const WORD = /[\p{L}\p{N}]+(?:(?:-|\.(?=\p{N}))[\p{L}\p{N}]+)*/gu;

/** True for words that never make index terms. */
export function isStopword(word: string): boolean {
  return factsOf(word).stopword;
}

/** Analyzes text into tokens (rules 1–5). */
export function analyze(text: string): AnalyzedToken[] {
  const tokens: AnalyzedToken[] = [];
  let position = 0;
  for (const written of writtenWords(text)) analyzeWord(written, position++, tokens);
  return tokens;
}

/**
 * The words of `text` as {@link analyze} finds them, folded but with their case: each is one position,
 * and {@link analyzeWord} makes its tokens.
 */
export function writtenWords(text: string): string[] {
  return foldKeepingCase(text).match(WORD) ?? [];
}

/**
 * Appends to `tokens` the tokens of one word of {@link writtenWords} at `position`: none for a stopword,
 * one for a plain word, the joined word and its parts for a hyphenated one. The same word as written
 * always makes the same tokens.
 */
export function analyzeWord(written: string, position: number, tokens: AnalyzedToken[]): void {
  const word = written.toLowerCase();
  // Only a capitalised word can be a name. Opening a sentence, every word is capitalised, but one that
  // English does not know is a name there too ("Lammy said", "Portugal and Spain signed").
  const mayBeName = written !== word;
  if (word.includes('-')) {
    const parts = word.split('-');
    const writtenParts = written.split('-');
    const joined = parts.join('');
    const whole = factsOf(joined);
    if (!whole.stopword) {
      const name = mayBeName && writtenParts.every((part, i) => isUnstemmedName(parts[i], part));
      tokens.push({ surface: joined, term: name ? joined : whole.stem, position, isPart: false });
    }
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      const facts = factsOf(part);
      if (facts.stopword) continue;
      const term = mayBeName && isUnstemmedName(part, writtenParts[i]) ? part : facts.stem;
      tokens.push({ surface: part, term, position, isPart: true });
    }
  } else {
    const facts = factsOf(word);
    if (!facts.stopword) {
      const term = mayBeName && isUnstemmedName(word, written) ? word : facts.stem;
      tokens.push({ surface: word, term, position, isPart: false });
    }
  }
}

/**
 * Rule 5: a capitalised word in running text that English does not know ("Corning", "Lammy") is a name,
 * indexed as written: stemming would make "Corning" the common word "corn".
 */
function isUnstemmedName(lower: string, written: string): boolean {
  const facts = factsOf(lower);
  facts.known ??= facts.stem === lower || lexiconHas(lower) || lexiconHas(americanSpelling(lower));
  return !facts.known && /^\p{Lu}\p{Ll}/u.test(written);
}
