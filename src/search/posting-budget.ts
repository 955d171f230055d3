/**
 * The posting budget: how much of the index one search may touch.
 *
 * minisearch walks the whole posting list of every term it is asked for, in every field, and builds a
 * result object for each passage it meets; building, scoring and sorting those objects costs about
 * twenty times walking the postings. A question holding a common word ("says", "year"), or a word with
 * many synonyms each walked on its own, would meet a large share of a big corpus for almost no BM25
 * weight. The search only gathers candidates for the answering engine, which re-reads each one against
 * the whole question, so the query's terms are planned within two budgets, most telling first (weight
 * times rarity), once a query's very common terms are set aside:
 *
 * - a term in more than {@link COMMON_SHARE} of the passages (and more than {@link COMMON_MIN_PASSAGES})
 *   is left out when the query holds any rarer term, whatever their weights: it walks a long posting
 *   list for almost no BM25 weight, and its weight would reorder the candidates the rarer terms found
 *   by a word that tells them little apart;
 * - terms that fit in {@link ADMIT_BUDGET} postings **admit** passages: any passage saying one of them
 *   is a candidate;
 * - further terms that fit in {@link WALK_BUDGET} postings (admitted ones included) are **scored**: they
 *   add their BM25 weight to passages already admitted, but admit none, so they cost a walk of their
 *   postings and no result objects;
 * - the rest are not searched (the answering engine still weighs them when it re-reads the candidates).
 *
 * A term that does not fit is passed over, not the end of the plan: a rarer context word after it may
 * still fit. Postings count every field a term is searched in (text and headline).
 */

/** A term in more than this share of the passages is common. */
export const COMMON_SHARE = 0.05;
/** ... and in more than this many: on a small corpus every word is in a large share of it. */
export const COMMON_MIN_PASSAGES = 1000;
/** Postings whose passages become candidates, added up over the admitting terms. */
export const ADMIT_BUDGET = 4000;
/** Postings walked by one search in all, admitting and scoring terms together. */
export const WALK_BUDGET = 10000;

/** How much one search may touch. */
export interface PostingBudget {
  /** Postings of the terms that admit candidates. */
  admit: number;
  /** Postings of every term searched. */
  walk: number;
}

/** The budget coop searches within. */
export const DEFAULT_POSTING_BUDGET: PostingBudget = { admit: ADMIT_BUDGET, walk: WALK_BUDGET };

/** Whether a term in `passages` of a corpus's `passageCount` passages is common (see the module comment). */
export function isCommonIn(passages: number, passageCount: number): boolean {
  return passages > Math.max(COMMON_MIN_PASSAGES, COMMON_SHARE * passageCount);
}

/** What the plan needs to know of a term. */
export interface TermCost {
  term: string;
  /** The term's boost in the query (a typed word 1, an expansion or earlier turn less). */
  weight: number;
  /** How telling the term is: its inverse document frequency. */
  rarity: number;
  /** Postings walked when the term is searched, over every field. */
  postings: number;
  /** In how many passages' text the term is. */
  passages: number;
}

/** Which terms of a query admit candidates, and which only add to their scores. */
export interface SearchPlan {
  admitting: string[];
  scoring: string[];
}

/**
 * Plans a search over a corpus of `passageCount` passages within `budget` (see the module comment).
 * Terms the index lacks, or of weight 0, are left out, as they change nothing. When no term fits the
 * admitting budget, the most telling term admits alone, so a question of nothing but common words still
 * finds candidates.
 */
export function planSearch(
  costs: readonly TermCost[],
  passageCount: number,
  budget: PostingBudget = DEFAULT_POSTING_BUDGET,
): SearchPlan {
  const present = costs.filter((cost) => cost.postings > 0 && cost.weight > 0);
  const selective = present.filter((cost) => !isCommonIn(cost.passages, passageCount));
  const ordered = (selective.length > 0 ? selective : present).sort(
    (a, b) => b.weight * b.rarity - a.weight * a.rarity || a.postings - b.postings,
  );
  const admitted = new Set<TermCost>();
  let admittedPostings = 0;
  for (const cost of ordered) {
    if (admittedPostings + cost.postings > budget.admit) continue;
    admitted.add(cost);
    admittedPostings += cost.postings;
  }
  if (admitted.size === 0 && ordered.length > 0) {
    admitted.add(ordered[0]);
    admittedPostings = ordered[0].postings;
  }
  const scoring: string[] = [];
  let walked = admittedPostings;
  for (const cost of ordered) {
    if (admitted.has(cost) || walked + cost.postings > budget.walk) continue;
    scoring.push(cost.term);
    walked += cost.postings;
  }
  return { admitting: [...admitted].map((cost) => cost.term), scoring };
}
