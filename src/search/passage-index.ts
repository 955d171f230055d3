import { setImmediate } from 'node:timers/promises';
import MiniSearch, { type AsPlainObject, type SearchOptions } from 'minisearch';
import type { AnalyzedToken } from '../analysis/analyzer';
import { AcronymTable } from '../analysis/expansion';
import { Vocabulary } from '../analysis/spelling';
import type { CorpusDocument, Passage } from '../corpus/types';
import { passageText } from '../corpus/types';
import { IdentityIds, PackedFieldLengths } from './document-tables';
import {
  PackedPostings,
  type PoolArrays,
  PostingPool,
  type Postings,
  packedOrMap,
  postingsMap,
} from './packed-postings';
import { type PassageWords, PassageWordsTable, PassageWordsWriter } from './passage-tokens';
import {
  DEFAULT_POSTING_BUDGET,
  isCommonIn,
  type PostingBudget,
  planSearch,
  type SearchPlan,
} from './posting-budget';
import { PostingCollector } from './posting-collector';
import { SentenceCoder } from './sentence-coder';

/**
 * BM25 ranking over passages, on minisearch.
 *
 * Each passage is indexed with two fields: its `text` and its document's `title` (boosted
 * {@link TITLE_BOOST}, so a headline lends its words to every passage beneath it without outranking the
 * passage that says them). Both are analyzed by coop's analyzer before minisearch sees them, so
 * minisearch's own tokenizer and term processing are identity functions here. Queries are weighted term
 * lists (typed words 1, expansions and follow-up context less), combined with OR.
 *
 * Retrieval only gathers candidates for the answering engine, which re-reads each candidate in full; so
 * a search is planned within a posting budget (`posting-budget.ts`): very common terms are left out
 * when the query has rarer ones, then the most telling terms admit
 * candidates, further terms only add to the scores of passages already admitted (a walk of their
 * postings, with `boostDocument` turning every other passage away before minisearch gathers a result for
 * it), and the rest are left to the answering engine. A common word or a crowd of synonyms would
 * otherwise make minisearch score results for a large share of the corpus, most of the time a question
 * takes on a large corpus. Of the results gathered, only the best few become hits: minisearch's `search`
 * would build, and sort, a result object for every one.
 */

/** One ranked passage. */
export interface PassageHit {
  passage: Passage;
  document: CorpusDocument;
  score: number;
}

export const TITLE_BOOST = 0.35;

/**
 * One term of minisearch's index as a snapshot holds it: the term, then for each field its id and where
 * its postings lie in the snapshot's posting pool (start, count; the pool is written as
 * {@link PostingBlock}s), or, for the rare postings the pool cannot hold, the postings themselves as
 * document id, term frequency, document id, term frequency…. minisearch's own `toJSON` gives an object
 * keyed by document id for each field, which its loader must turn back into a `Map` one string key at
 * a time (most of a warm start's work).
 */
export type TermEntry = [term: string, ...fields: (number | number[])[]];

/**
 * minisearch's serialized index (`toJSON`), with the term index as {@link TermEntry} items in any
 * iterable: a snapshot reader can hand them over one chunk at a time, so the whole index is never
 * parsed at once.
 */
export type SearchSnapshot = Omit<AsPlainObject, 'index'> & { index: Iterable<TermEntry> };

/**
 * A term's postings in one field as minisearch reads them: its own `Map`, or the same packed
 * ({@link PackedPostings}).
 */
type FieldPostings = Map<number, number> | PackedPostings;

/** The part of minisearch's state that coop packs, and a snapshot reads and restores directly: its term index. */
interface TermIndex {
  _index: Iterable<[string, Map<number, FieldPostings>]> & {
    set(term: string, fields: Map<number, FieldPostings>): unknown;
  };
}

/** A passage as minisearch indexes it, under its position in the index (which is also minisearch's short id). */
interface IndexedPassage {
  id: number;
  text: string;
  title: string;
}

/** What minisearch gathers for one passage before it builds a result: its BM25 score summed over the matched terms. */
interface RawResult {
  score: number;
  /** The query terms the passage matched. */
  terms: string[];
}

/** minisearch's gathered results of a query, by short id: what its `search` builds its results from. */
export type RawResults = Map<number, RawResult>;

/** The part of minisearch that runs a query without building its results. */
interface QueryRunner {
  executeQuery(query: string, options: SearchOptions): RawResults;
}

/** A passage's place in the index and its score for a query. */
export interface Scored {
  id: number;
  score: number;
}

/**
 * The built index as data ({@link PassageIndex.toSnapshot}): lists that JSON can hold, and the typed
 * arrays of its postings and kept words, which a snapshot writes as raw bytes.
 */
export interface PassageIndexData {
  search: SearchSnapshot;
  documents: CorpusDocument[];
  documentFrequencies: [string, number][];
  titleFrequencies: [string, number][];
  vocabulary: [string, string, number][];
  acronyms: [string, string[]][];
  /** The posting pool's ids and frequencies ({@link PostingPool.arrays}). */
  postings: PoolArrays;
  fieldLengths: number[][];
  /** The words kept of passages and headlines ({@link PassageWordsTable.all}). */
  passageWords: Uint32Array;
}

/** Options of {@link PassageIndex.build} and {@link PassageIndex.fromSnapshot}. */
export interface PassageIndexOptions {
  /** How much of the index one search may touch (default {@link DEFAULT_POSTING_BUDGET}). */
  postingBudget?: PostingBudget;
}

const identityTokenizer = (text: string): string[] => (text === '' ? [] : text.split(' '));

const MINISEARCH_OPTIONS = {
  fields: ['text', 'title'],
  idField: 'id',
  tokenize: identityTokenizer,
  processTerm: (term: string) => term,
  searchOptions: { tokenize: identityTokenizer, processTerm: (term: string) => term },
};

/** The ids minisearch gives the fields of {@link MINISEARCH_OPTIONS}, by their order. */
const MINISEARCH_FIELD_IDS = Object.fromEntries(MINISEARCH_OPTIONS.fields.map((field, id) => [field, id]));

/**
 * An empty minisearch with the settings its serialization keeps (counts, field ids and average lengths):
 * the term index and document tables are put in by the caller.
 */
function searchWithSettings(
  settings: Omit<AsPlainObject, 'index' | 'documentIds' | 'fieldLength'>,
): MiniSearch<IndexedPassage> {
  return MiniSearch.loadJS<IndexedPassage>(
    { ...settings, documentIds: {}, fieldLength: {}, index: [] },
    MINISEARCH_OPTIONS,
  );
}

/** The searchable corpus: minisearch plus the statistics coop's answering needs. */
export class PassageIndex {
  private sortedTerms?: string[];
  /** 1 for each passage that leads its document, by position in the index. */
  private readonly leads: Uint8Array;
  /** Each passage's document, by position in the index: a hit's document without a lookup by name. */
  private readonly passageDocuments: (CorpusDocument | undefined)[];
  /** Where each document's passages start in the index. */
  private readonly documentStarts = new Map<string, number>();
  /** Where each document's headline is among the words kept: after every passage's, in document order. */
  private readonly headlinePlaces = new Map<string, number>();
  /** Each passage's and each headline's analyzed words, kept from indexing. */
  private readonly words: PassageWordsTable;

  private constructor(
    private readonly search: MiniSearch<IndexedPassage>,
    readonly documents: ReadonlyMap<string, CorpusDocument>,
    /** Every passage, at its position in the index. */
    private readonly passages: readonly Passage[],
    private readonly documentFrequencies: ReadonlyMap<string, number>,
    /** In how many passages' headline field a term is: the headline's passages, for each term of it. */
    private readonly titleFrequencies: ReadonlyMap<string, number>,
    readonly vocabulary: Vocabulary,
    readonly acronyms: AcronymTable,
    private readonly postingBudget: PostingBudget,
    /** Where the term index's packed postings are kept. */
    private readonly postingPool: PostingPool,
    /**
     * The analyzed words of every passage, then of every document's headline, as
     * {@link PassageWordsWriter} wrote them, term ids as {@link keptTerms} numbers them.
     */
    words: Uint32Array,
  ) {
    this.leads = new Uint8Array(passages.length);
    this.passageDocuments = new Array(passages.length);
    passages.forEach((passage, place) => {
      this.passageDocuments[place] = documents.get(passage.file);
      if (passage.position > 0) return;
      this.leads[place] = 1;
      this.documentStarts.set(passage.file, place);
    });
    for (const file of documents.keys())
      this.headlinePlaces.set(file, passages.length + this.headlinePlaces.size);
    this.words = new PassageWordsTable(
      words,
      [
        ...passages.map((passage) => passage.sentences.length),
        ...[...this.headlinePlaces.keys()].map(() => 1),
      ],
      keptTerms(documentFrequencies, titleFrequencies),
    );
  }

  /** Analyzes and indexes every passage of `documents`. */
  static build(
    documents: CorpusDocument[],
    options: PassageIndexOptions & {
      /** The coder that read the documents' sentences as they were read ({@link readAndBuildIndex}). */
      coder?: SentenceCoder;
    } = {},
  ): PassageIndex {
    const passages: Passage[] = [];
    const titleFrequencies = new Map<string, number>();
    const words = new PassageWordsWriter();
    const postings = new PostingCollector();
    // A term's id is its place among the coder's: the terms of passages in the order first said, then
    // those said only in headlines. A snapshot keeps both orders (`documentFrequencies`, `titleFrequencies`).
    const coder = options.coder ?? new SentenceCoder();
    const headlines: AnalyzedToken[][] = [];
    for (const document of documents) {
      const headline = coder.headline(document.title);
      headlines.push(headline);
      const titleTerms = headline.map((token) => token.term);
      for (const term of new Set(titleTerms)) {
        titleFrequencies.set(term, (titleFrequencies.get(term) ?? 0) + document.passages.length);
      }
      const passageTermIds: number[][] = [];
      const readAhead = coder.takeRead(document.file);
      for (const passage of document.passages) {
        passages.push(passage);
        // Sentence by sentence, as a question's reading of the passage sees it.
        const ids: number[] = [];
        for (const sentence of passage.sentences) coder.sentence(sentence, words, ids, readAhead);
        passageTermIds.push(ids);
      }
      postings.addDocument(passageTermIds, titleTerms);
    }
    const { termIds } = coder;
    const frequencies = new Map<string, number>();
    for (const [term, id] of termIds) frequencies.set(term, postings.passagesWith(id));
    for (const term of titleFrequencies.keys()) coder.termId(term);
    for (const headline of headlines) {
      words.sentence(
        headline,
        headline.map((token) => coder.termId(token.term)),
      );
    }
    const collected = postings.finish(termIds);
    const search = searchWithSettings({
      documentCount: passages.length,
      nextId: passages.length,
      fieldIds: MINISEARCH_FIELD_IDS,
      averageFieldLength: collected.averageFieldLength,
      storedFields: {},
      dirtCount: 0,
      serializationVersion: 2,
    });
    const pool = new PostingPool();
    for (const [term, fields] of collected.terms) setTerm(search, pool, term, fields);
    pool.trim();
    packDocumentTables(search, passages.length, collected.fieldLengths);
    const acronyms = AcronymTable.mine(passageTexts(documents));
    return new PassageIndex(
      search,
      new Map(documents.map((document) => [document.file, document])),
      passages,
      frequencies,
      titleFrequencies,
      coder.vocabulary(),
      acronyms,
      options.postingBudget ?? DEFAULT_POSTING_BUDGET,
      pool,
      words.finish(),
    );
  }

  /**
   * A passage's analyzed words, sentence by sentence, as indexing found them; undefined for a passage
   * this index does not hold.
   */
  wordsOf(passage: Passage): PassageWords | undefined {
    const place = (this.documentStarts.get(passage.file) ?? Number.NaN) + passage.position;
    return this.passages[place] === passage ? this.words.at(place) : undefined;
  }

  /** A document's headline analyzed, as indexing found it; undefined for a document this index does not hold. */
  headlineWordsOf(document: CorpusDocument): PassageWords | undefined {
    const place = this.headlinePlaces.get(document.file);
    return place !== undefined && this.documents.get(document.file) === document
      ? this.words.at(place)
      : undefined;
  }

  /** Number of distinct terms indexed: the entries of a snapshot's term index. */
  get termCount(): number {
    return this.search.termCount;
  }

  /** Number of passages indexed. */
  get passageCount(): number {
    return this.passages.length;
  }

  /** In how many passages a term occurs (0 when the corpus lacks it). */
  documentFrequency(term: string): number {
    return this.documentFrequencies.get(term) ?? 0;
  }

  /** Inverse document frequency of a term, BM25 style; unknown terms count as rarer than any. */
  idf(term: string): number {
    const n = this.passages.length;
    const df = this.documentFrequency(term) || 0.5;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Known terms that begin with `prefix`, most frequent first: a stem the corpus lacks often has
   * longer relatives that it has (`focu` → `focus`).
   */
  termsWithPrefix(prefix: string, limit = 3): string[] {
    this.sortedTerms ??= [...this.documentFrequencies.keys()].sort();
    const found: string[] = [];
    let low = 0;
    let high = this.sortedTerms.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.sortedTerms[middle] < prefix) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < this.sortedTerms.length && this.sortedTerms[i].startsWith(prefix); i++) {
      found.push(this.sortedTerms[i]);
    }
    return found.sort((a, b) => this.documentFrequency(b) - this.documentFrequency(a)).slice(0, limit);
  }

  /** True for a term in so many passages that it barely tells them apart (over 5% of them). */
  isCommon(term: string): boolean {
    return isCommonIn(this.documentFrequency(term), this.passages.length);
  }

  /** Postings minisearch walks for a term: its passages, and the passages whose headline has it. */
  postings(term: string): number {
    return this.documentFrequency(term) + (this.titleFrequencies.get(term) ?? 0);
  }

  /** True when a search for the term alone fits the budget of postings that may admit candidates. */
  fitsAdmitBudget(term: string): boolean {
    return this.postings(term) <= this.postingBudget.admit;
  }

  /** Which terms of a weighted query admit candidates and which only score them (see {@link planSearch}). */
  planSearch(weights: ReadonlyMap<string, number>): SearchPlan {
    return planSearch(
      [...weights].map(([term, weight]) => ({
        term,
        weight,
        rarity: this.idf(term),
        postings: term === '' ? 0 : this.postings(term),
        passages: this.documentFrequency(term),
      })),
      this.passages.length,
      this.postingBudget,
    );
  }

  /**
   * Ranks passages for weighted query terms (term → boost), best first, within the posting budget. The
   * ranking of the candidates is minisearch's BM25 over every term planned, admitting or scoring.
   */
  searchTerms(weights: ReadonlyMap<string, number>, limit = 30): PassageHit[] {
    const { admitting, scoring } = this.planSearch(weights);
    if (admitting.length === 0) return [];
    const options: SearchOptions = {
      combineWith: 'OR',
      boost: { text: 1, title: TITLE_BOOST },
      boostTerm: (term: string) => weights.get(term) ?? 1,
    };
    const admitted = this.query(admitting, options);
    if (scoring.length > 0 && admitted.size > 0) {
      const scored = this.query(scoring, {
        ...options,
        boostDocument: (id) => (admitted.has(id as number) ? 1 : 0),
      });
      // As one search over all the terms would have scored them: minisearch sums the BM25 of the
      // matched terms, and multiplies the sum by how many matched.
      for (const [id, extra] of scored) {
        const result = admitted.get(id);
        if (!result) continue;
        result.score += extra.score;
        result.terms.push(...extra.terms);
      }
    }
    return this.toHits(admitted, limit);
  }

  /**
   * Lead passages of the documents whose headlines say most of `terms`, best first. A story may say its
   * subject only in its headline ("HARPER GROUP 4TH QTR NET" over a table of figures), where its text
   * cannot compete with stories that say the same words throughout. Terms too common to tell stories
   * apart are left out, as in {@link searchTerms}.
   */
  searchHeadlines(terms: string[], limit: number): PassageHit[] {
    const selective = terms.filter((term) => term !== '' && !this.isCommon(term));
    if (selective.length === 0) return [];
    const results = this.query(selective, {
      fields: ['title'],
      combineWith: 'OR',
      // Every passage carries its story's headline; only leads are wanted, so no result is gathered for
      // the others (a weight of 0 skips a passage before minisearch gathers its result).
      boostDocument: (id) => this.leads[id as number],
    });
    return this.toHits(results, limit);
  }

  /**
   * minisearch's BM25 results of a query over `terms`, by short id, as gathered before `search` builds,
   * filters and sorts a result object for each: coop reads only the best few of thousands.
   */
  private query(terms: string[], options: SearchOptions): RawResults {
    return (this.search as unknown as QueryRunner).executeQuery(terms.join(' '), options);
  }

  /** The `limit` best of `results` as hits, best first, scored as minisearch's `search` scores them. */
  private toHits(results: RawResults, limit: number): PassageHit[] {
    const hits: PassageHit[] = [];
    for (const { id, score } of bestGathered(results, limit)) {
      const passage = this.passages[id];
      const document = this.passageDocuments[id];
      if (passage && document) hits.push({ passage, document, score });
    }
    return hits;
  }

  /** The built index as JSON-safe data, for {@link PassageIndex.fromSnapshot}. */
  toSnapshot(): PassageIndexData {
    return {
      search: lazySearchSnapshot(this.search, this.postingPool),
      fieldLengths: (this.search as unknown as DocumentTables)._fieldLength.rows(),
      documents: [...this.documents.values()],
      documentFrequencies: [...this.documentFrequencies],
      titleFrequencies: [...this.titleFrequencies],
      vocabulary: this.vocabulary.entries(),
      acronyms: this.acronyms.entries(),
      postings: this.postingPool.arrays(),
      passageWords: this.words.all(),
    };
  }

  /**
   * Restores an index from {@link PassageIndex.toSnapshot} output without analyzing any text again; it
   * keeps the snapshot's posting and word arrays as its own. It lets other work run every
   * {@link TERMS_BETWEEN_TURNS} terms and before assembling the rest: a bot swapping in a rebuilt index
   * goes on acknowledging Slack's requests, which wait at most three seconds (restoring 300k passages
   * and listing their documents held the main thread for 1.4 s; 0.65 s at most since).
   */
  static async fromSnapshot(
    snapshot: PassageIndexData,
    options: PassageIndexOptions = {},
  ): Promise<PassageIndex> {
    const { index: terms, ...settings } = snapshot.search;
    const search = searchWithSettings(settings);
    const pool = PostingPool.holding(snapshot.postings);
    await restoreTermIndex(search, terms, pool);
    await setImmediate();
    const passages: Passage[] = [];
    for (const document of snapshot.documents) {
      for (const passage of document.passages) {
        // One string for the file name, not one parsed copy per passage.
        passage.file = document.file;
        passages.push(passage);
      }
    }
    packDocumentTables(search, passages.length, snapshot.fieldLengths);
    return new PassageIndex(
      search,
      new Map(snapshot.documents.map((document) => [document.file, document])),
      passages,
      new Map(snapshot.documentFrequencies),
      new Map(snapshot.titleFrequencies),
      Vocabulary.fromEntries(snapshot.vocabulary),
      AcronymTable.fromEntries(snapshot.acronyms),
      options.postingBudget ?? DEFAULT_POSTING_BUDGET,
      pool,
      snapshot.passageWords,
    );
  }
}

/**
 * The terms the kept words' ids stand for: every term of the passages, in the order of their document
 * frequencies, then the terms said only in headlines, in the order of theirs.
 */
function keptTerms(
  documentFrequencies: ReadonlyMap<string, number>,
  titleFrequencies: ReadonlyMap<string, number>,
): string[] {
  const terms = [...documentFrequencies.keys()];
  for (const term of titleFrequencies.keys()) if (!documentFrequencies.has(term)) terms.push(term);
  return terms;
}

/**
 * minisearch's own serialization (`toJSON`), but with the term index as {@link TermEntry} items given
 * one by one as they are read: `toJSON` copies the whole term index into plain objects at once, as large
 * again as the index, which made saving a snapshot the peak of a first start. `JSON.stringify` still
 * writes every entry.
 */
function lazySearchSnapshot(search: MiniSearch<IndexedPassage>, pool: PostingPool): SearchSnapshot {
  // `toJSON` reads the term index through `this._index` alone, and the document tables through theirs;
  // with empty ones in front of the real ones, it copies only the settings. The document tables are
  // restored from the passages' order and `fieldLengths` (`packDocumentTables`).
  const empty = { value: new Map() };
  const settings = search.toJSON.call(
    Object.create(search, {
      _index: { value: [] },
      _documentIds: empty,
      _fieldLength: empty,
    }) as typeof search,
  );
  const terms = (search as unknown as TermIndex)._index;
  const entries = {
    *[Symbol.iterator](): Generator<TermEntry> {
      for (const [term, fields] of terms) {
        const entry: TermEntry = [term];
        for (const [fieldId, frequencies] of fields) {
          const slice = frequencies instanceof PackedPostings ? frequencies.sliceOf(pool) : undefined;
          if (slice) {
            entry.push(fieldId, ...slice);
            continue;
          }
          const postings: number[] = [];
          for (const [passage, frequency] of frequencies) postings.push(passage, frequency);
          entry.push(fieldId, postings);
        }
        yield entry;
      }
    },
    toJSON: (): TermEntry[] => [...entries],
  };
  return { ...settings, index: entries };
}

/**
 * Puts {@link TermEntry} items back into a loaded minisearch's term index, their packed postings read
 * where they lie in `pool`, as its own loader would.
 */
async function restoreTermIndex(
  search: MiniSearch<IndexedPassage>,
  entries: Iterable<TermEntry>,
  pool: PostingPool,
): Promise<void> {
  const terms = (search as unknown as TermIndex)._index;
  let untilTurn = TERMS_BETWEEN_TURNS;
  for (const entry of entries) {
    if (--untilTurn === 0) {
      await setImmediate();
      untilTurn = TERMS_BETWEEN_TURNS;
    }
    const fields = new Map<number, FieldPostings>();
    for (let i = 1; i < entry.length; ) {
      const fieldId = entry[i] as number;
      const postings = entry[i + 1];
      if (Array.isArray(postings)) {
        fields.set(fieldId, postingsMap(postings));
        i += 2;
      } else {
        fields.set(fieldId, PackedPostings.at(pool, postings as number, entry[i + 2] as number));
        i += 3;
      }
    }
    terms.set(entry[0], fields);
  }
}

/** Terms restored between two turns of the event loop: about 50 ms of work (300k passages hold 50k). */
const TERMS_BETWEEN_TURNS = 10_000;

/** minisearch's tables of the documents it holds: their ids by short id and back, and their fields' lengths. */
interface DocumentTables {
  _documentIds: IdentityIds;
  _idToShortId: IdentityIds;
  _fieldLength: PackedFieldLengths;
}

/**
 * Gives minisearch packed document tables (`document-tables.ts`) for `passageCount` passages, each indexed
 * under its position, which is also its short id (as `build` adds them in order and nothing is ever
 * removed); `fieldLengths` are their fields' lengths in the same order.
 */
function packDocumentTables(
  search: MiniSearch<IndexedPassage>,
  passageCount: number,
  fieldLengths: readonly (readonly number[])[],
): void {
  if (passageCount !== search.documentCount || fieldLengths.length !== passageCount) {
    throw new Error(
      `${passageCount} passages and ${fieldLengths.length} field lengths for ${search.documentCount} indexed passages`,
    );
  }
  const tables = search as unknown as DocumentTables;
  tables._documentIds = new IdentityIds(passageCount);
  tables._idToShortId = tables._documentIds;
  tables._fieldLength = new PackedFieldLengths(MINISEARCH_OPTIONS.fields.length, fieldLengths);
}

/** Puts a term's postings, field by field, packed into `pool`, into minisearch's term index. */
function setTerm(
  search: MiniSearch<IndexedPassage>,
  pool: PostingPool,
  term: string,
  fields: Iterable<[fieldId: number, postings: Postings]>,
): void {
  const packed = new Map<number, FieldPostings>();
  for (const [fieldId, postings] of fields) packed.set(fieldId, packedOrMap(pool, postings));
  (search as unknown as TermIndex)._index.set(term, packed);
}

/** Each passage's text in turn, never all of them at once. */
function* passageTexts(documents: CorpusDocument[]): Generator<string> {
  for (const document of documents) for (const passage of document.passages) yield passageText(passage);
}

/**
 * The `count` best of minisearch's gathered results, best first, ties in the order gathered (what a
 * stable sort of all of them would start with), each scored as minisearch's `search` scores it: the
 * summed BM25 times the terms matched. Nothing is sorted and only those kept become objects: thousands
 * are gathered, a few dozen kept.
 */
export function bestGathered(results: RawResults, count: number): Scored[] {
  const best: Scored[] = [];
  results.forEach(({ score, terms }, id) => {
    const final = score * (terms.length || 1);
    if (ranksAmong(best, final, count)) keepAmong(best, { id, score: final }, count);
  });
  return best;
}

/** Whether a result scored `score` would be among the `count` best kept in `best`. */
function ranksAmong(best: readonly Scored[], score: number, count: number): boolean {
  return best.length < count || (count > 0 && score > best[count - 1].score);
}

/** Puts `result` in its place among `best` (best first, after those scored the same), keeping `count`. */
function keepAmong(best: Scored[], result: Scored, count: number): void {
  let low = 0;
  let high = best.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (best[middle].score >= result.score) low = middle + 1;
    else high = middle;
  }
  best.splice(low, 0, result);
  if (best.length > count) best.pop();
}
