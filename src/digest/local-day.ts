/** Calendar days in an IANA time zone, for "one digest per day in `DIGEST_TZ`". */

const formatters = new Map<string, Intl.DateTimeFormat>();

function fieldsIn(instant: number, timeZone: string): Record<string, number> {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  const fields: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return fields;
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const f = fieldsIn(instant, timeZone);
  const asUtc = Date.UTC(
    f.year ?? 0,
    (f.month ?? 1) - 1,
    f.day ?? 1,
    f.hour ?? 0,
    f.minute ?? 0,
    f.second ?? 0,
  );
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/** The calendar day (`YYYY-MM-DD`) that `instant` falls on in `timeZone`. */
export function localDay(instant: Date, timeZone: string): string {
  const f = fieldsIn(instant.getTime(), timeZone);
  const pad = (n: number | undefined, width = 2) => String(n ?? 0).padStart(width, '0');
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`;
}

/** The first instant of `day` (`YYYY-MM-DD`) in `timeZone`. */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const midnightUtc = Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1);
  let start = midnightUtc - offsetAt(midnightUtc, timeZone);
  // The offset at local midnight can differ from the offset at UTC midnight (a DST change in between).
  const corrected = midnightUtc - offsetAt(start, timeZone);
  if (localDay(new Date(corrected), timeZone) === day) start = corrected;
  return new Date(start);
}

/** Whole days since 1970-01-01 for a `YYYY-MM-DD` day: a stable number to rotate by. */
export function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
}
