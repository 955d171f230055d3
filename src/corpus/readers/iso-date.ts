/**
 * A real calendar day as `YYYY-MM-DD`, or undefined (`2024-02-30` is not one): four, two and two digits,
 * checked against the proleptic Gregorian calendar as `Date` reads it, by arithmetic (a `Date` made and
 * printed for every date line of a large corpus was a tenth of a second of its parsing).
 */
export function validDay(year: string, month: string, day: string): string | undefined {
  const monthNumber = Number(month);
  const dayNumber = Number(day);
  const valid =
    monthNumber >= 1 && monthNumber <= 12 && dayNumber >= 1 && dayNumber <= daysIn(Number(year), monthNumber);
  return valid ? `${year}-${month}-${day}` : undefined;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** The day of a metadata date: `2024-03-12`, a full timestamp, a YAML date (a `Date`), or a PDF `D:20240312…`. */
export function dateField(value: unknown): string | undefined {
  const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value.trim() : '';
  const match = text.match(/^(\d{4})-(\d{2})-(\d{2})/) ?? text.match(/^D:(\d{4})(\d{2})(\d{2})/);
  return match ? validDay(match[1], match[2], match[3]) : undefined;
}
