/**
 * A compact inverted index with BM25+ ranking, scoring exactly as minisearch 7 does with its default
 * `bm25` parameters and an OR query (same formula, same field-length and average-length bookkeeping,
 * same summation order, same "times the number of query terms matched" factor, same order for ties), so
 * it ranks passages as minisearch would, at a fraction of the memory and time.
 *
 * Postings live in typed arrays, one set per field: for term `t`, documents
 * `docs[offsets[t]..offsets[t + 1]]` (in indexing order) with their term frequencies in `freqs`. A query
 * accumulates scores in flat arrays instead of allocating a result object per matching document, which
 * is what made a question with common words slow on a large corpus; the snapshot is a few base64 strings.
 */

const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;

/** A document to index: its id and, per field, its text as space-separated index terms. */
export type PostingsDocument<Field extends string> = { id: string } & Record<Field, string>;

/** One ranked document: its id, score and the query terms it matched with the fields they matched in. */
export interface PostingsHit {
  id: string;
  score: number;
  match: Record<string, string[]>;
}

interface FieldPostings {
  offsets: Int32Array;
  docs: Int32Array;
  freqs: Uint16Array;
  /** Distinct terms per document, minisearch's field length. */
  lengths: Uint32Array;
  averageLength: number;
}

/** {@link PostingsIndex} as JSON-safe data: typed arrays as base64. */
export interface PostingsSnapshot {
  fields: string[];
  ids: string[];
  terms: string[];
  postings: { offsets: string; docs: string; freqs: string; lengths: string; averageLength: number }[];
}

/** Thrown when postings data is inconsistent (a corrupt snapshot). */
export class PostingsError extends Error {
  readonly code = 'coop_postings_invalid';
  constructor(message: string) {
    super(message);
    this.name = 'PostingsError';
  }
}

/** The inverted index: see the module comment. Immutable once built. */
export class PostingsIndex {
  private scores = new Float64Array(0);
  private termScores = new Float64Array(0);
  private matched = new Uint16Array(0);
  private firstSeen = new Int32Array(0);
  /** Per document, the last query term (by sequence number) that scored it. */
  private termStamps = new Uint32Array(0);
  private stamp = 0;

  private constructor(
    readonly fields: readonly string[],
    private readonly ids: readonly string[],
    private readonly terms: ReadonlyMap<string, number>,
    private readonly postings: readonly FieldPostings[],
  ) {}

  /** Number of documents indexed. */
  get documentCount(): number {
    return this.ids.length;
  }

  /** Indexes documents whose field texts are already analyzed into space-separated terms. */
  static build<Field extends string>(
    fields: readonly Field[],
    documents: readonly PostingsDocument<Field>[],
  ): PostingsIndex {
    const terms = new Map<string, number>();
    const entries = fields.map((field) => fieldEntries(field, documents, terms));
    const postings = entries.map(({ lengths, averageLength, ...rest }) => ({
      ...sortByTerm(rest, terms.size),
      lengths,
      averageLength,
    }));
    return new PostingsIndex(
      fields,
      documents.map((document) => document.id),
      terms,
      postings,
    );
  }

  /**
   * The `limit` best documents for weighted terms (term → boost) combined with OR, each field's score
   * multiplied by its boost (1 when absent), best first.
   */
  search(
    weights: ReadonlyMap<string, number>,
    fieldBoosts: Record<string, number>,
    limit: number,
  ): PostingsHit[] {
    const count = this.ids.length;
    if (this.scores.length !== count) {
      this.scores = new Float64Array(count);
      this.termScores = new Float64Array(count);
      this.matched = new Uint16Array(count);
      this.firstSeen = new Int32Array(count).fill(-1);
      this.termStamps = new Uint32Array(count);
    }
    const { scores, termScores, matched, firstSeen, termStamps } = this;
    const touched: number[] = [];
    const termTouched: number[] = [];
    const queryTerms: { term: string; id: number }[] = [];
    for (const [term, boost] of weights) {
      const id = this.terms.get(term);
      if (id === undefined) continue;
      queryTerms.push({ term, id });
      if (this.stamp === 0xffffffff) {
        this.stamp = 0;
        termStamps.fill(0);
      }
      const stamp = ++this.stamp;
      this.fields.forEach((field, fieldIndex) => {
        const { offsets, docs, freqs, lengths, averageLength } = this.postings[fieldIndex];
        const start = offsets[id];
        const end = offsets[id + 1];
        if (start === end) return;
        const idf = Math.log(1 + (count - (end - start) + 0.5) / (end - start + 0.5));
        const weight = boost * (fieldBoosts[field] || 1);
        for (let i = start; i < end; i++) {
          const doc = docs[i];
          const freq = freqs[i];
          const raw =
            idf * (DELTA + (freq * (K1 + 1)) / (freq + K1 * (1 - B + (B * lengths[doc]) / averageLength)));
          if (termStamps[doc] !== stamp) {
            termStamps[doc] = stamp;
            termTouched.push(doc);
          }
          termScores[doc] += weight * raw;
        }
      });
      for (const doc of termTouched) {
        if (firstSeen[doc] === -1) {
          firstSeen[doc] = touched.length;
          touched.push(doc);
          scores[doc] = termScores[doc];
        } else {
          scores[doc] += termScores[doc];
        }
        matched[doc]++;
        termScores[doc] = 0;
      }
      termTouched.length = 0;
    }

    const best = topDocuments(touched, scores, matched, firstSeen, limit);
    const hits = best.map((doc) => ({
      id: this.ids[doc],
      score: scores[doc] * matched[doc],
      match: this.matchesOf(doc, queryTerms),
    }));
    for (const doc of touched) {
      scores[doc] = 0;
      matched[doc] = 0;
      firstSeen[doc] = -1;
    }
    return hits;
  }

  /** The index as JSON-safe data, for {@link PostingsIndex.fromSnapshot}. */
  toSnapshot(): PostingsSnapshot {
    const terms: string[] = new Array(this.terms.size);
    for (const [term, id] of this.terms) terms[id] = term;
    return {
      fields: [...this.fields],
      ids: [...this.ids],
      terms,
      postings: this.postings.map((field) => ({
        offsets: toBase64(field.offsets),
        docs: toBase64(field.docs),
        freqs: toBase64(field.freqs),
        lengths: toBase64(field.lengths),
        averageLength: field.averageLength,
      })),
    };
  }

  /** Restores an index from {@link PostingsIndex.toSnapshot} output; throws {@link PostingsError} if inconsistent. */
  static fromSnapshot(snapshot: PostingsSnapshot): PostingsIndex {
    const terms = new Map(snapshot.terms.map((term, id) => [term, id]));
    const postings = snapshot.postings.map((field): FieldPostings => {
      const restored = {
        offsets: new Int32Array(fromBase64(field.offsets)),
        docs: new Int32Array(fromBase64(field.docs)),
        freqs: new Uint16Array(fromBase64(field.freqs)),
        lengths: new Uint32Array(fromBase64(field.lengths)),
        averageLength: field.averageLength,
      };
      const consistent =
        restored.offsets.length === snapshot.terms.length + 1 &&
        restored.offsets[snapshot.terms.length] === restored.docs.length &&
        restored.docs.length === restored.freqs.length &&
        restored.lengths.length === snapshot.ids.length &&
        restored.docs.every((doc) => doc >= 0 && doc < snapshot.ids.length);
      if (!consistent) throw new PostingsError('postings do not match their terms and documents');
      return restored;
    });
    if (postings.length !== snapshot.fields.length)
      throw new PostingsError('postings do not match their fields');
    return new PostingsIndex(snapshot.fields, snapshot.ids, terms, postings);
  }

  private matchesOf(doc: number, queryTerms: { term: string; id: number }[]): Record<string, string[]> {
    const match: Record<string, string[]> = {};
    for (const { term, id } of queryTerms) {
      this.fields.forEach((field, fieldIndex) => {
        const { offsets, docs } = this.postings[fieldIndex];
        if (!contains(docs, offsets[id], offsets[id + 1], doc)) return;
        match[term] = [...(match[term] ?? []), field];
      });
    }
    return match;
  }
}

/** The `limit` best of `touched` by final score, ties in order of first match (minisearch's stable sort). */
function topDocuments(
  touched: number[],
  scores: Float64Array,
  matched: Uint16Array,
  firstSeen: Int32Array,
  limit: number,
): number[] {
  const better = (a: number, b: number): boolean => {
    const scoreA = scores[a] * matched[a];
    const scoreB = scores[b] * matched[b];
    return scoreA > scoreB || (scoreA === scoreB && firstSeen[a] < firstSeen[b]);
  };
  const best: number[] = [];
  for (const doc of touched) {
    if (best.length === limit && !better(doc, best[limit - 1])) continue;
    let at = best.length === limit ? limit - 1 : best.length;
    while (at > 0 && better(doc, best[at - 1])) {
      best[at] = best[at - 1];
      at--;
    }
    best[at] = doc;
  }
  return best.slice(0, limit);
}

function contains(docs: Int32Array, start: number, end: number, doc: number): boolean {
  let low = start;
  let high = end;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (docs[middle] < doc) low = middle + 1;
    else high = middle;
  }
  return low < end && docs[low] === doc;
}

interface FieldEntries {
  terms: number[];
  docs: number[];
  freqs: number[];
  lengths: Uint32Array;
  averageLength: number;
}

function fieldEntries<Field extends string>(
  field: Field,
  documents: readonly PostingsDocument<Field>[],
  terms: Map<string, number>,
): FieldEntries {
  const entries: FieldEntries = {
    terms: [],
    docs: [],
    freqs: [],
    lengths: new Uint32Array(documents.length),
    averageLength: 0,
  };
  documents.forEach((document, doc) => {
    const text = document[field];
    const frequencies = new Map<string, number>();
    if (text !== '')
      for (const term of text.split(' ')) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    // As in minisearch: the length counts distinct tokens, an empty one too, which is not indexed; the
    // average is kept as a running one, so the same arithmetic gives the same float.
    entries.lengths[doc] = frequencies.size;
    entries.averageLength = (entries.averageLength * doc + frequencies.size) / (doc + 1);
    frequencies.delete('');
    for (const [term, freq] of frequencies) {
      let id = terms.get(term);
      if (id === undefined) {
        id = terms.size;
        terms.set(term, id);
      }
      entries.terms.push(id);
      entries.docs.push(doc);
      entries.freqs.push(Math.min(freq, 0xffff));
    }
  });
  return entries;
}

/** Counting sort by term, which keeps each term's documents in indexing order. */
function sortByTerm(
  entries: Pick<FieldEntries, 'terms' | 'docs' | 'freqs'>,
  termCount: number,
): { offsets: Int32Array; docs: Int32Array; freqs: Uint16Array } {
  const offsets = new Int32Array(termCount + 1);
  for (const term of entries.terms) offsets[term + 1]++;
  for (let t = 1; t < offsets.length; t++) offsets[t] += offsets[t - 1];
  const next = offsets.slice(0, -1);
  const docs = new Int32Array(entries.terms.length);
  const freqs = new Uint16Array(entries.terms.length);
  entries.terms.forEach((term, i) => {
    const at = next[term]++;
    docs[at] = entries.docs[i];
    freqs[at] = entries.freqs[i];
  });
  return { offsets, docs, freqs };
}

function toBase64(array: Int32Array | Uint16Array | Uint32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

/** Decodes into a fresh, aligned buffer (a pooled Buffer's offset may not suit a typed array). */
function fromBase64(text: string): ArrayBuffer {
  const bytes = Buffer.from(text, 'base64');
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}
