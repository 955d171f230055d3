import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config';
import { silentLogger } from '../../src/logging/logger';
import { QUESTION_LOG_FILE } from '../../src/question-log/question-log';
import type { QuestionEvent } from '../../src/question-log/types';
import { INBOX_FILE } from '../../src/store/file-inbox';
import { openStore } from '../../src/store/open-store';
import { openPostgresStore } from '../../src/store/postgres-store';
import { recordingLogger } from '../logging/recording-logger';
import { PostgresServer } from '../support/postgres';

let server: PostgresServer;
let dataDir: string;

beforeAll(async () => {
  server = await PostgresServer.start();
}, 60_000);

afterAll(async () => {
  await server?.close();
});

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'coop-open-store-'));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const question = (questionId: string, text: string): QuestionEvent => ({
  kind: 'question',
  questionId,
  at: new Date().toISOString(),
  surface: 'console',
  user: 'U0ASKER',
  question: text,
  followUp: false,
  answered: true,
  sources: ['001.txt'],
});

describe('openStore', () => {
  it('keeps state in PostgreSQL when DATABASE_URL is set, shared with every replica, and nothing in DATA_DIR', async () => {
    const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: server.url });
    const store = await openStore(config, silentLogger);
    const replica = await openPostgresStore({ connectionString: server.url, logger: silentLogger });
    try {
      expect(store.digestLock).toBeDefined();
      expect(await store.inbox.receive({ key: 'event:shared', body: {}, receivedAt: Date.now() })).toBe(true);
      expect(await replica.receive({ key: 'event:shared', body: {}, receivedAt: Date.now() })).toBe(false);
      await store.questionLog.record(question('q-shared', 'who launched TSI'));
      expect((await replica.questionLog.readSince(new Date(0))).map((event) => event.questionId)).toEqual([
        'q-shared',
      ]);
    } finally {
      await replica.close();
      await store.close();
    }
    expect(existsSync(path.join(dataDir, INBOX_FILE))).toBe(false);
  });

  it('keeps state in DATA_DIR files without DATABASE_URL, reporting through the given logger', async () => {
    const config = loadConfig({ DATA_DIR: dataDir, QUESTION_LOG_MAX_BYTES: '1024' });
    const logger = recordingLogger();
    const store = await openStore(config, logger);
    expect(store.digestLock).toBeUndefined();
    expect(await store.problem()).toBeUndefined();
    expect(await store.inbox.receive({ key: 'event:local', body: {}, receivedAt: Date.now() })).toBe(true);
    expect(existsSync(path.join(dataDir, INBOX_FILE))).toBe(true);

    // Past QUESTION_LOG_MAX_BYTES the log is rotated, and still read whole.
    const long = 'what does the launch checklist say about '.repeat(8);
    for (let i = 0; i < 6; i++) await store.questionLog.record(question(`q-${i}`, long));
    expect(existsSync(path.join(dataDir, QUESTION_LOG_FILE))).toBe(true);
    expect(existsSync(path.join(dataDir, 'questions.1.jsonl'))).toBe(true);
    expect(await store.questionLog.readSince(new Date(0))).toHaveLength(6);

    await store.close();
    await expect(
      store.inbox.receive({ key: 'event:after', body: {}, receivedAt: Date.now() }),
    ).rejects.toThrow(/is closed/);
    expect(logger.lines.some((line) => line.startsWith('inbox: cannot write'))).toBe(true);
  });
});
