/**
 * Ranking metrics with binary relevance. A ranking is a list of document ids, best first, without
 * repeats; `relevant` is the set of ids judged relevant. An empty ranking (no answer) scores zero.
 */

/** Share of the first `k` ranks that hold a relevant document; ranks left empty count as misses. */
export function precisionAt(ranking: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  return ranking.slice(0, k).filter((id) => relevant.has(id)).length / k;
}

/**
 * Normalised discounted cumulative gain at `k`: Σ rel(i) / log2(i + 1) over the first `k` ranks,
 * divided by the same sum for an ideal ranking (every relevant document first, up to `k` of them).
 */
export function ndcgAt(ranking: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  const ideal = discountedGain(Math.min(relevant.size, k));
  if (ideal === 0) return 0;
  const gained = ranking
    .slice(0, k)
    .reduce((sum, id, i) => (relevant.has(id) ? sum + 1 / Math.log2(i + 2) : sum), 0);
  return gained / ideal;
}

/** Reciprocal rank of the first relevant document within the first `k` ranks; 0 when none is there. */
export function reciprocalRankAt(
  ranking: readonly string[],
  relevant: ReadonlySet<string>,
  k: number,
): number {
  const rank = ranking.slice(0, k).findIndex((id) => relevant.has(id));
  return rank < 0 ? 0 : 1 / (rank + 1);
}

/** Σ 1 / log2(i + 1) for i = 1..n: the gain of `n` relevant documents ranked first. */
function discountedGain(n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += 1 / Math.log2(i + 2);
  return sum;
}

/** Mean of a list; 0 for an empty one. */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Removes repeats, keeping each id at its first rank. */
export function distinctInOrder(ids: Iterable<string>): string[] {
  return [...new Set(ids)];
}
