import { STOPWORDS } from '../src/analysis/stopwords';

/**
 * minisearch's `processTerm` with a stopword list: the term lowercased, or dropped when it is a
 * stopword. What a developer adds first to plain minisearch.
 */
export function withoutStopwords(term: string): string | null {
  const lower = term.toLowerCase();
  return STOPWORDS.has(lower) ? null : lower;
}
