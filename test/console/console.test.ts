import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { type CorpusEngine, loadEngine } from '../../src/answer/engine';
import { ConsoleSession, runConsole } from '../../src/console/console';
import { silentLogger } from '../../src/logging/logger';
import type { QuestionLogEvent } from '../../src/question-log/types';
import { buildDocx, buildPdf } from '../fixtures/documents';
import { recordingLogger } from '../logging/recording-logger';

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

/** Runs the console on `text` as its whole input and resolves with what it printed. */
async function consoleOutput(text: string, interactive = false, logger = silentLogger): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => {
    printed += String(chunk);
  });
  const done = runConsole(
    { engine, questionLog: { record: async () => {} }, logger },
    { input, output, interactive },
  );
  input.end(text);
  await done;
  return printed;
}

describe('runConsole', () => {
  it('answers piped questions one a line and finishes at end of input', async () => {
    const printed = await consoleOutput('who launched TSI\n\n/sources\n');
    expect(printed).toMatch(/^> who launched TSI\n/);
    expect(printed).toMatch(/launching a new ‘Technology Security Initiative’/);
    expect(printed).toContain('5 documents in the corpus');
  });
});

describe('runConsole in detail', () => {
  it('echoes piped questions trimmed, not commands or blank lines, and stops at /quit', async () => {
    const printed = await consoleOutput('  who launched TSI  \n\n   \n/help\n/quit\nwhere is Thessaly\n');
    const lines = printed.split('\n');
    expect(lines[0]).toBe('> who launched TSI');
    expect(printed).not.toContain('> /help');
    expect(printed).not.toContain('> \n');
    expect(printed).toContain('  /sources  the documents I know');
    expect(printed).not.toContain('Thessaly');
    // No prompt and no banner when reading a pipe.
    expect(printed).not.toContain('coop>');
    // Replies are separated by one blank line, and blank input adds none.
    expect(printed).not.toMatch(/\n\n\n/);
  });

  it('greets and prompts at a terminal, without echoing the question', async () => {
    const printed = await consoleOutput('who launched TSI\n', true);
    expect(printed.startsWith('coop: ask about the documents in the corpus. Type /help for commands.')).toBe(
      true,
    );
    expect(printed).toContain('coop> ');
    expect(printed).not.toContain('> who launched TSI\n');
    expect(printed).toMatch(/Technology Security Initiative/);
  });

  it('apologises and logs when answering fails, and goes on to the next question', async () => {
    const logger = recordingLogger();
    jest.spyOn(engine, 'answer').mockImplementationOnce(() => {
      throw new Error('index closed');
    });
    const printed = await consoleOutput('who launched TSI\n/sources\n', false, logger);
    expect(printed).toContain('Sorry, something went wrong while answering; it has been logged.');
    expect(logger.text()).toContain('Answering failed index closed');
    expect(printed).toContain('5 documents in the corpus');
  });

  it('pages through further results with /more until there are none', async () => {
    const { session: console } = session();
    const first = await console.reply('who launched TSI');
    const total = Number(/\((\d+) more results?: type \/more\)/.exec(first ?? '')?.[1]);
    expect(total).toBeGreaterThan(0);
    let pages = 0;
    for (let reply = (await console.reply('/more')) ?? ''; !reply.startsWith('No more results'); ) {
      pages++;
      // Each page quotes passages with their citations, and counts down what is left.
      expect(reply).toMatch(/^\s*— \S+\.txt/m);
      const left = /\((\d+) more results?: type \/more\)/.exec(reply)?.[1];
      if (left !== undefined) expect(Number(left)).toBeLessThan(total);
      expect(pages).toBeLessThan(20);
      reply = (await console.reply('/more')) ?? '';
    }
    expect(pages).toBeGreaterThan(0);
    expect(await console.reply('/more')).toBe('No more results for this question.');
  });
});

/** What `npm start` prints for `questions` piped to it, on `corpusDir` (the seeds when undefined). */
function npmStart(questions: string, corpusDir?: string): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'coop-console-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...(corpusDir ? { CORPUS_DIR: corpusDir } : {}),
  };
  return new Promise<string>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['scripts/start.js'],
      { cwd: repoRoot, env, timeout: 60_000 },
      (error, out) => (error ? reject(error) : resolve(out)),
    );
    child.stdin?.end(questions);
  }).finally(() => rmSync(dataDir, { recursive: true, force: true }));
}

describe('npm start without Slack credentials', () => {
  it('runs the console on piped input and prints a cited answer', async () => {
    const stdout = await npmStart('who launched TSI\n');
    expect(stdout).toMatch(/Technology Security Initiative/);
    expect(stdout).toMatch(/— 00[13]_[0-9a-f]+\.txt/);
  }, 60_000);

  it('reads PDF, Word, HTML and Markdown documents from its bundle', async () => {
    const corpusDir = mkdtempSync(path.join(tmpdir(), 'coop-formats-'));
    try {
      writeFileSync(
        path.join(corpusDir, 'report.pdf'),
        await buildPdf({
          title: 'Harbour report',
          pages: [['The harbour of Dover reopened on Monday after storms closed it for three days.']],
        }),
      );
      writeFileSync(
        path.join(corpusDir, 'memo.docx'),
        await buildDocx({
          title: 'Ferry memo',
          blocks: [{ paragraph: 'The ferry to Calais resumed sailing on Tuesday morning after the strike.' }],
        }),
      );
      writeFileSync(
        path.join(corpusDir, 'page.html'),
        '<html><head><title>Lighthouse news</title></head><body><article><h1>Lighthouse news</h1><p>The lighthouse keepers of Norway went on strike over pay on Wednesday, the union said.</p><p>The union said the strike would last a week.</p></article></body></html>',
      );
      writeFileSync(
        path.join(corpusDir, 'notes.md'),
        '# Glacier notes\n\nThe Vatnajokull glacier lost twelve billion tonnes of ice this winter.\n',
      );
      const stdout = await npmStart(
        'when did the harbour of Dover reopen\nwhen did the ferry to Calais resume\nwhy did the lighthouse keepers strike\nhow much ice did the glacier lose\n',
        corpusDir,
      );
      expect(stdout).toMatch(
        /\*\*The harbour of Dover reopened on Monday[^\n]*\n(.*\n)?.*— report\.pdf · p\. 1/,
      );
      expect(stdout).toMatch(/\*\*The ferry to Calais resumed sailing[^\n]*\n.*— memo\.docx/);
      expect(stdout).toMatch(/\*\*The lighthouse keepers of Norway went on strike[^\n]*\n.*— page\.html/);
      expect(stdout).toMatch(/\*\*The Vatnajokull glacier lost twelve billion tonnes[^\n]*\n.*— notes\.md/);
    } finally {
      rmSync(corpusDir, { recursive: true, force: true });
    }
  }, 60_000);
});
