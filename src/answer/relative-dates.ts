/**
 * Relative dates in news ("on Wednesday", "this week", "yesterday") resolved against the date of the
 * document that says them, so that an answer to "when" can say the day. News speaks of the past: a
 * bare weekday is the latest such day on or before the document's date.
 */

/** A relative date found in a sentence and what it resolves to. */
export interface ResolvedDate {
  /** The words as the sentence says them: "on Wednesday". */
  expression: string;
  /** The day or span they mean, in words: "Wednesday 24 July 2024", "the week of 22 July 2024". */
  meaning: string;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAY_MS = 86_400_000;

const RELATIVE =
  /\b(?:(?:on|last|this|next|since|by|until|from)\s+)?(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b|\b(?:yesterday|today|tonight|tomorrow)\b|\b(?:this|last|next|earlier this|later this) (?:week|month|year)\b|\b(?:\d+|a|one|two|three|four|five|six|seven|ten) (?:days?|weeks?) ago\b/gi;

/**
 * The relative dates of a sentence resolved against `documentDate` (`YYYY-MM-DD`). Without a document
 * date nothing is resolved: the sentence's own words are all there is to quote.
 */
export function resolveRelativeDates(sentence: string, documentDate: string | undefined): ResolvedDate[] {
  const base = documentDate ? new Date(`${documentDate}T00:00:00Z`) : undefined;
  if (!base || Number.isNaN(base.getTime())) return [];
  const resolved: ResolvedDate[] = [];
  for (const match of sentence.matchAll(RELATIVE)) {
    const meaning = meaningOf(match[0].toLowerCase(), base);
    if (meaning && !resolved.some((entry) => entry.meaning === meaning)) {
      resolved.push({ expression: match[0], meaning });
    }
  }
  return resolved;
}

function meaningOf(expression: string, base: Date): string | undefined {
  const weekday = WEEKDAYS.findIndex((day) => expression.endsWith(day));
  if (weekday >= 0) {
    const forward = /^(?:next|until|by)\b/.test(expression);
    const step = forward
      ? (weekday - base.getUTCDay() + 7) % 7 || 7
      : -((base.getUTCDay() - weekday + 7) % 7);
    return dayName(addDays(base, step));
  }
  const ago = expression.match(/^(\S+) (day|week)s? ago$/);
  if (ago) {
    const count = /^\d+$/.test(ago[1]) ? Number(ago[1]) : (NUMBER_WORDS[ago[1]] ?? 1);
    return ago[2] === 'day' ? dayName(addDays(base, -count)) : weekOf(addDays(base, -7 * count));
  }
  switch (expression) {
    case 'yesterday':
      return dayName(addDays(base, -1));
    case 'today':
    case 'tonight':
      return dayName(base);
    case 'tomorrow':
      return dayName(addDays(base, 1));
  }
  const span = expression.match(/(this|last|next) (week|month|year)$/);
  if (!span) return undefined;
  const offset = span[1] === 'last' ? -1 : span[1] === 'next' ? 1 : 0;
  if (span[2] === 'week') return weekOf(addDays(base, 7 * offset));
  if (span[2] === 'month') {
    const month = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + offset, 1));
    return `${MONTH_NAMES[month.getUTCMonth()]} ${month.getUTCFullYear()}`;
  }
  return String(base.getUTCFullYear() + offset);
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  ten: 10,
};

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

function dayName(date: Date): string {
  const weekday = WEEKDAYS[date.getUTCDay()];
  return `${weekday[0].toUpperCase()}${weekday.slice(1)} ${longDate(date)}`;
}

/** "the week of 22 July 2024", the week starting on its Monday. */
function weekOf(date: Date): string {
  return `the week of ${longDate(addDays(date, -((date.getUTCDay() + 6) % 7)))}`;
}

function longDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
