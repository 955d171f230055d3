import { analyze } from '../analysis/analyzer';
import { PLACE_ALIASES } from '../analysis/expansion';

/**
 * What kind of answer a question expects, read from its wording, and whether a sentence holds one.
 *
 * | kind     | asked as                                   | the answering sentence must hold            |
 * |----------|--------------------------------------------|---------------------------------------------|
 * | person   | who, which minister/company                | a name of a person or organisation          |
 * | place    | where, which city/country                  | a place named after in/at/from/to/near      |
 * | quantity | how much/many, what amount/percentage      | an amount: a figure, a number word, a count ("the second time", "twice") |
 * | time     | when, what date/year                       | a date or time, relative ones included      |
 * | said     | what did X say, how did X describe         | quoted or reported words                    |
 * | other    | anything else                              | nothing in particular                       |
 *
 * Names the question itself uses never count: "who is the prime minister of India" is not answered by
 * a sentence whose only name is India.
 */
export type QuestionKind = 'time' | 'person' | 'place' | 'quantity' | 'said' | 'other';

/**
 * How each kind is asked. When a question holds several ("where was Lammy when he announced…"), the
 * one said first is what it asks; the rest describe the subject.
 */
const KIND_PATTERNS: readonly [QuestionKind, RegExp][] = [
  [
    'quantity',
    /\bhow (?:much|many|big|large|long|far|often)\b|\bwhat (?:amount|number|percentage|share|sum|value)\b|\bwhat(?:'s| is| was| are| were| will be) the (?:[\w-]+(?:'s)? ){0,3}(?:price|cost|value|amount|number|size|rate|total|budget|figure|worth)s?\b/,
  ],
  ['time', /\bwhen\b|\bwhat (?:date|year|day|month|time)\b|\bwhich (?:date|year|day|month)\b/],
  [
    'said',
    /\bwhat (?:did|does|do|has|have|had|was|is)\b.*\b(?:say|said|saying|describe|described|think|tell|told|announce|state|claim|call|comment|react)\b|\bhow (?:did|does|do|has|have)\b.*\b(?:describe|described|characteri[sz]e|react|reacted|respond|responded|see|view)\b|\bwhat (?:was|is|were|are)\b.*\b(?:reaction|response|view|position|stance|comment)\b/,
  ],
  [
    'person',
    /\bwho(?:m|se)?\b|\bwhich (?:[\w-]+ ){0,2}(?:person|people|officials?|ministers?|leaders?|company|companies|firms?|organi[sz]ations?|agency|agencies|banks?)\b/,
  ],
  ['place', /\bwhere\b|\bwhich (?:city|country|place|venue|town)\b|\bwhat (?:city|country|place|venue)\b/],
];

/** Reads the expected answer kind from the question's wording. */
export function questionKind(question: string): QuestionKind {
  const text = question.toLowerCase();
  let found: { kind: QuestionKind; at: number } = { kind: 'other', at: Number.POSITIVE_INFINITY };
  for (const [kind, pattern] of KIND_PATTERNS) {
    const at = text.search(pattern);
    if (at >= 0 && at < found.at) found = { kind, at };
  }
  return found.kind;
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const UNIT = '(?:day|week|fortnight|month|year|quarter|decade|morning|afternoon|evening|night|weekend)';
const TIME_PATTERN = new RegExp(
  [
    `\\b${MONTH}\\b`,
    '\\b(?:1[89]|20)\\d{2}\\b',
    `\\b${WEEKDAY}\\b`,
    '\\b(?:yesterday|today|tomorrow|tonight|recently|ago)\\b',
    `\\b(?:this|last|next|past|coming|previous|same|that) ${UNIT}s?\\b`,
    `\\b(?:earlier|later) (?:this|that|in the) ${UNIT}\\b`,
    `\\b(?:\\d+|a|an|one|two|three|four|five|six|several|few|some) ${UNIT}s? (?:ago|ahead of|before|after|earlier|later)\\b`,
    `\\b${UNIT}s? (?:ahead of|before|after)\\b`,
    '\\b(?:first|second|third|fourth) (?:quarter|half)\\b|\\bq[1-4]\\b',
  ].join('|'),
  'i',
);
const PERSON_NAME =
  /\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:of|and|for|the|de|van|von|al|bin)\s+)?\p{Lu}[\p{L}'’.-]*)*/gu;
const PLACE_NAME =
  /\b(?:in|at|from|to|near|outside|across|inside|into)\s+(?:the\s+)?(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)/gu;
const QUANTITY_PATTERN =
  /[£$€₹¥]|\d|\b(?:million|billion|trillion|thousand|hundred|percent|per cent|dozen|half|once|twice|thrice|double|triple|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds|thousands|millions|billions)\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) (?:time|visit|trip|occasion|round|meeting)\b/i;
/** A year that is part of a name ("Roadmap 2030", "Vision 2047") dates nothing. */
const NAMED_YEAR = /\b(\p{Lu}\p{Ll}+)\s+(?:1[89]|20)\d{2}\b/gu;
const YEAR_ONLY = /\b(?:1[89]|20)\d{2}\b/g;
/** "June 22", "22 June", "on the 5th": a day of the month is a date, not an amount. */
const DAY_OF_MONTH = new RegExp(
  `\\b${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b`,
  'gi',
);
const QUOTE = /[“”"]|(?:^|\s)['‘][^'’]{12,}['’]/u;
const REPORTING =
  /\b(?:said|says|say|stated|states|told|tells|added|adds|noted|notes|described|describes|called|calls|termed|remarked|commented|announced|announces|according to|urged|warned|stressed|emphasi[sz]ed|highlighted|expressed|welcomed|welcomes|praised|critici[sz]ed|insisted|argued|claimed|claims|asserted|acknowledged|confirmed|reiterated|underlined|affirmed|hailed|spokesman|spokeswoman|statement|readout)\b/i;

/**
 * Where a handbook says things are: a preposition of place and a place-like noun ("at the front desk",
 * "on the finance portal", "in the second-floor kitchen").
 */
const PLACE_NOUN =
  /\b(?:in|at|on|from|via|through|inside|outside|near|behind)\s+(?:the|a|an|your|our|each|every)\s+(?:[\p{L}-]+\s+){0,2}?(desk|office|floor|room|building|portal|site|website|page|intranet|folder|drive|channel|wiki|kitchen|reception|lobby|warehouse|store|shop|branch|centre|center|campus|city|country|region|port|plant|factory|headquarters|hq|embassy|airport|station|hall|venue|hotel)s?\b/giu;
/**
 * A role or body that answers "who" without a name ("your line manager", "the finance team"); it counts
 * only when the question does not use the same word ("who is the prime minister" is not answered by
 * "the prime minister").
 */
const ROLE_WORDS = [
  'manager',
  'director',
  'team',
  'department',
  'desk',
  'office',
  'committee',
  'board',
  'council',
  'ministry',
  'agency',
  'authority',
  'officer',
  'administrator',
  'admin',
  'secretary',
  'minister',
  'president',
  'chairman',
  'chair',
  'chief',
  'head',
  'ceo',
  'cfo',
  'founder',
  'owner',
  'lead',
  'supervisor',
  'staff',
  'hr',
  'helpdesk',
  'support',
  'government',
  'company',
  'firm',
  'bank',
  'court',
  'police',
  'parliament',
  'regulator',
];
const ROLE = new RegExp(`\\b(${ROLE_WORDS.join('|')})s?\\b`, 'giu');

let roleTermList: string[] | undefined;

/** The index terms of the role words, analyzed on first use. */
function roleTerms(): string[] {
  roleTermList ??= ROLE_WORDS.flatMap((word) => nameTerms(word));
  return roleTermList;
}

/** Words that begin with a capital without naming anyone: calendar words. */
const CALENDAR = new RegExp(`^(?:${MONTH}|${WEEKDAY})$`, 'i');
/** Words of a question that asks for a sum of money. */
const MONEY_TERMS = new Set(
  [
    'dollars',
    'pounds',
    'euros',
    'rupees',
    'yen',
    'worth',
    'cost',
    'costs',
    'spend',
    'spent',
    'budget',
    'fund',
    'funding',
    'invest',
    'investment',
  ].flatMap((word) => analyze(word).map((token) => token.term)),
);
/** A sum of money: a currency sign or word, or a figure in millions or billions. */
const MONEY_PATTERN =
  /[£$€₹¥]|\b(?:dollars?|dlrs|usd|pounds?|sterling|gbp|euros?|eur|rupees?|rs|inr|yen|crores?|lakhs?)\b|\b(?:million|billion|trillion|mln|bln|bn)\b/i;
const PLACE_TERMS = new Set(PLACE_ALIASES.flat().flatMap((name) => analyze(name).map((token) => token.term)));

/**
 * True when a sentence holds the kind of thing the question asks for. `questionTerms` are the index
 * terms of the question's own words: names among them do not count as answers.
 */
export function sentenceFitsKind(
  sentence: string,
  kind: QuestionKind,
  questionTerms: ReadonlySet<string> = new Set(),
): boolean {
  switch (kind) {
    case 'time':
      return TIME_PATTERN.test(
        sentence.replace(NAMED_YEAR, (named, word) => (CALENDAR.test(word) ? named : '')),
      );
    case 'person':
      return namesAnyone(sentence, questionTerms);
    case 'place':
      return (
        [...sentence.matchAll(PLACE_NAME)].some((match) => isNewName(match[1], questionTerms, false)) ||
        [...sentence.matchAll(PLACE_NOUN)].some((match) => isNewWord(match[1], questionTerms))
      );
    case 'quantity': {
      const amounts = sentence.replace(DAY_OF_MONTH, '').replace(YEAR_ONLY, '');
      // "How much is it worth in dollars" asks for money: "two countries" is a count, not a sum.
      const asksMoney = [...questionTerms].some((term) => MONEY_TERMS.has(term));
      return asksMoney ? MONEY_PATTERN.test(amounts) : QUANTITY_PATTERN.test(amounts);
    }
    case 'said':
      return QUOTE.test(sentence) || REPORTING.test(sentence);
    case 'other':
      return false;
  }
}

/**
 * True when a name the question does not use stands within two words of one it does: "Prime Minister
 * Narendra Modi", "Modi, the prime minister".
 */
export function nameBesideQuestion(sentence: string, questionTerms: ReadonlySet<string>): boolean {
  for (const match of sentence.matchAll(PERSON_NAME)) {
    const name = nameWords(sentence, match);
    if (name === '' || !isNewName(name, questionTerms, true)) continue;
    const before = sentence
      .slice(Math.max(0, match.index - 40), match.index)
      .split(/\s+/)
      .slice(-3);
    const after = sentence
      .slice(match.index + match[0].length, match.index + match[0].length + 40)
      .split(/\s+/)
      .slice(0, 4);
    const near = [...before, ...after, ...match[0].split(/\s+/)];
    if (
      near.some((word) => nameTerms(word.replace(/^\W+|\W+$/gu, '')).some((term) => questionTerms.has(term)))
    )
      return true;
  }
  return false;
}

/**
 * A person or organisation named in the sentence that the question does not name: a run of capitalised
 * words (or an acronym) past the sentence's first word, or a first word followed by another capital.
 */
function namesAnyone(sentence: string, questionTerms: ReadonlySet<string>): boolean {
  // A question that itself names a role ("who is the prime minister") wants the person's name.
  const asksForHolder = roleTerms().some((term) => questionTerms.has(term));
  if (!asksForHolder && [...sentence.matchAll(ROLE)].some((match) => isNewWord(match[1], questionTerms)))
    return true;
  for (const match of sentence.matchAll(PERSON_NAME)) {
    const name = nameWords(sentence, match);
    if (name !== '' && isNewName(name, questionTerms, true)) return true;
  }
  return false;
}

/**
 * The words of a run of capitals that may name someone. A sentence's first word is capitalised whatever
 * it is, so it names someone only as part of a longer name, and only the words after it count.
 */
function nameWords(sentence: string, match: RegExpExecArray): string {
  const atStart = /^[\s"'“‘(•*-]*$/u.test(sentence.slice(0, match.index));
  return atStart ? match[0].split(/\s+/).slice(1).join(' ') : match[0];
}

/** A name some of whose words are neither the question's, a place the aliases know, nor a calendar word. */
function isNewName(name: string, questionTerms: ReadonlySet<string>, excludePlaces: boolean): boolean {
  const words = name
    .split(/\s+/)
    .filter((word) => /^\p{Lu}/u.test(word) && !CALENDAR.test(word.replace(/\W+$/u, '')));
  return words.some((word) => {
    const terms = nameTerms(word);
    if (terms.length === 0) return false;
    return terms.every((term) => !questionTerms.has(term) && !(excludePlaces && PLACE_TERMS.has(term)));
  });
}

/** A word whose index terms the question does not use. */
function isNewWord(word: string, questionTerms: ReadonlySet<string>): boolean {
  return nameTerms(word.toLowerCase()).every((term) => !questionTerms.has(term));
}

const nameTermMemo = new Map<string, string[]>();
const NAME_TERM_MEMO_LIMIT = 100_000;

/** Forgets the names' terms worked out so far (see `forgetAnalyzedWords` in the analyzer). */
export function forgetNameTerms(): void {
  nameTermMemo.clear();
}

/** A capitalised word's index terms as it stands in running text; memoized, as names recur. */
function nameTerms(word: string): string[] {
  let terms = nameTermMemo.get(word);
  if (!terms) {
    // Analyzed after a word, as in running text, so that a name keeps its form.
    terms = analyze(`x ${word}`)
      .filter((token) => !token.isPart)
      .map((token) => token.term);
    if (nameTermMemo.size >= NAME_TERM_MEMO_LIMIT) nameTermMemo.clear();
    nameTermMemo.set(word, terms);
  }
  return terms;
}
