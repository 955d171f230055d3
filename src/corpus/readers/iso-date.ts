/** A real calendar day as `YYYY-MM-DD`, or undefined (`2024-02-30` is not one). */
export function validDay(year: string, month: string, day: string): string | undefined {
  const iso = `${year}-${month}-${day}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : undefined;
}

/** The day of a metadata date: `2024-03-12`, a full timestamp, a YAML date (a `Date`), or a PDF `D:20240312…`. */
export function dateField(value: unknown): string | undefined {
  const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value.trim() : '';
  const match = text.match(/^(\d{4})-(\d{2})-(\d{2})/) ?? text.match(/^D:(\d{4})(\d{2})(\d{2})/);
  return match ? validDay(match[1], match[2], match[3]) : undefined;
}
