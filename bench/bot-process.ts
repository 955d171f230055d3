import { type ChildProcess, spawn } from 'node:child_process';
import { appendFile, readdir, readFile } from 'node:fs/promises';
import { get } from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import { fakeWebApi, mentionRoundTrip, SIGNING_SECRET } from './slack-round-trip';

const ROOT = path.resolve(__dirname, '..');

/**
 * Old-space heap the bot is given for a corpus: {@link HEAP_MB_PER_1000_PASSAGES} MB per 1,000 passages,
 * {@link MIN_HEAP_MB} at least (the rule the README documents for `--max-old-space-size`).
 */
export function heapLimitMB(passages: number): number {
  return Math.max(MIN_HEAP_MB, Math.ceil((HEAP_MB_PER_1000_PASSAGES * passages) / 1000));
}
export const HEAP_MB_PER_1000_PASSAGES = 3;
export const MIN_HEAP_MB = 256;
/**
 * The young generation's semi-space the bot is given (`--max-semi-space-size`, as the README documents):
 * 8 MB. At 100k passages, 4 MB let the passages a question reads outlive the young generation, and the
 * old one, filled with them, was collected every 90 questions or so, each time pausing the answers in
 * flight for 100 to 250 ms; Node's own 16 MB cost about 25 MB more RSS than 8 for no fewer pauses.
 */
export const SEMI_SPACE_MB = 8;

/** What one run of the bot, from spawn to its last answer, cost. */
export interface BotRun {
  /** From spawn to the HTTP receiver answering `/healthz`: the index loaded or built, Slack's app started. */
  listeningMs: number;
  /** Highest resident set size of the bot process over its whole life (Linux `VmHWM`). */
  peakRssMB: number;
  /** Resident set size after the last question (Linux `VmRSS`). */
  rssAfterMB: number;
  /** Signed `app_mention` to `chat.postMessage`, per question. */
  slackP50Ms: number;
  slackP99Ms: number;
  questions: number;
}

/** What answering through a corpus change cost the bot ({@link runBotThroughChange}). */
export interface BotChange {
  /** From the file's change to the bot's log saying it answers from the rebuilt index. */
  answerableAfterMs: number;
  /** Signed events answered meanwhile, one after another, and the slowest of them. */
  questions: number;
  slowestMs: number;
  slackP99Ms: number;
  /** Highest resident set size of the bot over its whole life, the rebuild included (Linux `VmHWM`). */
  peakRssMB: number;
}

/**
 * Runs the bot as `npm start` does (`scripts/start.js`: coop bundled, then run, in HTTP mode) on `corpusDir` with
 * `DATA_DIR` `dataDir`, under `--max-old-space-size` {@link heapLimitMB}: times spawn to listening, then
 * mentions it with each question (signed events to its receiver on loopback; the Web API is a local
 * server), and reads its peak and final RSS from `/proc` before stopping it with SIGTERM. The first run
 * on a `dataDir` builds the index and saves its snapshot; later runs load the snapshot.
 */
export async function runBot(
  corpusDir: string,
  dataDir: string,
  questions: string[],
  passages: number,
): Promise<BotRun> {
  return withListeningBot(corpusDir, dataDir, passages, 'warn', async (bot) => {
    const durations: number[] = [];
    for (const question of questions) durations.push(await bot.ask(question));
    const memory = await processMemory(bot.process.pid ?? 0);
    return {
      listeningMs: bot.listeningMs,
      ...memory,
      slackP50Ms: percentile(durations, 0.5),
      slackP99Ms: percentile(durations, 0.99),
      questions: durations.length,
    };
  });
}

/** Questions asked before the change, so that the bot has answered some before it rebuilds. */
const QUESTIONS_BEFORE_CHANGE = 30;
/** How long the bot may take to answer from a changed corpus before the run is given up. */
const CHANGE_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Starts the bot on `corpusDir` and `dataDir` as {@link runBot} does (from the snapshot a run before
 * left), asks a few of `questions`, then adds a paragraph to one of the corpus's text files and keeps
 * asking, one question after another, until the bot logs that it answers from the rebuilt index: what
 * a user asking while the corpus changes under a large bot sees.
 */
export async function runBotThroughChange(
  corpusDir: string,
  dataDir: string,
  questions: string[],
  passages: number,
): Promise<BotChange> {
  return withListeningBot(corpusDir, dataDir, passages, 'info', async (bot) => {
    const { log, rebuild } = bot;
    let changeWrittenAt: number | undefined;
    // An unanswered question says when it was asked and what the bot logged meanwhile.
    const ask = (question: string) =>
      bot.ask(question).catch((error: Error) => {
        const when =
          changeWrittenAt === undefined
            ? 'before the change'
            : `${Math.round(performance.now() - changeWrittenAt)} ms after the change`;
        throw new Error(`${error.message}, ${when}:\n${log()}`);
      });
    for (const question of questions.slice(0, QUESTIONS_BEFORE_CHANGE)) await ask(question);
    const file = (await readdir(corpusDir, { recursive: true }))
      .filter((name) => name.endsWith('.txt'))
      .sort()[0];
    await appendFile(
      path.join(corpusDir, file),
      '\nThe board said on Friday that the plant would reopen in the spring after repairs.\n',
    );
    const changed = performance.now();
    changeWrittenAt = changed;
    const durations: number[] = [];
    while (rebuild() !== 'swapped') {
      if (rebuild() === 'failed') throw new Error(`the bot's rebuild failed:\n${log()}`);
      if (bot.process.exitCode !== null)
        throw new Error(`the bot exited with ${bot.process.exitCode} while rebuilding:\n${log()}`);
      if (performance.now() - changed > CHANGE_TIMEOUT_MS)
        throw new Error(`no rebuild in ${CHANGE_TIMEOUT_MS} ms:\n${log()}`);
      const question = questions[(QUESTIONS_BEFORE_CHANGE + durations.length) % questions.length];
      durations.push(await ask(question));
    }
    const answerableAfterMs = performance.now() - changed;
    const { peakRssMB } = await processMemory(bot.process.pid ?? 0);
    return {
      answerableAfterMs,
      questions: durations.length,
      slowestMs: Math.max(...durations),
      slackP99Ms: percentile(durations, 0.99),
      peakRssMB,
    };
  });
}

/** The bot spawned by {@link withListeningBot}, listening. */
interface ListeningBot {
  process: ChildProcess;
  /** From spawn to `/healthz` answering. */
  listeningMs: number;
  /** Mentions the bot with `question`; resolves with the milliseconds until its answer is posted. */
  ask(question: string): Promise<number>;
  /** The end of what the bot wrote to stderr. */
  log(): string;
  /** What its log last said of a rebuild. */
  rebuild(): Rebuild;
}

/**
 * Spawns the bot ({@link startBot}) with a local Web API, waits until it listens, runs `use` with it, and
 * stops it with SIGTERM however `use` ends.
 */
async function withListeningBot<T>(
  corpusDir: string,
  dataDir: string,
  passages: number,
  logLevel: 'warn' | 'info',
  use: (bot: ListeningBot) => Promise<T>,
): Promise<T> {
  const api = await fakeWebApi();
  const port = await freePort();
  const started = performance.now();
  const { bot, log, rebuild } = startBot(corpusDir, dataDir, passages, api.port, port, logLevel);
  try {
    await listening(bot, port, log);
    const listeningMs = performance.now() - started;
    return await use({
      process: bot,
      listeningMs,
      ask: (question) => mentionRoundTrip(api, port, question),
      log,
      rebuild,
    });
  } finally {
    await stop(bot);
    api.server.close();
  }
}

/** What the bot's log said of a rebuild: nothing yet, answering from the rebuilt index, or failed. */
type Rebuild = 'none' | 'swapped' | 'failed';

/**
 * Spawns the bot under the documented limits, its Web API at `apiPort`, listening on `port`. `log` is the
 * end of what it wrote to stderr; `rebuild` what its log last said of a rebuild.
 */
function startBot(
  corpusDir: string,
  dataDir: string,
  passages: number,
  apiPort: number,
  port: number,
  logLevel: 'warn' | 'info',
): { bot: ChildProcess; log: () => string; rebuild: () => Rebuild } {
  const bot = spawn(
    process.execPath,
    [
      `--max-old-space-size=${heapLimitMB(passages)}`,
      `--max-semi-space-size=${SEMI_SPACE_MB}`,
      'scripts/start.js',
    ],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        CORPUS_DIR: corpusDir,
        DATA_DIR: dataDir,
        SLACK_BOT_TOKEN: 'xoxb-1111-2222-benchtoken',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: `http://127.0.0.1:${apiPort}/api/`,
        PORT: String(port),
        LOG_LEVEL: logLevel,
        DOTENV_CONFIG_QUIET: 'true',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  let rebuild: Rebuild = 'none';
  bot.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
    if (/corpus: reloaded in \d+ ms/.test(stderr)) rebuild = 'swapped';
    else if (/corpus: reload failed/.test(stderr)) rebuild = 'failed';
  });
  return { bot, log: () => stderr, rebuild: () => rebuild };
}

/** Resolves once the bot's `/healthz` answers; rejects if the bot exits first. */
async function listening(bot: ChildProcess, port: number, log: () => string): Promise<void> {
  while (bot.exitCode === null) {
    if (await healthy(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the bot exited with ${bot.exitCode} before listening:\n${log()}`);
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get({ host: '127.0.0.1', port, path: '/healthz' }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
  });
}

async function processMemory(pid: number): Promise<{ peakRssMB: number; rssAfterMB: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kB = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peakRssMB: (kB('VmHWM') * 1024) / 1e6, rssAfterMB: (kB('VmRSS') * 1024) / 1e6 };
}

async function stop(bot: ChildProcess): Promise<void> {
  if (bot.exitCode !== null || bot.signalCode !== null) return;
  const exited = new Promise((resolve) => bot.once('exit', resolve));
  bot.kill('SIGTERM');
  const timer = setTimeout(() => bot.kill('SIGKILL'), 15000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Nearest-rank percentile. */
export function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}
