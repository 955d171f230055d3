import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadEngine } from '../../src/answer/engine';
import { recordingLogger } from '../logging/recording-logger';

const HARBOUR = 'Harbour reopens\n\nThe harbour at Wick reopened on Monday after storm repairs.\n';

describe('loading the engine from the corpus folder', () => {
  let root: string;
  let corpusDir: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'coop-load-engine-'));
    corpusDir = path.join(root, 'corpus');
    await mkdir(corpusDir);
    await writeFile(path.join(corpusDir, 'harbour.txt'), HARBOUR);
    await writeFile(path.join(corpusDir, 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 7]));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('warns about a broken file through the logger it is given, and answers from the rest', async () => {
    const logger = recordingLogger();
    const engine = await loadEngine(corpusDir, {
      logger,
      reading: { corpusUrl: 'https://files.example.com/' },
    });
    expect(logger.text()).toMatch(/broken\.txt: skipped/);
    const answer = engine.answer('When did the harbour at Wick reopen?');
    expect(answer.passages[0]?.citations[0]).toMatchObject({
      file: 'harbour.txt',
      url: 'https://files.example.com/harbour.txt',
    });
  });

  it('with a data folder, saves the index and answers the same from it on the next start', async () => {
    const snapshotDir = path.join(root, 'data');
    const reading = { corpusUrl: 'https://files.example.com/' };
    const logger = recordingLogger();
    const first = await loadEngine(corpusDir, { snapshotDir, reading, logger });
    expect(logger.text()).toMatch(/broken\.txt: skipped/);
    expect((await readdir(snapshotDir)).length).toBeGreaterThan(0);
    const second = await loadEngine(corpusDir, { snapshotDir, reading });
    const question = 'When did the harbour at Wick reopen?';
    expect(second.answer(question)).toEqual(first.answer(question));
    expect(second.answer(question).passages[0]?.citations[0]?.url).toBe(
      'https://files.example.com/harbour.txt',
    );
  });
});
