import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import bm25 from 'wink-bm25-text-search';
import winkUtils from 'wink-nlp-utils';
import { loadEngine } from '../src/answer/engine';
import type { Answer } from '../src/answer/types';
import { withoutStopwords } from './plain-terms';
import { distinctInOrder } from './relevance-metrics';
import type { NewsArticle } from './reuters-corpus';

/** Documents ranked for one question, best first: file names, at most {@link RANKED} of them. */
export interface Ranking {
  ids: string[];
  /** coop only: false when it said the corpus does not answer. */
  answered?: boolean;
  /** coop only: how many of `ids` are cited by the passages shown with the answer (the rest wait behind "More results"). */
  shown?: number;
}

/** A search engine under test, built over the benchmark's documents. */
export interface RankingEngine {
  name: string;
  rank(question: string): Ranking;
}

/** Ranks scored: nDCG@10 and MRR@10 need no more. */
export const RANKED = 10;

/** A document as the compared libraries index it: the same file text, headline and body as two fields. */
interface FieldedDocument {
  id: string;
  title: string;
  body: string;
}

function fielded(article: NewsArticle): FieldedDocument {
  const newline = article.text.indexOf('\n');
  return { id: article.name, title: article.text.slice(0, newline), body: article.text.slice(newline + 1) };
}

/**
 * coop as a team runs it: the articles written as files into `corpusDir` and loaded by `loadEngine`.
 * Its ranking is the documents its answer cites, in order: those of the shown passages, then those
 * behind "More results". No answer is an empty ranking.
 */
export async function coopEngine(articles: NewsArticle[], corpusDir: string): Promise<RankingEngine> {
  await mkdir(corpusDir, { recursive: true });
  for (const article of articles) await writeFile(path.join(corpusDir, article.name), article.text);
  const engine = await loadEngine(corpusDir);
  return { name: 'coop', rank: (question) => citedDocuments(engine.answer(question)) };
}

/** The files an answer cites, shown passages first, each once. */
export function citedDocuments(answer: Answer): Ranking {
  if (!answer.answered) return { ids: [], answered: false, shown: 0 };
  const files = (passages: Answer['passages']) =>
    passages.flatMap((passage) => passage.citations.map((citation) => citation.file));
  const shown = distinctInOrder(files(answer.passages));
  const ids = distinctInOrder([...shown, ...files(answer.morePassages)]).slice(0, RANKED);
  return { ids, answered: true, shown: Math.min(shown.length, RANKED) };
}

/** minisearch with its defaults (BM25, every term kept), headline and body as fields. */
export function plainMiniSearchEngine(articles: NewsArticle[], stopwords: boolean): RankingEngine {
  const search = new MiniSearch<FieldedDocument>({
    fields: ['title', 'body'],
    ...(stopwords ? { processTerm: withoutStopwords } : {}),
  });
  search.addAll(articles.map(fielded));
  return {
    name: stopwords ? 'minisearch + stopwords' : 'minisearch',
    rank: (question) => ({
      ids: search
        .search(question)
        .slice(0, RANKED)
        .map((result) => String(result.id)),
    }),
  };
}

/**
 * wink-bm25-text-search with the preparation pipeline its documentation gives for wink-nlp-utils:
 * lowercase, tokenize, drop stopwords, stem, mark negations.
 */
export function winkEngine(articles: NewsArticle[]): RankingEngine {
  const engine = bm25();
  engine.defineConfig({ fldWeights: { title: 1, body: 1 } });
  engine.definePrepTasks([
    winkUtils.string.lowerCase,
    winkUtils.string.tokenize0,
    winkUtils.tokens.removeWords,
    winkUtils.tokens.stem,
    winkUtils.tokens.propagateNegations,
  ]);
  for (const { id, title, body } of articles.map(fielded)) engine.addDoc({ title, body }, id);
  engine.consolidate();
  return {
    name: 'wink-bm25',
    rank: (question) => ({ ids: engine.search(question, RANKED).map(([id]) => String(id)) }),
  };
}

/**
 * lunr with its default pipeline (stopwords, Porter stemmer). The question's words are passed as
 * terms, not as lunr query syntax, so a colon or a hyphen a user types is text, not an operator.
 */
export function lunrEngine(articles: NewsArticle[]): RankingEngine {
  const index = lunr(function build() {
    this.ref('id');
    this.field('title');
    this.field('body');
    for (const document of articles.map(fielded)) this.add(document);
  });
  return {
    name: 'lunr',
    rank: (question) => ({
      ids: index
        .query((query) => query.term(lunr.tokenizer(question), {}))
        .slice(0, RANKED)
        .map((result) => result.ref),
    }),
  };
}
