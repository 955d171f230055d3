import MiniSearch, { type SearchResult } from 'minisearch';
import { analyze } from '../analysis/analyzer';
import { AcronymTable } from '../analysis/expansion';
import { Vocabulary } from '../analysis/spelling';
import type { CorpusDocument, Passage } from '../corpus/types';
import { passageText } from '../corpus/types';

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
 * when a query holds selective terms, its very common ones ({@link isCommon}) are left out of the
 * search. They would walk posting lists of a large share of the corpus for almost no BM25 weight, and
 * most of the time a question takes on a large corpus.
 */

/** One ranked passage. */
export interface PassageHit {
  passage: Passage;
  document: CorpusDocument;
  score: number;
}

export const TITLE_BOOST = 0.35;

interface IndexedPassage {
  id: string;
  text: string;
  title: string;
}

/** A term in more passages than this share of the corpus (and than {@link COMMON_MIN_PASSAGES}) is common. */
export const COMMON_SHARE = 0.05;
const COMMON_MIN_PASSAGES = 1000;
/** A selective term this weighty (a typed word, an expansion, follow-up context) lets common ones go. */
const SELECTIVE_MIN_WEIGHT = 0.2;

const identityTokenizer = (text: string): string[] => (text === '' ? [] : text.split(' '));

const MINISEARCH_OPTIONS = {
  fields: ['text', 'title'],
  idField: 'id',
  tokenize: identityTokenizer,
  processTerm: (term: string) => term,
  searchOptions: { tokenize: identityTokenizer, processTerm: (term: string) => term },
};

/** The searchable corpus: minisearch plus the statistics coop's answering needs. */
export class PassageIndex {
  private sortedTerms?: string[];

  private constructor(
    private readonly search: MiniSearch<IndexedPassage>,
    readonly documents: ReadonlyMap<string, CorpusDocument>,
    private readonly passages: ReadonlyMap<string, Passage>,
    private readonly documentFrequencies: ReadonlyMap<string, number>,
    readonly vocabulary: Vocabulary,
    readonly acronyms: AcronymTable,
  ) {}

  /** Analyzes and indexes every passage of `documents`. */
  static build(documents: CorpusDocument[]): PassageIndex {
    const search = new MiniSearch<IndexedPassage>(MINISEARCH_OPTIONS);
    const passages = new Map<string, Passage>();
    const frequencies = new Map<string, number>();
    const vocabulary = new Vocabulary();
    const batch: IndexedPassage[] = [];
    for (const document of documents) {
      const title = analyze(document.title)
        .map((token) => token.term)
        .join(' ');
      for (const passage of document.passages) {
        passages.set(passage.id, passage);
        const tokens = analyze(passageText(passage));
        for (const token of tokens) vocabulary.add(token.surface, token.term);
        for (const term of new Set(tokens.map((token) => token.term))) {
          frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
        }
        batch.push({ id: passage.id, text: tokens.map((token) => token.term).join(' '), title });
      }
    }
    search.addAll(batch);
    const acronyms = AcronymTable.mine(documents.flatMap((document) => document.passages.map(passageText)));
    return new PassageIndex(
      search,
      new Map(documents.map((document) => [document.file, document])),
      passages,
      frequencies,
      vocabulary,
      acronyms,
    );
  }

  /** Number of passages indexed. */
  get passageCount(): number {
    return this.passages.size;
  }

  /** In how many passages a term occurs (0 when the corpus lacks it). */
  documentFrequency(term: string): number {
    return this.documentFrequencies.get(term) ?? 0;
  }

  /** Inverse document frequency of a term, BM25 style; unknown terms count as rarer than any. */
  idf(term: string): number {
    const n = this.passages.size;
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

  /** True for a term in so many passages that it barely tells them apart. */
  isCommon(term: string): boolean {
    return this.documentFrequency(term) > Math.max(COMMON_MIN_PASSAGES, COMMON_SHARE * this.passages.size);
  }

  /**
   * Ranks passages for weighted query terms (term → boost), best first. Common terms are searched only
   * when the query has no selective term of weight {@link SELECTIVE_MIN_WEIGHT} or more.
   */
  searchTerms(weights: ReadonlyMap<string, number>, limit = 30): PassageHit[] {
    const terms = [...weights.keys()].filter((term) => term !== '');
    const selective = terms.filter((term) => !this.isCommon(term));
    const searched = selective.some((term) => (weights.get(term) ?? 0) >= SELECTIVE_MIN_WEIGHT)
      ? selective
      : terms;
    if (searched.length === 0) return [];
    const results = this.search.search(searched.join(' '), {
      combineWith: 'OR',
      boost: { text: 1, title: TITLE_BOOST },
      boostTerm: (term) => weights.get(term) ?? 1,
    });
    return results.slice(0, limit).flatMap((result) => this.toHit(result));
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
    const hits: PassageHit[] = [];
    for (const result of this.search.search(selective.join(' '), { fields: ['title'], combineWith: 'OR' })) {
      const hit = this.toHit(result)[0];
      if (hit?.passage.position === 0) hits.push(hit);
      if (hits.length >= limit) break;
    }
    return hits;
  }

  private toHit(result: SearchResult): PassageHit[] {
    const passage = this.passages.get(String(result.id));
    const document = passage && this.documents.get(passage.file);
    if (!passage || !document) return [];
    return [{ passage, document, score: result.score }];
  }

  /** The built index as JSON-safe data, for {@link PassageIndex.fromSnapshot}. */
  toSnapshot(): {
    search: ReturnType<MiniSearch['toJSON']>;
    documents: CorpusDocument[];
    documentFrequencies: [string, number][];
    vocabulary: [string, string, number][];
    acronyms: [string, string[]][];
  } {
    return {
      search: this.search.toJSON(),
      documents: [...this.documents.values()],
      documentFrequencies: [...this.documentFrequencies],
      vocabulary: this.vocabulary.entries(),
      acronyms: this.acronyms.entries(),
    };
  }

  /** Restores an index from {@link PassageIndex.toSnapshot} output without analyzing any text again. */
  static fromSnapshot(snapshot: ReturnType<PassageIndex['toSnapshot']>): PassageIndex {
    const search = MiniSearch.loadJS<IndexedPassage>(snapshot.search, MINISEARCH_OPTIONS);
    const passages = new Map<string, Passage>();
    for (const document of snapshot.documents) {
      for (const passage of document.passages) passages.set(passage.id, passage);
    }
    return new PassageIndex(
      search,
      new Map(snapshot.documents.map((document) => [document.file, document])),
      passages,
      new Map(snapshot.documentFrequencies),
      Vocabulary.fromEntries(snapshot.vocabulary),
      AcronymTable.fromEntries(snapshot.acronyms),
    );
  }
}
