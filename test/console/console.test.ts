import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { type CorpusEngine, loadEngine } from '../../src/answer/engine';
import { ConsoleSession, runConsole } from '../../src/console/console';
import { silentLogger } from '../../src/logging/logger';
import type { QuestionLogEvent } from '../../src/question-log/types';

const repoRoot = path.resolve(__dirname, '../..');
let engine: CorpusEngine;

beforeAll(async () => {
  engine = await loadEngine(path.join(repoRoot, 'seeds'));
});

afterEach(() => jest.restoreAllMocks());

function session(extra: { digestText?: () => Promise<string> } = {}) {
  const events: QuestionLogEvent[] = [];
  const questionLog = { record: async (event: QuestionLogEvent) => void events.push(event) };
  return { events, session: new ConsoleSession({ engine, questionLog, logger: silentLogger, ...extra }) };
}

describe('ConsoleSession', () => {
  it('answers with the passage and its citation, and records the question', async () => {
    const { session: console, events } = session();
    const reply = await console.reply('Who is the Indian High Commissioner to the UK?');
    expect(reply).toContain('**Vikram Doraiswami');
    expect(reply).toContain('— 000_7543d9cbc6d5a972.txt');
    expect(events).toEqual([
      expect.objectContaining({
        surface: 'console',
        user: 'console',
        answered: true,
        followUp: false,
        sources: ['000_7543d9cbc6d5a972.txt'],
      }),
    ]);
  });

  it('treats each next line as a follow-up until /new', async () => {
    const answer = jest.spyOn(engine, 'answer');
    const { session: console, events } = session();
    await console.reply('What is the US-India defence industrial cooperation roadmap?');
    const followUp = await console.reply('Which areas will it fast-track?');
    expect(answer).toHaveBeenLastCalledWith('Which areas will it fast-track?', {
      history: ['What is the US-India defence industrial cooperation roadmap?'],
    });
    expect(followUp).toContain('004_9daa931a54f4c2db.txt');
    expect(await console.reply('/new')).toMatch(/New conversation/);
    await console.reply('who launched TSI');
    expect(answer).toHaveBeenLastCalledWith('who launched TSI', {});
    expect(events.map((event) => event.kind === 'question' && event.followUp)).toEqual([false, true, false]);
  });

  it('says plainly when the corpus has no answer, citing nothing', async () => {
    const reply = await session().session.reply('what is the boiling point of mercury on Venus');
    expect(reply).toMatch(/corpus doesn't answer/);
    expect(reply).toContain('/sources');
    expect(reply).not.toMatch(/\.txt/);
  });

  it('lists the sources, shows help, more results and the digest when there is one', async () => {
    const { session: withDigest } = session({ digestText: async () => 'Digest for today' });
    expect(await withDigest.reply('/sources')).toContain('004_9daa931a54f4c2db.txt · Defence Minister');
    expect(await withDigest.reply('/help')).toContain('/new');
    expect(await withDigest.reply('/digest')).toBe('Digest for today');
    expect(await session().session.reply('/digest')).toMatch(/not configured/);
    expect(await withDigest.reply('/more')).toMatch(/Ask a question first/);
    expect(await withDigest.reply('who launched TSI')).toMatch(/more results?: type \/more/);
    expect(await withDigest.reply('/more')).toMatch(/\.txt/);
    expect(await withDigest.reply('/frobnicate')).toMatch(/Unknown command/);
    expect(await withDigest.reply('/quit')).toBeUndefined();
  });
});

describe('runConsole', () => {
  it('answers piped questions one a line and finishes at end of input', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => {
      printed += String(chunk);
    });
    const done = runConsole(
      { engine, questionLog: { record: async () => {} }, logger: silentLogger },
      { input, output, interactive: false },
    );
    input.end('who launched TSI\n\n/sources\n');
    await done;
    expect(printed).toMatch(/^> who launched TSI\n/);
    expect(printed).toMatch(/launching a new ‘Technology Security Initiative’/);
    expect(printed).toContain('5 documents in the corpus');
  });
});

describe('npm start without Slack credentials', () => {
  it('runs the console on piped input and prints a cited answer', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'coop-console-'));
    try {
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      };
      const stdout = await new Promise<string>((resolve, reject) => {
        const child = execFile(
          process.execPath,
          [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'src/index.ts'],
          { cwd: repoRoot, env, timeout: 60_000 },
          (error, out) => (error ? reject(error) : resolve(out)),
        );
        child.stdin?.end('who launched TSI\n');
      });
      expect(stdout).toMatch(/Technology Security Initiative/);
      expect(stdout).toMatch(/— 00[13]_[0-9a-f]+\.txt/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
