import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LiveEngine } from '../../src/answer/live-engine';
import type { Answer, AnswerEngine, DocumentSummary } from '../../src/answer/types';
import { eventually } from '../corpus/eventually';
import { recordingLogger } from '../logging/recording-logger';

/** An engine that answers with its own name and lists the given files with their content hashes. */
function fakeEngine(name: string, files: Record<string, string>): AnswerEngine {
  const documents: DocumentSummary[] = Object.entries(files).map(([file, contentHash]) => ({
    file,
    title: file,
    leadSentence: '',
    size: 1,
    mtimeMs: 0,
    contentHash,
    passageCount: 1,
  }));
  const answer = (question: string): Answer => ({
    question,
    searchedTerms: [name],
    answered: true,
    passages: [],
    morePassages: [],
  });
  return { answer, documents: () => documents };
}

const answeredBy = (engine: AnswerEngine) => engine.answer('anything').searchedTerms[0];

describe('a reload', () => {
  it('logs how many documents are new, changed and removed', async () => {
    const logger = recordingLogger();
    const before = fakeEngine('before', { 'a.txt': '1', 'b.txt': '1', 'c.txt': '1' });
    const after = fakeEngine('after', { 'a.txt': '1', 'b.txt': '2', 'd.txt': '1', 'e.txt': '1' });
    const live = new LiveEngine(before, { rebuild: async () => after, logger });
    await expect(live.reload()).resolves.toBe(true);
    expect(answeredBy(live)).toBe('after');
    expect(live.documents()).toBe(after.documents());
    expect(logger.text()).toMatch(/reloaded in \d+ ms: 4 documents \(2 new, 1 changed, 1 removed\)/);
  });

  it('has swapped when an earlier rebuild swapped, though the one gathering later changes failed', async () => {
    const logger = recordingLogger();
    const next = fakeEngine('next', {});
    let calls = 0;
    let live: LiveEngine | undefined;
    let first: Promise<boolean> | undefined;
    const rebuild = async () => {
      calls++;
      if (calls === 1) {
        // A change arrives while the first rebuild runs, and is gathered into a second one.
        await Promise.resolve();
        expect(live?.reload()).toBe(first);
        return next;
      }
      throw new Error('disk gone');
    };
    live = new LiveEngine(fakeEngine('first', {}), { rebuild, logger });
    first = live.reload();
    await expect(first).resolves.toBe(true);
    expect(calls).toBe(2);
    expect(answeredBy(live)).toBe('next');
    expect(logger.text()).toMatch(/reload failed; still answering from the previous index/);
  });

  it('starts a new rebuild once the previous one has finished', async () => {
    let calls = 0;
    const live = new LiveEngine(fakeEngine('first', {}), {
      rebuild: async () => fakeEngine(`rebuild ${++calls}`, {}),
    });
    await live.reload();
    await live.reload();
    expect(calls).toBe(2);
    expect(answeredBy(live)).toBe('rebuild 2');
  });
});

describe('watching the corpus folder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'coop-live-watch-'));
    await writeFile(path.join(dir, 'a.txt'), 'Harbour\n\nThe harbour reopened on Monday after repairs.\n');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('names the changed files in the log as it rebuilds', async () => {
    const logger = recordingLogger();
    const live = await LiveEngine.open(dir, { logger, watch: { debounceMs: 50 } });
    try {
      await writeFile(path.join(dir, 'b.txt'), 'Bridge\n\nThe bridge closed on Friday for painting.\n');
      await eventually(() => live.documents().length === 2);
      expect(logger.text()).toContain(`change(s) in ${dir} (b.txt); rebuilding`);
    } finally {
      live.close();
    }
  });

  it('is left off when asked, and stops on close', async () => {
    const unwatched = await LiveEngine.open(dir, { watch: false });
    const watched = await LiveEngine.open(dir, { watch: { debounceMs: 50 } });
    watched.close();
    await writeFile(path.join(dir, 'b.txt'), 'Bridge\n\nThe bridge closed on Friday for painting.\n');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(unwatched.documents()).toHaveLength(1);
    expect(watched.documents()).toHaveLength(1);
    // A reload asked for still reads the folder.
    await unwatched.reload();
    expect(unwatched.documents()).toHaveLength(2);
  });
});
