import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadCorpus } from '../../src/corpus/load-corpus';
import { THREADED_TEXT_FILES } from '../../src/corpus/read-files';

// Every thread started here stops at once, as one whose module failed to load would.
jest.mock('../../src/corpus/worker-thread', () => ({
  startThread: () => new Worker('process.exit(3)', { eval: true }),
}));

describe('loadCorpus when the text files thread stops', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'coop-read-stopped-'));
    mkdirSync(path.join(dir, 'news'));
    for (let i = 0; i < THREADED_TEXT_FILES + 10; i++) {
      writeFileSync(
        path.join(dir, 'news', `${String(i).padStart(5, '0')}.txt`),
        `Port report ${i}\n\nThe harbour of town ${i} handled ${i * 7} ships this week, officials said on Monday.`,
      );
    }
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads every file on the main thread instead, losing none', async () => {
    const { documents, warnings } = await loadCorpus(dir);
    expect(warnings).toEqual([]);
    expect(documents).toHaveLength(THREADED_TEXT_FILES + 10);
    expect(documents[THREADED_TEXT_FILES + 9]).toMatchObject({
      file: `news/${String(THREADED_TEXT_FILES + 9).padStart(5, '0')}.txt`,
      title: `Port report ${THREADED_TEXT_FILES + 9}`,
    });
  });
});
