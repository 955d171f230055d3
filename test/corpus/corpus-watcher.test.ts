import { type WatchListener, type WatchOptions, watch } from 'node:fs';
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Intervals, isCorpusPath, watchCorpus } from '../../src/corpus/corpus-watcher';
import { recordingLogger } from '../logging/recording-logger';
import { eventually } from './eventually';

describe('watchCorpus', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'coop-watch-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports an added, a changed and a removed document once the changes settle', async () => {
    await writeFile(path.join(dir, 'kept.txt'), 'first version');
    const calls: string[][] = [];
    const watcher = watchCorpus(dir, (changed) => calls.push(changed), { debounceMs: 80 });
    try {
      await writeFile(path.join(dir, 'added.md'), 'a new document');
      await writeFile(path.join(dir, 'kept.txt'), 'second version');
      await eventually(() => calls.length === 1);
      // Two changes in quick succession make one call.
      expect(calls[0]).toEqual(expect.arrayContaining(['added.md', 'kept.txt']));

      await unlink(path.join(dir, 'added.md'));
      await eventually(() => calls.length === 2);
      expect(calls[1]).toEqual(['added.md']);
    } finally {
      watcher.close();
    }
  });

  it('sees documents in new subfolders', async () => {
    const calls: string[][] = [];
    const watcher = watchCorpus(dir, (changed) => calls.push(changed), { debounceMs: 50 });
    try {
      await mkdir(path.join(dir, 'reports'));
      await eventually(() => calls.length === 1);
      await writeFile(path.join(dir, 'reports', 'q1.txt'), 'quarterly report');
      await eventually(() => calls.flat().includes('reports/q1.txt'));
    } finally {
      watcher.close();
    }
  });

  it('picks up a change in a nested folder, watching folders and never files one by one', async () => {
    await mkdir(path.join(dir, 'archive', '2024', 'q3'), { recursive: true });
    await writeFile(path.join(dir, 'archive', '2024', 'q3', 'deep.txt'), 'first version');
    await writeFile(path.join(dir, 'archive', 'top.txt'), 'a document');
    const watched: string[] = [];
    const counting = ((target: string, options: WatchOptions, listener: WatchListener<string>) => {
      watched.push(path.relative(dir, target));
      return watch(target, options, listener);
    }) as typeof watch;
    const calls: string[][] = [];
    const watcher = watchCorpus(dir, (changed) => calls.push(changed), { debounceMs: 50, watch: counting });
    try {
      // The four folders, each once; neither document has a watch of its own.
      expect(watched.sort()).toEqual(['', 'archive', 'archive/2024', 'archive/2024/q3']);

      await writeFile(path.join(dir, 'archive', '2024', 'q3', 'deep.txt'), 'second version');
      await eventually(() => calls.flat().includes('archive/2024/q3/deep.txt'));

      // A nested folder made after the watch began is watched too, down to its documents.
      await mkdir(path.join(dir, 'archive', '2025', 'q1'), { recursive: true });
      await eventually(() => watched.includes('archive/2025/q1'));
      await writeFile(path.join(dir, 'archive', '2025', 'q1', 'new.md'), 'a new document');
      await eventually(() => calls.flat().includes('archive/2025/q1/new.md'));

      // A removed folder is reported, and a folder of the same name made again is watched anew.
      await rm(path.join(dir, 'archive', '2024'), { recursive: true });
      await eventually(() => calls.flat().includes('archive/2024'));
      await mkdir(path.join(dir, 'archive', '2024'));
      await eventually(() => watched.filter((folder) => folder === 'archive/2024').length === 2);
      await writeFile(path.join(dir, 'archive', '2024', 'again.txt'), 'back');
      await eventually(() => calls.flat().includes('archive/2024/again.txt'));
    } finally {
      watcher.close();
    }
  });

  it('ignores hidden and editor files, and calls nothing after close', async () => {
    const calls: string[][] = [];
    const watcher = watchCorpus(dir, (changed) => calls.push(changed), { debounceMs: 30 });
    await writeFile(path.join(dir, '.draft.txt.swp'), 'x');
    await writeFile(path.join(dir, 'notes.txt~'), 'x');
    await writeFile(path.join(dir, 'image.png'), 'x');
    // File events arrive in order: once a document written after those files is reported, their
    // events have come and gone.
    await writeFile(path.join(dir, 'seen.txt'), 'x');
    await eventually(() => calls.length > 0);
    expect(new Set(calls.flat())).toEqual(new Set(['seen.txt']));

    // A second watcher of the same folder, with the same quiet time, is the witness: the events of a
    // document written after the close reach both, so once the witness reports it, the closed watcher
    // would have called too.
    const witnessed: string[][] = [];
    const witness = watchCorpus(dir, (changed) => witnessed.push(changed), { debounceMs: 30 });
    const callsBeforeClose = calls.length;
    watcher.close();
    try {
      await writeFile(path.join(dir, 'late.txt'), 'x');
      await eventually(() => witnessed.flat().includes('late.txt'));
      expect(calls).toHaveLength(callsBeforeClose);
    } finally {
      witness.close();
    }
  });

  it('finds a change whose file event was lost at the next periodic re-scan, and says so', async () => {
    await writeFile(path.join(dir, 'kept.txt'), 'first version');
    const logger = recordingLogger();
    const calls: string[][] = [];
    // A real watch whose events never reach the watcher: every change is a missed event.
    const deaf = ((target: string, options: WatchOptions) => watch(target, options)) as typeof watch;
    const intervals = manualIntervals();
    const watcher = watchCorpus(dir, (changed) => calls.push(changed), {
      debounceMs: 20,
      rescanMs: 60_000,
      watch: deaf,
      logger,
      intervals,
    });
    try {
      // Two re-scans of an unchanged corpus reload nothing.
      await intervals.fire(60_000);
      await intervals.fire(60_000);
      expect(calls).toEqual([]);
      await writeFile(path.join(dir, 'added.txt'), 'a document nobody was told about');
      expect(calls).toEqual([]);
      await intervals.fire(60_000);
      await eventually(() => calls.length === 1);
      expect(logger.text()).toMatch(/periodic re-scan of .* found changes no file event reported; reloading/);
    } finally {
      watcher.close();
    }
    expect(intervals.running()).toBe(0);
  });

  it('logs and carries on when the folder cannot be watched', () => {
    const logger = recordingLogger();
    const watcher = watchCorpus(path.join(dir, 'missing'), () => {}, { logger });
    expect(logger.text()).toMatch(/cannot watch .*missing/);
    watcher.close();
  });

  it('counts documents and folders, not other files', () => {
    expect(isCorpusPath('a.txt')).toBe(true);
    expect(isCorpusPath('sub/B.MD')).toBe(true);
    expect(isCorpusPath('sub')).toBe(true);
    expect(isCorpusPath('.git/index')).toBe(false);
    expect(isCorpusPath('a.txt.tmp')).toBe(false);
  });
});

/** Repeating timers that run only when the test fires them, by interval, waiting for the work each starts. */
function manualIntervals(): Intervals & { fire(ms: number): Promise<void>; running(): number } {
  const timers = new Map<number, { callback: () => unknown; ms: number }>();
  let next = 0;
  return {
    setInterval(callback, ms) {
      next += 1;
      timers.set(next, { callback, ms });
      return next;
    },
    clearInterval(handle) {
      timers.delete(handle as number);
    },
    async fire(ms) {
      const due = [...timers.values()].filter((timer) => timer.ms === ms);
      if (due.length === 0) throw new Error(`no interval of ${ms} ms is running`);
      for (const timer of due) await timer.callback();
    },
    running: () => timers.size,
  };
}
