import { type WatchListener, type WatchOptions, watch } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Intervals, isCorpusPath, systemIntervals, watchCorpus } from '../../src/corpus/corpus-watcher';
import { sleep } from '../../src/slack/delivery/backoff';
import { recordingLogger } from '../logging/recording-logger';
import { eventually } from './eventually';
import { fakeWatch } from './fake-watch';

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
      // A change before the first re-scan is found by it: the watch took the corpus's state when it started.
      await sleep(100);
      await writeFile(path.join(dir, 'added.txt'), 'a document nobody was told about');
      await sleep(100);
      expect(calls).toEqual([]);
      await intervals.fire(60_000);
      await eventually(() => calls.length === 1);
      expect(calls).toEqual([['.']]);
      expect(logger.text()).toMatch(/periodic re-scan of .* found changes no file event reported; reloading/);
      // The change is reloaded once: re-scans of the corpus as it now is reload nothing, however long one
      // waits after them.
      await intervals.fire(60_000);
      await intervals.fire(60_000);
      await sleep(100);
      expect(calls).toHaveLength(1);
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

  it('runs its real repeating timers until they are cleared', async () => {
    let runs = 0;
    const handle = systemIntervals.setInterval(() => {
      runs += 1;
    }, 5);
    await eventually(() => runs >= 2);
    systemIntervals.clearInterval(handle);
    const runsWhenCleared = runs;
    await sleep(50);
    expect(runs).toBe(runsWhenCleared);
  });

  it('counts documents and folders, not other files', () => {
    expect(isCorpusPath('a.txt')).toBe(true);
    expect(isCorpusPath('sub/B.MD')).toBe(true);
    expect(isCorpusPath('sub')).toBe(true);
    expect(isCorpusPath('.git/index')).toBe(false);
    expect(isCorpusPath('a.txt.tmp')).toBe(false);
  });
});

/** The watcher driven by a stand-in fs.watch and fake timers: no waiting, every event chosen by the test. */
describe('watchCorpus, driven by hand', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'coop-watch-hand-'));
    await mkdir(path.join(dir, 'news'));
    // The file system's own callbacks still run; only the watcher's debounce timers are faked.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  });
  afterEach(async () => {
    jest.useRealTimers();
    await rm(dir, { recursive: true, force: true });
  });

  const start = (options: Parameters<typeof watchCorpus>[2] = {}) => {
    const fake = fakeWatch(dir);
    const calls: string[][] = [];
    const logger = recordingLogger();
    const intervals = manualIntervals();
    const watcher = watchCorpus(dir, (changed) => calls.push(changed), {
      watch: fake.watchFn,
      logger,
      intervals,
      ...options,
    });
    return { fake, calls, logger, intervals, watcher };
  };
  /** Polls on the event loop's check phase, which the fake timers leave real. */
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 1000 && !check(); i++) await new Promise((resolve) => setImmediate(resolve));
    expect(check()).toBe(true);
  };

  it('waits half a second of quiet by default, then reports the changes together, sorted', () => {
    const { fake, calls, watcher } = start({ rescanMs: 0 });
    try {
      fake.emit('news', 'change', 'b.txt');
      jest.advanceTimersByTime(300);
      fake.emit('', 'change', 'a.txt');
      jest.advanceTimersByTime(499);
      expect(calls).toEqual([]);
      jest.advanceTimersByTime(1);
      expect(calls).toEqual([['a.txt', 'news/b.txt']]);
    } finally {
      watcher.close();
    }
  });

  it('does not let a stream of changes hold the call back past the longest wait', () => {
    const { fake, calls, watcher } = start({ rescanMs: 0, debounceMs: 100, maxWaitMs: 250 });
    try {
      for (let i = 0; i < 5; i++) {
        if (i > 0) jest.advanceTimersByTime(60);
        fake.emit('', 'change', `${i}.txt`);
      }
      jest.advanceTimersByTime(9);
      // The fifth change came at 240 ms; the call is due at 250 ms, not 100 ms after it.
      expect(calls).toEqual([]);
      jest.advanceTimersByTime(1);
      expect(calls).toEqual([['0.txt', '1.txt', '2.txt', '3.txt', '4.txt']]);
      // The next change starts a new wait of its own.
      fake.emit('', 'change', 'later.txt');
      jest.advanceTimersByTime(99);
      expect(calls).toHaveLength(1);
      jest.advanceTimersByTime(1);
      expect(calls[1]).toEqual(['later.txt']);
    } finally {
      watcher.close();
    }
  });

  it('reports no change for an event in the corpus folder that names no entry', () => {
    const { fake, calls, watcher } = start({ rescanMs: 0 });
    try {
      fake.emit('', 'change', null);
      jest.advanceTimersByTime(1000);
      expect(calls).toEqual([]);
    } finally {
      watcher.close();
    }
  });

  it('says what it watches, with the re-scan interval, and runs no re-scan when it is off', async () => {
    const withRescan = start();
    expect(withRescan.logger.text()).toBe(
      `corpus: watching ${dir} for changes (and re-scanning it every 300 s)`,
    );
    expect(withRescan.intervals.running()).toBe(2);
    // The re-scan every five minutes and the re-check every two seconds.
    await withRescan.intervals.fire(300_000);
    await withRescan.intervals.fire(2000);
    withRescan.watcher.close();
    const without = start({ rescanMs: 0 });
    expect(without.logger.text()).toBe(`corpus: watching ${dir} for changes`);
    expect(without.intervals.running()).toBe(1);
    without.watcher.close();
  });

  it('logs a system limit on watches once, with the fix, and reloads nothing for it', () => {
    const { fake, calls, logger, watcher } = start({ rescanMs: 0 });
    try {
      fake.fail('news', 'ENOSPC');
      fake.fail('news', 'ENOSPC');
      jest.advanceTimersByTime(1000);
      expect(logger.lines.slice(1)).toEqual([
        `corpus: cannot watch all of ${dir} (ENOSPC: the system limit on watched files is reached; raise fs.inotify.max_user_watches); changes there may be missed`,
      ]);
      fake.fail('news', 'EMFILE');
      expect(logger.lines[2]).toMatch(/cannot watch all of .* \(EMFILE\); changes there may be missed$/);
      expect(calls).toEqual([]);
    } finally {
      watcher.close();
    }
  });

  it('names the re-scan as the backstop for a system limit when it runs', () => {
    const { fake, logger, watcher } = start({ rescanMs: 60_000 });
    try {
      fake.fail('news', 'EMFILE');
      expect(logger.lines.at(-1)).toMatch(
        /\(EMFILE\); changes there are picked up by the re-scan every 60 s$/,
      );
    } finally {
      watcher.close();
    }
  });

  it('ignores a watch error of an entry that vanished: its removal is reported as a change of its own', () => {
    const { fake, calls, logger, watcher } = start({ rescanMs: 0 });
    try {
      fake.fail('news', 'ENOENT');
      jest.advanceTimersByTime(1000);
      expect(calls).toEqual([]);
      expect(logger.lines).toHaveLength(1);
    } finally {
      watcher.close();
    }
  });

  it('reloads a folder it could not watch once, and again when it can be read, checking every recheck interval', async () => {
    const { fake, calls, logger, intervals, watcher } = start({ rescanMs: 0, recheckMs: 2000 });
    try {
      fake.fail('news', 'EACCES');
      fake.fail('news', 'EACCES');
      jest.advanceTimersByTime(500);
      expect(calls).toEqual([['news']]);
      expect(logger.lines.slice(1)).toEqual([
        `corpus: cannot watch news: it could not be read (EACCES: permission denied); the rest of ${dir} is still watched, and it is looked at again every 2000 ms`,
      ]);
      // The test runs as a user who can read the folder, so the next look finds it readable.
      await intervals.fire(2000);
      expect(logger.lines.at(-1)).toBe(
        'corpus: news can be read again or is gone; watching it again and reloading',
      );
      jest.advanceTimersByTime(500);
      expect(calls).toEqual([['news'], ['news']]);
      // Nothing is blocked now: the next look does nothing.
      await intervals.fire(2000);
      expect(logger.lines).toHaveLength(3);
    } finally {
      watcher.close();
    }
  });

  it('keeps quiet while its folder is deleted, and reloads once the folder is back', async () => {
    const { fake, calls, logger, intervals, watcher } = start({ rescanMs: 0, recheckMs: 2000 });
    try {
      await rm(dir, { recursive: true });
      fake.emit('', 'rename', 'news');
      await until(() => logger.text().includes('was removed'));
      expect(logger.lines.at(-1)).toBe(
        `corpus: ${dir} was removed; still answering from the documents already loaded, and looking for it again every 2000 ms`,
      );
      jest.advanceTimersByTime(1000);
      expect(calls).toEqual([]);
      // Looking again while it is still gone says nothing more.
      const linesWhileGone = logger.lines.length;
      await intervals.fire(2000);
      expect(logger.lines).toHaveLength(linesWhileGone);

      await mkdir(dir);
      await intervals.fire(2000);
      expect(logger.lines.at(-1)).toBe(`corpus: ${dir} is back; watching it again and reloading`);
      jest.advanceTimersByTime(500);
      expect(calls).toEqual([['.']]);
    } finally {
      watcher.close();
    }
  });

  it('says so when its folder is replaced by a new one, and reloads', async () => {
    const { fake, calls, logger, watcher } = start({ rescanMs: 0 });
    try {
      // Made before the old one goes, so that it cannot reuse its inode, and moved into its place.
      await mkdir(`${dir}-new`);
      await rm(dir, { recursive: true });
      await rename(`${dir}-new`, dir);
      fake.emit('', 'rename', 'news');
      await until(() => logger.text().includes('replaced'));
      expect(logger.lines.at(-1)).toBe(
        `corpus: ${dir} was replaced by a new folder; watching it again and reloading`,
      );
      jest.advanceTimersByTime(500);
      // One reload of the whole folder, with the event that revealed it.
      expect(calls).toEqual([['.', 'news']]);
    } finally {
      watcher.close();
    }
  });

  it('checks its own folder, without a warning or a reload, when a watch fails without naming a path', () => {
    const { fake, calls, logger, watcher } = start({ rescanMs: 0 });
    try {
      fake.fail('', 'EIO');
      jest.advanceTimersByTime(1000);
      expect(logger.lines).toHaveLength(1);
      expect(calls).toEqual([]);
    } finally {
      watcher.close();
    }
  });

  it('keeps a symbolic link loop blocked while it is one, and reloads once it is gone', async () => {
    const { fake, calls, logger, intervals, watcher } = start({ rescanMs: 0, recheckMs: 2000 });
    const loop = path.join(dir, 'news', 'loop');
    await symlink(loop, loop);
    try {
      fake.fail('news', 'ELOOP', loop);
      jest.advanceTimersByTime(500);
      expect(calls).toEqual([['news/loop']]);
      expect(logger.lines.at(-1)).toBe(
        `corpus: cannot watch news/loop: it is a symbolic link loop; the rest of ${dir} is still watched, and it is looked at again every 2000 ms`,
      );
      await intervals.fire(2000);
      jest.advanceTimersByTime(1000);
      expect(calls).toHaveLength(1);
      expect(logger.text()).not.toMatch(/can be read again/);

      await unlink(loop);
      await intervals.fire(2000);
      expect(logger.lines.at(-1)).toBe(
        'corpus: news/loop can be read again or is gone; watching it again and reloading',
      );
      jest.advanceTimersByTime(500);
      expect(calls).toEqual([['news/loop'], ['news/loop']]);
    } finally {
      watcher.close();
    }
  });

  it('reloads a change its file event reported once, not again at a re-scan before or after the reload', async () => {
    const { fake, calls, logger, intervals, watcher } = start({ rescanMs: 60_000 });
    try {
      // The first re-scan waits for the fingerprint taken at the start, before anything changed.
      await intervals.fire(60_000);
      await writeFile(path.join(dir, 'a.txt'), 'a new document');
      fake.emit('', 'rename', 'a.txt');
      jest.advanceTimersByTime(500);
      expect(calls).toEqual([['a.txt']]);
      await intervals.fire(60_000);
      jest.advanceTimersByTime(1000);
      expect(calls).toEqual([['a.txt']]);
      await writeFile(path.join(dir, 'b.txt'), 'another new document');
      fake.emit('', 'rename', 'b.txt');
      // A re-scan while the change waits for quiet finds it too, and adds nothing to it.
      await intervals.fire(60_000);
      jest.advanceTimersByTime(500);
      expect(calls).toEqual([['a.txt'], ['b.txt']]);
      expect(logger.text()).not.toMatch(/periodic re-scan/);
    } finally {
      watcher.close();
    }
  });

  it('compares its first re-scan with the fingerprint it was given, taking none of its own', async () => {
    const { calls, logger, intervals, watcher } = start({
      rescanMs: 60_000,
      initialFingerprint: Promise.resolve('the corpus as an older index saw it'),
    });
    try {
      await intervals.fire(60_000);
      jest.advanceTimersByTime(500);
      expect(calls).toEqual([['.']]);
      expect(logger.text()).toMatch(/periodic re-scan .* found changes/);
    } finally {
      watcher.close();
    }
  });

  it('calls nothing for changes still waiting when it is closed', () => {
    const { fake, calls, watcher, intervals } = start();
    fake.emit('', 'change', 'a.txt');
    watcher.close();
    jest.advanceTimersByTime(10_000);
    expect(calls).toEqual([]);
    expect(intervals.running()).toBe(0);
    expect(fake.open.size).toBe(0);
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
