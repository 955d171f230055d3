import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { QUESTION_LOG_FILE, QuestionLog } from '../../src/question-log/question-log';
import type { FeedbackEvent, QuestionEvent } from '../../src/question-log/types';
import { recordingLogger } from '../logging/recording-logger';

function question(overrides: Partial<QuestionEvent> = {}): QuestionEvent {
  return {
    kind: 'question',
    questionId: 'q1',
    at: '2026-03-02T10:00:00.000Z',
    surface: 'slack',
    user: 'U0123ABC',
    channel: 'C0123ABC',
    question: 'who leads the dialogue?',
    followUp: false,
    answered: true,
    sources: ['000_a.txt'],
    ...overrides,
  };
}

describe('QuestionLog', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'coop-qlog-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps every event across a restart, in order', async () => {
    const first = new QuestionLog({ dir });
    await first.record(question({ questionId: 'q1' }));
    const feedback: FeedbackEvent = {
      kind: 'feedback',
      questionId: 'q1',
      at: '2026-03-02T10:01:00.000Z',
      user: 'U0123ABC',
      rating: 'up',
    };
    await first.record(feedback);

    const restarted = new QuestionLog({ dir });
    await restarted.record(question({ questionId: 'q2', at: '2026-03-02T11:00:00.000Z' }));
    const events = await restarted.readSince(new Date('2026-03-01T00:00:00Z'));
    expect(events.map((event) => event.questionId)).toEqual(['q1', 'q1', 'q2']);
    expect(events[1]).toEqual(feedback);
  });

  it('skips a line torn by a crash and starts the next append on a fresh line', async () => {
    const logger = recordingLogger();
    await writeFile(
      path.join(dir, QUESTION_LOG_FILE),
      `${JSON.stringify(question({ questionId: 'before' }))}\n{"kind":"question","questionId":"torn","at":"2026-03-`,
    );
    const log = new QuestionLog({ dir, logger });
    await log.record(question({ questionId: 'after' }));

    const events = await log.readSince(new Date(0));
    expect(events.map((event) => event.questionId)).toEqual(['before', 'after']);
    expect(logger.lines.some((line) => line.includes('skipped 1 unreadable line'))).toBe(true);
    const lines = (await readFile(path.join(dir, QUESTION_LOG_FILE), 'utf8')).split('\n');
    expect(JSON.parse(lines[2] as string).questionId).toBe('after');
  });

  it('skips lines that are JSON but not events, each counted, and reads the rest', async () => {
    const logger = recordingLogger();
    const feedback = {
      kind: 'feedback',
      questionId: 'q1',
      at: '2026-03-02T10:01:00.000Z',
      user: 'U1',
      rating: 'up',
    };
    const lines = [
      question({ questionId: 'good' }),
      'a string',
      null,
      [1, 2],
      { ...question(), at: undefined },
      { ...question(), at: 'yesterday' },
      { ...question(), question: 42 },
      { ...question(), sources: 'a.txt' },
      { ...question(), kind: 'answer' },
      { ...feedback, rating: 'meh' },
      { ...feedback, kind: 'question' },
      feedback,
      { ...feedback, questionId: 'q2', rating: 'down' },
    ];
    await writeFile(
      path.join(dir, QUESTION_LOG_FILE),
      `${lines.map((line) => JSON.stringify(line)).join('\n')}\n\n   \n`,
    );
    const events = await new QuestionLog({ dir, logger }).readSince(new Date(0));
    expect(events.map((event) => `${event.kind}:${event.questionId}`)).toEqual([
      'question:good',
      'feedback:q1',
      'feedback:q2',
    ]);
    expect(logger.text()).toContain(`skipped 10 unreadable line(s) in ${path.join(dir, QUESTION_LOG_FILE)}`);
  });

  it('logs a log file it cannot read and still reads the others', async () => {
    const logger = recordingLogger();
    const log = new QuestionLog({ dir, logger });
    await log.record(question({ questionId: 'kept' }));
    // A folder where a rotated file should be: it exists, but cannot be read as one.
    await mkdir(path.join(dir, 'questions.1.jsonl'));
    const events = await log.readSince(new Date(0));
    expect(events.map((event) => event.questionId)).toEqual(['kept']);
    expect(logger.text()).toContain(`question log: cannot read ${path.join(dir, 'questions.1.jsonl')}`);
    // A missing file is no trouble: nothing else was logged.
    expect(logger.lines.filter((line) => line.includes('cannot read'))).toHaveLength(1);
  });

  it('rotates past maxBytes, keeps keepFiles rotated files, and reads across them', async () => {
    const log = new QuestionLog({ dir, maxBytes: 600, keepFiles: 2 });
    for (let n = 0; n < 12; n++) {
      await log.record(
        question({ questionId: `q${n}`, at: new Date(Date.UTC(2026, 2, 2, n)).toISOString() }),
      );
    }
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['questions.1.jsonl', 'questions.2.jsonl', 'questions.jsonl']);
    const ids = (await log.readSince(new Date(0))).map((event) => event.questionId);
    expect(ids.length).toBeGreaterThan(3);
    expect(ids).toEqual([...ids].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))));
    expect(ids.at(-1)).toBe('q11');
  });

  it('fills a file up to maxBytes exactly before rotating, and never rotates a file for its first line', async () => {
    const line = (id: string) => `${JSON.stringify(question({ questionId: id }))}\n`;
    const lineBytes = Buffer.byteLength(line('q1'));
    const log = new QuestionLog({ dir, maxBytes: 2 * lineBytes, keepFiles: 3 });
    await log.record(question({ questionId: 'q1' }));
    await log.record(question({ questionId: 'q2' }));
    // Two lines fill the file exactly: still one file.
    expect((await readdir(dir)).sort()).toEqual(['questions.jsonl']);
    await log.record(question({ questionId: 'q3' }));
    expect((await readdir(dir)).sort()).toEqual(['questions.1.jsonl', 'questions.jsonl']);
    expect(await readFile(path.join(dir, 'questions.1.jsonl'), 'utf8')).toBe(line('q1') + line('q2'));
    expect(await readFile(path.join(dir, QUESTION_LOG_FILE), 'utf8')).toBe(line('q3'));

    // A line longer than maxBytes still goes into an empty file, rather than rotating it away.
    const logger = recordingLogger();
    const small = new QuestionLog({ dir: path.join(dir, 'small'), maxBytes: 10, logger });
    await small.record(question({ questionId: 'long' }));
    expect(await readdir(path.join(dir, 'small'))).toEqual(['questions.jsonl']);
    expect(logger.text()).not.toContain('rotated');
  });

  it('counts a question answered again after a crash (same id) once', async () => {
    const log = new QuestionLog({ dir });
    await log.record(question({ questionId: 'q-replayed' }));
    await log.record(question({ questionId: 'q-replayed', at: '2026-03-02T10:00:05.000Z' }));
    await log.record(question({ questionId: 'q-other' }));
    const events = await log.readSince(new Date(0));
    expect(events.map((event) => event.questionId)).toEqual(['q-replayed', 'q-other']);
  });

  it('returns only events at or after `since`', async () => {
    const log = new QuestionLog({ dir });
    await log.record(question({ questionId: 'old', at: '2026-03-01T08:00:00.000Z' }));
    await log.record(question({ questionId: 'new', at: '2026-03-02T08:00:00.000Z' }));
    const events = await log.readSince(new Date('2026-03-02T00:00:00Z'));
    expect(events.map((event) => event.questionId)).toEqual(['new']);
  });

  it('writes user IDs only and no tokens', async () => {
    const log = new QuestionLog({ dir });
    const withName = { ...question(), user: 'Jane Doe', userName: 'Jane Doe' } as QuestionEvent;
    await log.record({ ...withName, question: 'why does xoxb-1234-5678-abcdef fail?' });
    const text = await readFile(path.join(dir, QUESTION_LOG_FILE), 'utf8');
    expect(text).not.toContain('Jane');
    expect(text).not.toContain('xoxb-1234');
    expect(JSON.parse(text).user).toBe('unknown');
  });

  it('logs instead of throwing when the disk refuses the write', async () => {
    const logger = recordingLogger();
    const blocker = path.join(dir, 'not-a-folder');
    await appendFile(blocker, 'x');
    const log = new QuestionLog({ dir: blocker, logger });
    await expect(log.record(question())).resolves.toBeUndefined();
    await expect(log.readSince(new Date(0))).resolves.toEqual([]);
    expect(logger.lines.some((line) => line.includes('cannot append'))).toBe(true);
  });
});
