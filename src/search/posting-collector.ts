/**
 * The postings of a passage index, collected as its passages are analyzed, for minisearch's term index.
 *
 * minisearch's `add` tokenizes each field again, counts its distinct terms through a `Set`, and files every
 * token under its term through a string-keyed lookup: at 100k passages, a quarter of a first start's
 * indexing, for words the index builder has already analyzed and numbered. Here a passage's text postings
 * are filed by term id, and a headline's once for all the passages beneath it; the field lengths and
 * their averages are those `add` keeps, computed as it computes them, so minisearch scores the index
 * exactly as if it had added every passage itself.
 */

/** Postings given flat: passage id, term frequency, passage id, term frequency…, passage ids ascending. */
export type FlatPostings = number[];

/** A term's postings in minisearch's fields: the text (field 0), the headline (field 1), either absent. */
export type TermFields = [fieldId: number, postings: FlatPostings][];

/** What {@link PostingCollector.finish} hands over: everything minisearch's `add` would have kept. */
export interface CollectedPostings {
  /** Each term with its postings field by field, text first; a term's postings are handed over once. */
  terms: Iterable<[term: string, fields: TermFields]>;
  /** Each passage's distinct terms in its text and in its headline, in passage order. */
  fieldLengths: [text: number, title: number][];
  /** The average of each field's lengths, as minisearch's `add` works it out passage by passage. */
  averageFieldLength: number[];
}

/** Field ids as minisearch numbers the index's fields (`text`, then `title`). */
const TEXT_FIELD = 0;
const TITLE_FIELD = 1;

/** Collects the postings of passages added in id order, from 0 on. */
export class PostingCollector {
  /** Text postings by term id. */
  private readonly text: (FlatPostings | undefined)[] = [];
  /** Headline postings by term. */
  private readonly titles = new Map<string, FlatPostings>();
  private readonly lengths: [number, number][] = [];

  /** Number of passages added. */
  get passageCount(): number {
    return this.lengths.length;
  }

  /**
   * Adds a document's passages: each passage's text as the ids of its terms, token by token, and the
   * document's headline as its terms, which every passage of the document carries.
   */
  addDocument(passageTermIds: readonly (readonly number[])[], headlineTerms: readonly string[]): void {
    const headlineCounts = new Map<string, number>();
    for (const term of headlineTerms) headlineCounts.set(term, (headlineCounts.get(term) ?? 0) + 1);
    const first = this.lengths.length;
    for (const termIds of passageTermIds) {
      this.lengths.push([this.addText(this.lengths.length, termIds), headlineCounts.size]);
    }
    if (first === this.lengths.length) return;
    for (const [term, frequency] of headlineCounts) {
      let postings = this.titles.get(term);
      if (!postings) {
        postings = [];
        this.titles.set(term, postings);
      }
      for (let id = first; id < this.lengths.length; id++) postings.push(id, frequency);
    }
  }

  /** In how many passages' text the term numbered `termId` is. */
  passagesWith(termId: number): number {
    return (this.text[termId]?.length ?? 0) / 2;
  }

  /**
   * Everything collected, for minisearch: `terms` lists the text terms (`termIds`, in their order), then
   * the terms said only in headlines; each term's postings are let go as they are handed over.
   */
  finish(termIds: ReadonlyMap<string, number>): CollectedPostings {
    const { text, titles } = this;
    const terms = function* (): Generator<[string, TermFields]> {
      for (const [term, id] of termIds) {
        const postings = text[id];
        if (!postings) continue;
        text[id] = undefined;
        const fields: TermFields = [[TEXT_FIELD, postings]];
        const titled = titles.get(term);
        if (titled) {
          fields.push([TITLE_FIELD, titled]);
          titles.delete(term);
        }
        yield [term, fields];
      }
      for (const [term, postings] of titles) {
        titles.delete(term);
        yield [term, [[TITLE_FIELD, postings]]];
      }
    };
    return {
      terms: terms(),
      fieldLengths: this.lengths,
      averageFieldLength: averages(this.lengths),
    };
  }

  /** Files a passage's text terms and returns how many distinct terms it has. */
  private addText(passageId: number, termIds: readonly number[]): number {
    let distinct = 0;
    for (const id of termIds) {
      let postings = this.text[id];
      if (!postings) {
        postings = [];
        this.text[id] = postings;
      }
      if (postings[postings.length - 2] === passageId) postings[postings.length - 1]++;
      else {
        postings.push(passageId, 1);
        distinct++;
      }
    }
    return distinct;
  }
}

/**
 * Each field's average length over `lengths`, computed as minisearch's `add` does after each passage (the
 * running average times the passages before, plus the new length, over the passages now), so the
 * floating-point result is the same to the last bit. No passages, no averages, as with minisearch.
 */
function averages(lengths: readonly (readonly number[])[]): number[] {
  const average: number[] = [];
  lengths.forEach((fields, count) => {
    fields.forEach((length, fieldId) => {
      average[fieldId] = ((average[fieldId] || 0) * count + length) / (count + 1);
    });
  });
  return average;
}
