import { writeFile } from 'node:fs/promises';
import { buildEngine, type EngineName, RANKED, type Ranking, type RankingEngine } from './relevance-engines';
import { mean, ndcgAt, precisionAt, reciprocalRankAt } from './relevance-metrics';
import { type RelevanceQuestion, relevanceSet } from './relevance-questions';

/**
 * One engine of `npm run relevance` in a fresh process (run by `bench/relevance.ts`, two at a time):
 * reads the articles, builds the questions, indexes, asks every question, and prints its
 * {@link EngineResult} as one JSON line; with `dump`, writes each ranking there as JSONL.
 */
export interface RelevanceJob {
  engine: EngineName;
  limit?: number;
  known: number;
  workDir: string;
  dump?: string;
}

/** Mean scores of one engine on one question set, by metric name. */
export type Scores = Record<string, number>;

/** What one engine scored, and what it cost. */
export interface EngineResult {
  engine: EngineName;
  articles: number;
  questions: Record<RelevanceQuestion['set'], number>;
  /** CPU time to index (read, analyze, build), which a busy shared machine does not inflate as it does wall time. */
  indexSeconds: number;
  /** CPU time to rank one question, on average. */
  questionMs: number;
  topic: Scores;
  knownItem: Scores;
  /** Share of off-topic questions given no ranking at all. */
  offTopicDeclined: number;
  /** coop only: share of topic and known-item questions it did not answer. */
  unanswered?: number;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2]) as RelevanceJob;
  const { articles, questions } = await relevanceSet(job.limit, job.known);
  const indexing = cpuMs();
  const engine = await buildEngine(job.engine, articles, job.workDir);
  const indexSeconds = (cpuMs() - indexing) / 1000;
  log(`${job.engine}: indexed in ${indexSeconds.toFixed(1)} CPU s; asking ${questions.length} questions`);
  const asking = cpuMs();
  const asked = questions.map((question) => ({ question, ranking: engine.rank(question.question) }));
  const questionMs = (cpuMs() - asking) / questions.length;
  if (job.dump) {
    const headlines = new Map(articles.map((article) => [article.name, article.headline]));
    const lines = asked.map(({ question, ranking }) => dumpLine(engine, question, ranking, headlines));
    await writeFile(job.dump, `${lines.join('\n')}\n`);
  }
  const result: EngineResult = {
    engine: job.engine,
    articles: articles.length,
    questions: {
      topic: questions.filter((q) => q.set === 'topic').length,
      'known-item': questions.filter((q) => q.set === 'known-item').length,
      'off-topic': questions.filter((q) => q.set === 'off-topic').length,
    },
    indexSeconds,
    questionMs,
    ...scores(asked),
  };
  log(`${job.engine}: done, ${result.questionMs.toFixed(1)} CPU ms a question`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

type Asked = { question: RelevanceQuestion; ranking: Ranking }[];

/** Averages the metrics of each question set. */
function scores(asked: Asked): Pick<EngineResult, 'topic' | 'knownItem' | 'offTopicDeclined' | 'unanswered'> {
  const of = (set: RelevanceQuestion['set']) => asked.filter((entry) => entry.question.set === set);
  const average = (set: RelevanceQuestion['set'], metric: (ids: string[], relevant: Set<string>) => number) =>
    mean(of(set).map(({ question, ranking }) => metric(ranking.ids, question.relevant)));
  const judged = asked.filter((entry) => entry.question.set !== 'off-topic');
  return {
    topic: {
      'P@1': average('topic', (ids, relevant) => precisionAt(ids, relevant, 1)),
      'P@3': average('topic', (ids, relevant) => precisionAt(ids, relevant, 3)),
      'nDCG@10': average('topic', (ids, relevant) => ndcgAt(ids, relevant, RANKED)),
    },
    knownItem: {
      'MRR@10': average('known-item', (ids, relevant) => reciprocalRankAt(ids, relevant, RANKED)),
      'Success@1': average('known-item', (ids, relevant) => precisionAt(ids, relevant, 1)),
    },
    offTopicDeclined: mean(of('off-topic').map(({ ranking }) => (ranking.ids.length === 0 ? 1 : 0))),
    ...(judged.some(({ ranking }) => ranking.answered !== undefined)
      ? { unanswered: mean(judged.map(({ ranking }) => (ranking.answered === false ? 1 : 0))) }
      : {}),
  };
}

function dumpLine(
  engine: RankingEngine,
  question: RelevanceQuestion,
  ranking: Ranking,
  headlines: Map<string, string>,
): string {
  return JSON.stringify({
    set: question.set,
    question: question.question,
    about: question.about,
    engine: engine.name,
    ...(ranking.answered === undefined
      ? {}
      : { answered: ranking.answered, shown: ranking.shown, quote: ranking.quote }),
    ranked: ranking.ids,
    relevant: ranking.ids.map((id) => question.relevant.has(id)),
    headlines: ranking.ids.map((id) => headlines.get(id)),
    relevantTotal: question.relevant.size,
  });
}

/** CPU time this process has used, user and system, in ms. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function log(message: string): void {
  process.stderr.write(`relevance: ${message}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
