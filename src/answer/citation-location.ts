import type { Citation } from './types';

/** Separates the headings of a path: `handbook.md › Onboarding › Laptops`. */
export const HEADING_SEPARATOR = ' › ';

/** A passage's location as a reader checks it: `p. 12`, or `Onboarding › Laptops`. */
export function formatLocation(location: Citation['location']): string | undefined {
  if (location?.page !== undefined) return `p. ${location.page}`;
  if (location?.headings && location.headings.length > 0) return location.headings.join(HEADING_SEPARATOR);
  return undefined;
}

/**
 * The file and where in it, as citations show them: `report.pdf · p. 12`, `handbook.md › Onboarding ›
 * Laptops`, or just the file when its format has no pages or headings.
 */
export function citationSource(citation: Pick<Citation, 'file' | 'location'>, file = citation.file): string {
  const location = formatLocation(citation.location);
  if (!location) return file;
  return citation.location?.page !== undefined
    ? `${file} · ${location}`
    : `${file}${HEADING_SEPARATOR}${location}`;
}

/** The link for a citation: the document's URL, opened at the passage's page for a PDF (`#page=12`). */
export function citationUrl(citation: Pick<Citation, 'url' | 'location'>): string | undefined {
  if (!citation.url) return undefined;
  const page = citation.location?.page;
  return page !== undefined && !citation.url.includes('#') ? `${citation.url}#page=${page}` : citation.url;
}
