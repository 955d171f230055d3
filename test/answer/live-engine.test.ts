import { mkdtemp, readdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadEngine } from '../../src/answer/engine';
import { LiveEngine } from '../../src/answer/live-engine';
import type { AnswerEngine } from '../../src/answer/types';
import { PassageIndex } from '../../src/search/passage-index';
import { eventually } from '../corpus/eventually';
import { recordingLogger } from '../logging/recording-logger';

const LIGHTHOUSE =
  'Lighthouse keepers strike in Norway\n\nThe lighthouse keepers of northern Norway went on strike on Monday over pay. The union said the strike would last a week.\n';
const GLACIER =
  'Glacier melt speeds up in Iceland\n\nScientists reported that the Vatnajokull glacier lost 12 billion tonnes of ice this winter, more than in any year on record. The melt was blamed on warm winds.\n';

/** A promise whose resolution the test controls. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('LiveEngine', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'coop-live-'));
    await writeFile(path.join(dir, 'lighthouse.txt'), LIGHTHOUSE);
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers from the old index during a rebuild, then from the new one', async () => {
    const rebuilt = deferred<AnswerEngine>();
    const live = new LiveEngine(await loadEngine(dir), { rebuild: () => rebuilt.promise });
    await writeFile(path.join(dir, 'glacier.txt'), GLACIER);

    const reloading = live.reload();
    // The rebuild is held open: the swap has not happened, and questions still get whole answers.
    expect(live.answer('Why did the lighthouse keepers strike?').answered).toBe(true);
    expect(live.answer('How much ice did the glacier lose?').answered).toBe(false);

    rebuilt.resolve(await loadEngine(dir));
    await expect(reloading).resolves.toBe(true);
    const glacier = live.answer('How much ice did the glacier lose?');
    expect(glacier.answered).toBe(true);
    expect(glacier.passages[0]?.citations[0]?.file).toBe('glacier.txt');
    expect(live.documents().map((doc) => doc.file)).toEqual(['glacier.txt', 'lighthouse.txt']);
  });

  it('keeps the old index when a rebuild fails', async () => {
    const logger = recordingLogger();
    const live = new LiveEngine(await loadEngine(dir), {
      rebuild: () => Promise.reject(new Error('CORPUS_DIR vanished')),
      logger,
    });
    await expect(live.reload()).resolves.toBe(false);
    expect(live.answer('Why did the lighthouse keepers strike?').answered).toBe(true);
    expect(logger.lines.join('\n')).toMatch(
      /reload failed; still answering from the previous index \(1 documents\)/,
    );
  });

  it('gathers changes made during a rebuild into one more rebuild', async () => {
    const holds = [deferred<AnswerEngine>(), deferred<AnswerEngine>()];
    let calls = 0;
    const initial = await loadEngine(dir);
    const live = new LiveEngine(initial, {
      rebuild: () => (holds[calls++] as { promise: Promise<AnswerEngine> }).promise,
    });
    const first = live.reload();
    const second = live.reload();
    const third = live.reload();
    holds[0]?.resolve(initial);
    await Promise.resolve();
    holds[1]?.resolve(initial);
    await Promise.all([first, second, third]);
    expect(calls).toBe(2);
  });

  it('answers from the last snapshot at once, then from a corpus that changed while it was down', async () => {
    const snapshotDir = path.join(dir, '.data');
    (await LiveEngine.open(dir, { snapshotDir, watch: false })).close();
    await writeFile(path.join(dir, 'glacier.txt'), GLACIER);
    const logger = recordingLogger();

    const live = await LiveEngine.open(dir, { snapshotDir, watch: false, fromLastSnapshot: true, logger });
    expect(live.answer('Why did the lighthouse keepers strike?').answered).toBe(true);
    expect(live.answer('How much ice did the glacier lose?').answered).toBe(false);
    await live.untilChecked();

    expect(live.answer('How much ice did the glacier lose?').answered).toBe(true);
    expect(logger.text()).toMatch(
      /changed since the last snapshot was saved; answering from the snapshot while it is rebuilt/,
    );
    // The rebuild saved a snapshot of the corpus as it is: the next start finds nothing to rebuild.
    const logger2 = recordingLogger();
    const next = await LiveEngine.open(dir, {
      snapshotDir,
      watch: false,
      fromLastSnapshot: true,
      logger: logger2,
    });
    await next.untilChecked();
    expect(next.answer('How much ice did the glacier lose?').answered).toBe(true);
    expect(logger2.text()).toMatch(/loaded from the last snapshot/);
    expect(logger2.text()).not.toMatch(/changed since|reloaded/);
  });

  it('loads the corpus as usual when there is no last snapshot to start from, answering while it saves one', async () => {
    const logger = recordingLogger();
    const snapshotDir = path.join(dir, '.data');
    const live = await LiveEngine.open(dir, { snapshotDir, watch: false, fromLastSnapshot: true, logger });
    expect(live.answer('Why did the lighthouse keepers strike?').answered).toBe(true);
    expect(logger.text()).not.toMatch(/snapshot saved/);
    await live.untilSaved();
    expect(logger.text()).toMatch(/passages built; snapshot saved/);
    // The next start answers from it.
    const logger2 = recordingLogger();
    const next = await LiveEngine.open(dir, {
      snapshotDir,
      watch: false,
      fromLastSnapshot: true,
      logger: logger2,
    });
    expect(next.answer('Why did the lighthouse keepers strike?').answered).toBe(true);
    expect(logger2.text()).toMatch(/loaded from the last snapshot/);
  });

  it("writes a first start's snapshot only once told to (a bot: once listening), answering meanwhile", async () => {
    const logger = recordingLogger();
    const snapshotDir = path.join(dir, '.data');
    const listening = deferred<void>();
    const live = await LiveEngine.open(dir, {
      snapshotDir,
      watch: false,
      fromLastSnapshot: true,
      saveSnapshotWhen: listening.promise,
      logger,
    });
    let saved = false;
    void live.untilSaved().then(() => {
      saved = true;
    });
    expect(live.answer('Why did the lighthouse keepers strike?').answered).toBe(true);
    // Ungated, this corpus's snapshot is written in a few milliseconds.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(saved).toBe(false);
    expect(logger.text()).not.toMatch(/snapshot saved/);
    expect(await readdir(snapshotDir).catch(() => [])).toEqual([]);

    listening.resolve();
    await live.untilSaved();
    expect(logger.text()).toMatch(/passages built; snapshot saved/);
    expect(await readdir(snapshotDir)).toHaveLength(1);
  });

  it('rebuilds on a thread of its own when it keeps snapshots, passing on what the thread logs', async () => {
    const logger = recordingLogger();
    const snapshotDir = path.join(dir, '.data');
    const live = await LiveEngine.open(dir, { snapshotDir, watch: false, logger });
    const build = jest.spyOn(PassageIndex, 'build');
    try {
      await writeFile(path.join(dir, 'glacier.txt'), GLACIER);
      await writeFile(path.join(dir, 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 7]));
      await expect(live.reload()).resolves.toBe(true);
      // The main thread built nothing: it loaded what the thread built and saved.
      expect(build).not.toHaveBeenCalled();
      expect(live.answer('How much ice did the glacier lose?').answered).toBe(true);
      expect(logger.text()).toMatch(/broken\.txt: skipped: binary/);
      expect(logger.text()).toMatch(
        /passages built; snapshot saved[\s\S]*loaded from the snapshot just built/,
      );
    } finally {
      build.mockRestore();
      live.close();
    }
  });

  it('keeps answering from the old index when the rebuild thread fails', async () => {
    const logger = recordingLogger();
    const snapshotDir = await mkdtemp(path.join(os.tmpdir(), 'coop-live-data-'));
    const live = await LiveEngine.open(dir, { snapshotDir, watch: false, logger });
    const moved = `${dir}-moved`;
    try {
      await rename(dir, moved);
      await expect(live.reload()).resolves.toBe(false);
      expect(live.answer('Why did the lighthouse keepers strike?').answered).toBe(true);
      expect(logger.text()).toMatch(/reload failed; still answering from the previous index/);
    } finally {
      live.close();
      await rename(moved, dir);
      await rm(snapshotDir, { recursive: true, force: true });
    }
  });

  it('picks up an added, a changed and a removed file by itself, skipping a broken one', async () => {
    const logger = recordingLogger();
    const live = await LiveEngine.open(dir, { logger, watch: { debounceMs: 50 } });
    try {
      await writeFile(path.join(dir, 'glacier.txt'), GLACIER);
      await writeFile(path.join(dir, 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 7]));
      await eventually(() => live.answer('How much ice did the glacier lose?').answered);
      expect(live.documents().map((doc) => doc.file)).toEqual(['glacier.txt', 'lighthouse.txt']);
      expect(logger.lines.join('\n')).toMatch(/broken\.txt: skipped: binary/);

      await writeFile(path.join(dir, 'lighthouse.txt'), LIGHTHOUSE.replace('over pay', 'over pensions'));
      await eventually(
        () =>
          live
            .answer('What did the lighthouse keepers strike over?')
            .passages[0]?.sentences.join(' ')
            .includes('pensions') ?? false,
      );

      await unlink(path.join(dir, 'glacier.txt'));
      await eventually(() => live.documents().length === 1);
      expect(live.answer('How much ice did the glacier lose?').answered).toBe(false);
    } finally {
      live.close();
    }
  });
});
