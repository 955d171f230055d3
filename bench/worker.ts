import { readFile, stat, writeFile } from 'node:fs/promises';
import MiniSearch from 'minisearch';
import { CorpusEngine } from '../src/answer/engine';
import { warmUpQuestions } from '../src/answer/warm-up';
import { loadCorpus } from '../src/corpus/load-corpus';
import { corpusKey, loadOrBuildIndex, saveIndexSnapshot, snapshotPath } from '../src/search/index-snapshot';
import { PassageIndex } from '../src/search/passage-index';
import { percentile } from './bot-process';
import { withoutStopwords } from './plain-terms';
import { type BenchQuestion, benchQuestions } from './questions';
import { allPassages } from './reuters-corpus';
import { slackRoundTrips } from './slack-round-trip';

/**
 * One measurement in a fresh process (run by `bench/run.ts`), so that heap and RSS figures hold only
 * what that pipeline keeps. Prints its figures as one JSON line.
 *
 * - `coop-cold`: read, split and index the corpus; memory; save the snapshot; write the passages and
 *   the questions for the other jobs.
 * - `coop-warm`: start from the snapshot; the engine's warm-up; memory; `answer()` latency; Slack round trips.
 * - `plain-cold` / `plain-warm`: the same passages and questions through plain minisearch, with default
 *   options or with a stopword filter.
 */
export interface WorkerJob {
  kind: 'coop-cold' | 'coop-warm' | 'plain-cold' | 'plain-warm';
  corpusDir: string;
  workDir: string;
  questionCount: number;
  slackQuestions: number;
  stopwords?: boolean;
}

/** Questions asked before timing, so lazily built tables and the JIT are warm. */
const WARM_UP = 10;
const PLAIN_RESULTS = 3;

type Figures = Record<string, unknown>;

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2]) as WorkerJob;
  const figures = await run(job);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

async function run(job: WorkerJob): Promise<Figures> {
  switch (job.kind) {
    case 'coop-cold':
      return coopCold(job);
    case 'coop-warm':
      return coopWarm(job);
    case 'plain-cold':
      return plainCold(job);
    case 'plain-warm':
      return plainWarm(job);
  }
}

async function coopCold(job: WorkerJob): Promise<Figures> {
  const started = performance.now();
  const key = await corpusKey(job.corpusDir);
  const keyed = performance.now();
  const { documents } = await loadCorpus(job.corpusDir);
  const loaded = performance.now();
  const index = PassageIndex.build(documents);
  const indexed = performance.now();
  const engine = new CorpusEngine(index);
  const passages = allPassages(documents);
  const questions = benchQuestions(passages, job.questionCount);
  engine.answer(questions[0].question);
  const ready = performance.now();
  const memory = settledMemory();

  const file = snapshotPath(`${job.workDir}/data`, job.corpusDir, key);
  const saving = performance.now();
  await saveIndexSnapshot(file, index, key);
  const saved = performance.now();
  await writeFile(`${job.workDir}/passages.json`, JSON.stringify(passages));
  await writeFile(`${job.workDir}/questions.json`, JSON.stringify(questions));
  return {
    documents: documents.length,
    passages: index.passageCount,
    keyMs: keyed - started,
    readSplitMs: loaded - keyed,
    indexMs: indexed - loaded,
    coldMs: indexed - started,
    readyMs: ready - started,
    ...memory,
    saveMs: saved - saving,
    snapshotMB: (await stat(file)).size / 1e6,
  };
}

async function coopWarm(job: WorkerJob): Promise<Figures> {
  const questions = await readQuestions(job);
  const started = performance.now();
  const { index, source } = await loadOrBuildIndex(job.corpusDir, { snapshotDir: `${job.workDir}/data` });
  const loaded = performance.now();
  if (source !== 'snapshot') throw new Error('coop-warm expected to load the snapshot');
  const engine = new CorpusEngine(index);
  engine.answer(questions[0].question);
  const ready = performance.now();
  // As the bot warms up once listening, until somebody asks: answers are timed as they come after it.
  for (const { question, history } of warmUpQuestions(index.documents.values())) {
    engine.answer(question, { history });
  }
  const warmedUp = performance.now();
  const memory = settledMemory();

  const asked = askAll(questions, (question) => {
    const answer = engine.answer(question.question, { history: question.history });
    return {
      answered: answer.answered,
      quoted: answer.passages.map((passage) => passage.sentences.join(' ')),
    };
  });
  const slackQuestions = questions
    .filter((question) => question.history.length === 0)
    .slice(0, job.slackQuestions);
  const roundTrips = await slackRoundTrips(
    engine,
    slackQuestions.map((question) => question.question),
  );
  return {
    warmMs: loaded - started,
    readyMs: ready - started,
    warmUpMs: warmedUp - ready,
    ...memory,
    ...asked,
    slackP50Ms: percentile(roundTrips, 0.5),
    slackP99Ms: percentile(roundTrips, 0.99),
    slackEvents: roundTrips.length,
  };
}

interface PlainPassage {
  id: string;
  text: string;
}

function plainMiniSearch(stopwords: boolean): MiniSearch<PlainPassage> {
  if (!stopwords) return new MiniSearch<PlainPassage>({ fields: ['text'] });
  return new MiniSearch<PlainPassage>({ fields: ['text'], processTerm: withoutStopwords });
}

function plainFile(job: WorkerJob): string {
  return `${job.workDir}/plain-${job.stopwords ? 'stopwords' : 'default'}.json`;
}

async function plainCold(job: WorkerJob): Promise<Figures> {
  const passages = await readPlainPassages(job);
  const started = performance.now();
  const search = plainMiniSearch(job.stopwords === true);
  search.addAll(passages);
  const indexed = performance.now();
  const memory = settledMemory();
  const saving = performance.now();
  await writeFile(plainFile(job), JSON.stringify(search));
  const saved = performance.now();
  return {
    // Read after measuring, so the passages count in the heap as they do in coop's: an app quotes them.
    passages: passages.length,
    indexMs: indexed - started,
    ...memory,
    saveMs: saved - saving,
    snapshotMB: (await stat(plainFile(job))).size / 1e6,
  };
}

async function plainWarm(job: WorkerJob): Promise<Figures> {
  const questions = await readQuestions(job);
  const started = performance.now();
  const passages = await readPlainPassages(job);
  const json = await readFile(plainFile(job), 'utf8');
  const search = job.stopwords
    ? MiniSearch.loadJSON<PlainPassage>(json, { fields: ['text'], processTerm: withoutStopwords })
    : MiniSearch.loadJSON<PlainPassage>(json, { fields: ['text'] });
  const loaded = performance.now();
  const texts = new Map(passages.map((passage) => [passage.id, passage.text]));
  search.search(questions[0].question);
  const ready = performance.now();
  const memory = settledMemory();

  const asked = askAll(questions, (question) => {
    const top = search.search(question.question).slice(0, PLAIN_RESULTS);
    return { answered: top.length > 0, quoted: top.map((result) => texts.get(String(result.id)) ?? '') };
  });
  return { warmMs: loaded - started, readyMs: ready - started, ...memory, ...asked };
}

/**
 * Asks every question after a warm-up, timing each: latency percentiles, the share answered, and the
 * share whose reply quotes the passage the question was made from.
 */
function askAll(
  questions: BenchQuestion[],
  ask: (question: BenchQuestion) => { answered: boolean; quoted: string[] },
): Figures {
  for (const question of questions.slice(0, WARM_UP)) ask(question);
  let answered = 0;
  let quoted = 0;
  const latencies = questions.map((question) => {
    const started = performance.now();
    const reply = ask(question);
    const took = performance.now() - started;
    if (reply.answered) answered++;
    if (reply.quoted.includes(question.source)) quoted++;
    return took;
  });
  return {
    ...percentiles(latencies),
    answered: answered / questions.length,
    sourceQuoted: quoted / questions.length,
  };
}

async function readPlainPassages(job: WorkerJob): Promise<PlainPassage[]> {
  const passages = JSON.parse(await readFile(`${job.workDir}/passages.json`, 'utf8')) as PlainPassage[];
  return passages.map(({ id, text }) => ({ id, text }));
}

async function readQuestions(job: WorkerJob): Promise<BenchQuestion[]> {
  return JSON.parse(await readFile(`${job.workDir}/questions.json`, 'utf8')) as BenchQuestion[];
}

/** Heap and RSS in MB after a full collection (the worker runs with `--expose-gc`). */
function settledMemory(): { heapMB: number; rssMB: number } {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapMB: heapUsed / 1e6, rssMB: rss / 1e6 };
}

function percentiles(latencies: number[]): { p50Ms: number; p99Ms: number; meanMs: number } {
  return {
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    meanMs: latencies.reduce((sum, value) => sum + value, 0) / latencies.length,
  };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
