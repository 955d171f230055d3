/**
 * What kind of answer a question expects, read from its wording, and whether a sentence looks like
 * one. Used to pick the answering sentence and to break ties between passages, never to reject one.
 */
export type QuestionKind = 'time' | 'person' | 'place' | 'quantity' | 'other';

/** Reads the expected answer kind from the question's wording. */
export function questionKind(question: string): QuestionKind {
  const text = question.toLowerCase();
  if (
    /\bhow (much|many|big|large|long|far|often)\b|\bwhat (amount|number|percentage|share|sum|value)\b/.test(
      text,
    )
  ) {
    return 'quantity';
  }
  if (/\bwhen\b|\bwhat (date|year|day|month|time)\b|\bwhich (date|year|day|month)\b/.test(text))
    return 'time';
  if (
    /\bwho(m|se)?\b|\bwhich (person|people|official|minister|leader|company|companies|organi[sz]ation)/.test(
      text,
    )
  ) {
    return 'person';
  }
  if (/\bwhere\b|\bwhich (city|country|place|venue|town)\b|\bwhat (city|country|place|venue)\b/.test(text)) {
    return 'place';
  }
  return 'other';
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const TIME_PATTERN = new RegExp(
  `\\b${MONTH}\\b|\\b(?:1[89]|20)\\d{2}\\b|\\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\\b|\\b(?:yesterday|today|tomorrow|last (?:week|month|year)|this (?:week|month|year|morning)|next (?:week|month|year))\\b`,
  'i',
);
const PERSON_PATTERN =
  /\b\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.?)*\s+\p{Lu}\p{Ll}+|\b(?:minister|secretary|president|chairman|chair|director|commissioner|ambassador|adviser|advisor|chief|ceo|founder|head|spokesperson|officials?)\b/u;
const PLACE_PATTERN = /\b(?:in|at|from|to|near)\s+(?:the\s+)?\p{Lu}\p{Ll}+/u;
const QUANTITY_PATTERN = /\d|[£$€₹¥]|\b(?:million|billion|thousand|hundred|percent|per cent|dozen)\b/i;

/** True when a sentence holds the kind of thing the question asks for. */
export function sentenceFitsKind(sentence: string, kind: QuestionKind): boolean {
  switch (kind) {
    case 'time':
      return TIME_PATTERN.test(sentence);
    case 'person':
      return PERSON_PATTERN.test(sentence.slice(1));
    case 'place':
      return PLACE_PATTERN.test(sentence);
    case 'quantity':
      return QUANTITY_PATTERN.test(sentence);
    case 'other':
      return false;
  }
}
