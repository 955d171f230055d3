import type { Postings } from './packed-postings';

/**
 * The postings of a passage index, collected as its passages are analyzed, for minisearch's term index.
 *
 * minisearch's `add` tokenizes each field again, counts its distinct terms through a `Set`, and files every
 * token under its term through a string-keyed lookup: at 100k passages, a quarter of a first start's
 * indexing, for words the index builder has already analyzed and numbered. Here a passage's text postings
 * are filed by term id, into typed arrays (a growing array per term, its elements on the heap, was most
 * of what the build's collections had to copy and mark), and a headline's once for all the passages
 * beneath it; the field lengths and their averages are those `add` keeps, computed as it computes them,
 * so minisearch scores the index exactly as if it had added every passage itself.
 */

/** A term's postings in minisearch's fields: the text (field 0), the headline (field 1), either absent. */
export type TermFields = [fieldId: number, postings: Postings][];

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
  /** Every text posting, passage after passage: its term id, passage id and frequency. */
  private readonly textLog = {
    terms: new GrowingInts(),
    passages: new GrowingInts(),
    frequencies: new GrowingInts(),
  };
  /** In how many passages' text each term is, by term id. */
  private readonly textCounts = new GrowingInts();
  /** The passage being filed: each term's frequency in it so far, by term id, and the terms it has. */
  private readonly frequencyInPassage: number[] = [];
  private readonly termsInPassage: number[] = [];
  /** Headline postings by term, flat (passage id, frequency, passage id, frequency…). */
  private readonly titles = new Map<string, number[]>();
  private readonly lengths: [number, number][] = [];

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
    return termId < this.textCounts.length ? this.textCounts.array[termId] : 0;
  }

  /**
   * Everything collected, for minisearch: `terms` lists the text terms (`termIds`, in their order), then
   * the terms said only in headlines; each term's headline postings are let go as they are handed over.
   */
  finish(termIds: ReadonlyMap<string, number>): CollectedPostings {
    const text = this.sortedText();
    const { titles } = this;
    const passagesWith = (id: number) => this.passagesWith(id);
    const terms = function* (): Generator<[string, TermFields]> {
      for (const [term, id] of termIds) {
        const count = passagesWith(id);
        if (count === 0) continue;
        const start = text.starts[id];
        const fields: TermFields = [
          [
            TEXT_FIELD,
            {
              ids: text.ids.subarray(start, start + count),
              frequencies: text.frequencies.subarray(start, start + count),
            },
          ],
        ];
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
    const { frequencyInPassage, termsInPassage, textLog, textCounts } = this;
    for (const id of termIds) {
      if (frequencyInPassage[id] > 0) frequencyInPassage[id]++;
      else {
        frequencyInPassage[id] = 1;
        termsInPassage.push(id);
      }
    }
    const distinct = termsInPassage.length;
    for (const id of termsInPassage) {
      textLog.terms.push(id);
      textLog.passages.push(passageId);
      textLog.frequencies.push(frequencyInPassage[id]);
      frequencyInPassage[id] = 0;
      textCounts.add(id, 1);
    }
    termsInPassage.length = 0;
    return distinct;
  }

  /**
   * The text postings sorted by term id (a counting sort of the log, which it lets go), passages
   * ascending: a term's lie from `starts[id]`, {@link passagesWith} of them.
   */
  private sortedText(): { starts: Int32Array; ids: Int32Array; frequencies: Int32Array } {
    const counts = this.textCounts.array.subarray(0, this.textCounts.length);
    const starts = new Int32Array(counts.length);
    for (let id = 1; id < counts.length; id++) starts[id] = starts[id - 1] + counts[id - 1];
    const log = this.textLog;
    const ids = new Int32Array(log.terms.length);
    const frequencies = new Int32Array(log.terms.length);
    const next = starts.slice();
    for (let at = 0; at < log.terms.length; at++) {
      const to = next[log.terms.array[at]]++;
      ids[to] = log.passages.array[at];
      frequencies[to] = log.frequencies.array[at];
    }
    log.terms.clear();
    log.passages.clear();
    log.frequencies.clear();
    return { starts, ids, frequencies };
  }
}

/** A growing list of 32-bit integers in one typed array, off the collected heap. */
class GrowingInts {
  array = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.array.length) this.grow(this.length + 1);
    this.array[this.length++] = value;
  }

  /** Adds `amount` to the value at `at`, growing the list with zeros to reach it. */
  add(at: number, amount: number): void {
    if (at >= this.array.length) this.grow(at + 1);
    if (at >= this.length) this.length = at + 1;
    this.array[at] += amount;
  }

  /** Lets the memory go; the list is empty. */
  clear(): void {
    this.array = new Int32Array(0);
    this.length = 0;
  }

  private grow(capacity: number): void {
    const grown = new Int32Array(Math.max(capacity, this.array.length * 2));
    grown.set(this.array.subarray(0, this.length));
    this.array = grown;
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
