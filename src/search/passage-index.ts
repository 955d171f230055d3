import { analyze } from '../analysis/analyzer';
import { AcronymTable } from '../analysis/expansion';
import { Vocabulary } from '../analysis/spelling';
import type { CorpusDocument, Passage } from '../corpus/types';
import { passageText } from '../corpus/types';
import { type PostingsHit, PostingsIndex, type PostingsSnapshot } from './postings';

/**
 * BM25 ranking over passages, minisearch's BM25+ on compact postings ({@link PostingsIndex}).
 *
 * Each passage is indexed with two fields: its `text` and its document's `title` (boosted
 * {@link TITLE_BOOST}, so a headline lends its words to every passage beneath it without outranking the
 * passage that says them). Both fields are analyzed by coop's analyzer before indexing, so the index
 * splits them on spaces and nothing more. Queries are weighted term
 * lists (typed words 1, expansions and follow-up context less), combined with OR.
 */
export const TITLE_BOOST = 0.35;

/** One ranked passage with the query terms it matched and in which fields. */
export interface PassageHit {
  passage: Passage;
  document: CorpusDocument;
  score: number;
  /** Query term → fields it matched in (`text`, `title`). */
  matches: Map<string, string[]>;
}

interface IndexedPassage {
  id: string;
  text: string;
  title: string;
}

const SEARCH_FIELDS = ['text', 'title'] as const;

/** The searchable corpus: the postings plus the statistics coop's answering needs. */
export class PassageIndex {
  private sortedTerms?: string[];

  private constructor(
    private readonly search: PostingsIndex,
    readonly documents: ReadonlyMap<string, CorpusDocument>,
    private readonly passages: ReadonlyMap<string, Passage>,
    private readonly documentFrequencies: ReadonlyMap<string, number>,
    readonly vocabulary: Vocabulary,
    readonly acronyms: AcronymTable,
  ) {}

  /** Analyzes and indexes every passage of `documents`. */
  static build(documents: CorpusDocument[]): PassageIndex {
    const passages = new Map<string, Passage>();
    const frequencies = new Map<string, number>();
    const vocabulary = new Vocabulary();
    const titleTerms = new Map<string, string>();
    const batch: IndexedPassage[] = [];
    for (const document of documents) {
      let title = titleTerms.get(document.file);
      if (title === undefined) {
        title = analyze(document.title)
          .map((token) => token.term)
          .join(' ');
        titleTerms.set(document.file, title);
      }
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
    const search = PostingsIndex.build(SEARCH_FIELDS, batch);
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

  /** The passage with this id. */
  passage(id: string): Passage | undefined {
    return this.passages.get(id);
  }

  /** Ranks passages for weighted query terms (term → boost), best first. */
  searchTerms(weights: ReadonlyMap<string, number>, limit = 30): PassageHit[] {
    const terms = [...weights.keys()].filter((term) => term !== '');
    if (terms.length === 0) return [];
    const boosts = new Map(terms.map((term) => [term, weights.get(term) ?? 1]));
    return this.search
      .search(boosts, { text: 1, title: TITLE_BOOST }, limit)
      .flatMap((result) => this.toHit(result));
  }

  private toHit(result: PostingsHit): PassageHit[] {
    const passage = this.passages.get(String(result.id));
    const document = passage && this.documents.get(passage.file);
    if (!passage || !document) return [];
    return [{ passage, document, score: result.score, matches: new Map(Object.entries(result.match)) }];
  }

  /** The built index as JSON-safe data, for {@link PassageIndex.fromSnapshot}. */
  toSnapshot(): {
    search: PostingsSnapshot;
    documents: CorpusDocument[];
    documentFrequencies: [string, number][];
    vocabulary: [string, string, number][];
    acronyms: [string, string[]][];
  } {
    return {
      search: this.search.toSnapshot(),
      documents: [...this.documents.values()],
      documentFrequencies: [...this.documentFrequencies],
      vocabulary: this.vocabulary.entries(),
      acronyms: this.acronyms.entries(),
    };
  }

  /** Restores an index from {@link PassageIndex.toSnapshot} output without analyzing any text again. */
  static fromSnapshot(snapshot: ReturnType<PassageIndex['toSnapshot']>): PassageIndex {
    const search = PostingsIndex.fromSnapshot(snapshot.search);
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
