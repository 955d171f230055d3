import { constants, promises as fs, watch as fsWatch, statSync } from 'node:fs';
import path from 'node:path';
import { type Logger, silentLogger } from '../logging/logger';
import { corpusFingerprint } from './corpus-fingerprint';
import { FolderWatches } from './folder-watches';
import { DOCUMENT_EXTENSIONS, unreadableReason } from './read-corpus';

/** Options of {@link watchCorpus}. */
export interface CorpusWatcherOptions {
  /** Quiet time after the last change before `onChange` is called, in ms (default 500). */
  debounceMs?: number;
  /** Longest a stream of changes (a large copy) can hold `onChange` back, in ms (default 5000). */
  maxWaitMs?: number;
  /**
   * How often the whole corpus is compared with what was last seen (one `stat` per file, no reading), in
   * ms: the backstop for a change the file events missed. Default {@link DEFAULT_RESCAN_MS}; 0 turns it off.
   */
  rescanMs?: number;
  /**
   * How often a corpus folder that vanished, and files or folders that could not be read, are looked at
   * again, in ms (default 2000). Costs nothing while neither is the case.
   */
  recheckMs?: number;
  logger?: Logger;
  /** `fs.watch`, injectable for tests. */
  watch?: typeof fsWatch;
  /** The repeating timers of the re-scan and the re-check, injectable so tests drive them without waiting. */
  intervals?: Intervals;
  /**
   * The corpus's fingerprint ({@link corpusFingerprint}) as the index being answered from saw it, when the
   * caller already took it: the first re-scan compares against it, and the watch takes none of its own.
   */
  initialFingerprint?: Promise<string | undefined>;
}

/**
 * Repeating timers as the watcher uses them. A callback may return the promise of the work it started,
 * so that a test driving the timers can wait for it; real timers ignore it.
 */
export interface Intervals {
  setInterval(callback: () => unknown, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** Real repeating timers; unreferenced, so a watch never keeps the process alive on its own. */
export const systemIntervals: Intervals = {
  setInterval(callback, ms) {
    return setInterval(callback, ms).unref();
  },
  clearInterval(handle) {
    clearInterval(handle as NodeJS.Timeout);
  },
};

/** A running watch; `close()` stops it and drops any pending call. */
export interface CorpusWatcher {
  close(): void;
}

/** Default interval of the periodic re-scan: five minutes. */
export const DEFAULT_RESCAN_MS = 5 * 60 * 1000;
const DEFAULT_RECHECK_MS = 2000;
/** Watch errors that belong to one entry, which may be fixed: looked at again every `recheckMs`. */
const ENTRY_PROBLEMS = ['EACCES', 'EPERM', 'ELOOP'];

/**
 * Watches the corpus folder, subfolders included (one watch per folder, see {@link FolderWatches}), and
 * calls `onChange` with the changed paths once the changes settle: after `debounceMs` of quiet, or
 * `maxWaitMs` after the first change at the latest.
 *
 * Only changes that can alter the corpus count: document files (`DOCUMENT_EXTENSIONS`), and entries without an extension
 * (a folder added or removed). Hidden entries and editor files (`.a.txt.swp`, `a.txt~`) are ignored, as the
 * loader ignores them.
 *
 * File-system trouble is logged, with what is done about it, and never ends the watch:
 * - a file or subfolder that cannot be watched (no permission, a symbolic link loop) is reported as a
 *   change, so the loader skips it alone with a warning; it is looked at again every `recheckMs`, and once
 *   it can be read (permission restored) or is gone, the watch restarts and the corpus is reloaded;
 * - a corpus folder deleted (or replaced, as a deploy or `rsync --delete` may do) is looked for every
 *   `recheckMs`; once it is back the watch restarts on the new folder and the corpus is reloaded;
 * - every `rescanMs` the corpus's names, sizes, times and permissions are compared with the last look, so
 *   a change whose event was lost is picked up within that interval.
 */
export function watchCorpus(
  dir: string,
  onChange: (changed: string[]) => void,
  options: CorpusWatcherOptions = {},
): CorpusWatcher {
  const logger = options.logger ?? silentLogger;
  const debounceMs = options.debounceMs ?? 500;
  const maxWaitMs = options.maxWaitMs ?? 5000;
  const rescanMs = options.rescanMs ?? DEFAULT_RESCAN_MS;
  const recheckMs = options.recheckMs ?? DEFAULT_RECHECK_MS;
  const watchFn = options.watch ?? fsWatch;
  const intervals = options.intervals ?? systemIntervals;
  const changed = new Set<string>();
  /** Entries the watch could not follow, by absolute path, with the error code that stopped it. */
  const blocked = new Map<string, string>();
  /** Error codes of the system, not of an entry, already logged. */
  const systemProblems = new Set<string>();
  let quietTimer: NodeJS.Timeout | undefined;
  let firstChangeAt = 0;
  let closed = false;
  let watches: FolderWatches | undefined;
  /** The watched folder's identity (`dev:ino`); undefined while it is missing. */
  let watchedFolder: string | undefined;
  let lastFingerprint: Promise<string | undefined> | undefined;
  let checking = false;

  const fingerprint = () => corpusFingerprint(dir).catch(() => undefined);

  const flush = () => {
    quietTimer = undefined;
    if (closed || changed.size === 0) return;
    const files = [...changed].sort();
    changed.clear();
    // A vanished folder cannot be loaded; it is reloaded once it is back.
    if (watchedFolder === undefined) return;
    // What the reload about to run will see, for the next re-scan to compare against.
    if (rescanMs > 0) lastFingerprint = fingerprint();
    onChange(files);
  };

  const noticed = (file: string) => {
    if (closed) return;
    if (changed.size === 0) firstChangeAt = Date.now();
    changed.add(file);
    if (quietTimer) clearTimeout(quietTimer);
    const wait = Math.min(debounceMs, Math.max(0, firstChangeAt + maxWaitMs - Date.now()));
    quietTimer = setTimeout(flush, wait);
  };

  const relative = (fullPath: string) => path.relative(dir, fullPath).split(path.sep).join('/') || '.';

  const onWatchError = (error: NodeJS.ErrnoException) => {
    const failedPath = typeof error.path === 'string' ? error.path : undefined;
    if (!failedPath || path.resolve(failedPath) === path.resolve(dir)) {
      void checkFolder();
      return;
    }
    const code = error.code ?? 'unknown';
    // An entry that vanished while the watch reached it: its removal is an event of its own.
    if (code === 'ENOENT') return;
    if (!ENTRY_PROBLEMS.includes(code)) {
      // Not the entry's fault (the system's limit on watches, ENOSPC or EMFILE): looking again would fail
      // again, so the periodic re-scan picks up what the events miss.
      if (systemProblems.has(code)) return;
      systemProblems.add(code);
      logger.warn(
        `corpus: cannot watch all of ${dir} (${code}${code === 'ENOSPC' ? ': the system limit on watched files is reached; raise fs.inotify.max_user_watches' : ''}); ${rescanMs > 0 ? `changes there are picked up by the re-scan every ${rescanMs / 1000} s` : 'changes there may be missed'}`,
      );
      return;
    }
    if (blocked.get(failedPath) === code) return;
    blocked.set(failedPath, code);
    const what = code === 'ELOOP' ? 'it is a symbolic link loop' : unreadableReason(error);
    logger.warn(
      `corpus: cannot watch ${relative(failedPath)}: ${what}; the rest of ${dir} is still watched, and it is looked at again every ${recheckMs} ms`,
    );
    noticed(relative(failedPath));
  };

  const stopWatching = () => {
    watches?.close();
    watches = undefined;
  };

  /** Starts the watch; false (with the cause logged) when the folder cannot be watched. */
  const startWatching = (): boolean => {
    stopWatching();
    if (closed) return false;
    try {
      const stat = statSync(dir);
      watches = new FolderWatches(
        dir,
        watchFn,
        (file) => {
          // An event in the corpus folder itself may be the folder going: one stat tells.
          if (!file.includes('/')) void checkFolder();
          if (file !== '' && isCorpusPath(file)) noticed(file);
        },
        onWatchError,
      );
      watches.start();
      watchedFolder = `${stat.dev}:${stat.ino}`;
      return true;
    } catch (error) {
      stopWatching();
      watchedFolder = undefined;
      logger.error(
        `corpus: cannot watch ${dir} (${(error as NodeJS.ErrnoException).code ?? error}); looking for it again every ${recheckMs} ms`,
      );
      return false;
    }
  };

  /** Whether the watched folder is still there and the same; if not, waits for it and watches it again. */
  const checkFolder = async (): Promise<void> => {
    const stat = await fs.stat(dir).catch(() => undefined);
    if (closed) return;
    const now = stat?.isDirectory() ? `${stat.dev}:${stat.ino}` : undefined;
    if (now === watchedFolder) return;
    if (now === undefined) {
      // It was there at the last look (`now` differs from it), so this is news.
      logger.warn(
        `corpus: ${dir} was removed; still answering from the documents already loaded, and looking for it again every ${recheckMs} ms`,
      );
      stopWatching();
      watchedFolder = undefined;
      return;
    }
    const replaced = watchedFolder !== undefined;
    if (startWatching()) {
      logger.info(
        `corpus: ${dir} ${replaced ? 'was replaced by a new folder' : 'is back'}; watching it again and reloading`,
      );
      noticed('.');
    }
  };

  /** Looks again at entries that could not be read; any that now can (or are gone) restart the watch. */
  const checkBlocked = async (): Promise<void> => {
    const cleared: string[] = [];
    for (const [blockedPath, code] of blocked) {
      const stillBlocked = await readable(blockedPath).then(
        () => false,
        (error: NodeJS.ErrnoException) => error.code === code,
      );
      if (!stillBlocked) cleared.push(blockedPath);
    }
    if (closed || cleared.length === 0) return;
    for (const clearedPath of cleared) blocked.delete(clearedPath);
    logger.info(
      `corpus: ${cleared.map(relative).join(', ')} can be read again or is gone; watching it again and reloading`,
    );
    if (startWatching()) for (const clearedPath of cleared) noticed(relative(clearedPath));
  };

  const recheck = async () => {
    if (checking || closed) return;
    checking = true;
    try {
      if (watchedFolder === undefined || blocked.size > 0) await checkFolder();
      if (blocked.size > 0) await checkBlocked();
    } finally {
      checking = false;
    }
  };

  const rescan = async () => {
    if (closed) return;
    await checkFolder();
    const before = await lastFingerprint;
    const now = await fingerprint();
    if (closed || now === undefined) return;
    if (before !== undefined && now !== before && changed.size === 0) {
      logger.info(`corpus: the periodic re-scan of ${dir} found changes no file event reported; reloading`);
      noticed('.');
    }
    lastFingerprint = Promise.resolve(now);
  };

  if (startWatching()) {
    logger.info(
      `corpus: watching ${dir} for changes${rescanMs > 0 ? ` (and re-scanning it every ${rescanMs / 1000} s)` : ''}`,
    );
  }
  if (rescanMs > 0) lastFingerprint = options.initialFingerprint ?? fingerprint();
  const recheckTimer = intervals.setInterval(recheck, recheckMs);
  const rescanTimer = rescanMs > 0 ? intervals.setInterval(rescan, rescanMs) : undefined;

  return {
    close() {
      closed = true;
      if (quietTimer) clearTimeout(quietTimer);
      intervals.clearInterval(recheckTimer);
      if (rescanTimer !== undefined) intervals.clearInterval(rescanTimer);
      stopWatching();
    },
  };
}

/** Resolves when `fullPath` can be read (a folder: listed and entered); rejects with the reason otherwise. */
async function readable(fullPath: string): Promise<void> {
  const stat = await fs.stat(fullPath);
  await fs.access(fullPath, stat.isDirectory() ? constants.R_OK | constants.X_OK : constants.R_OK);
}

/** Whether a changed path (relative, `/`-separated) can change what the loader reads. */
export function isCorpusPath(file: string): boolean {
  if (file.split('/').some((segment) => segment.startsWith('.'))) return false;
  const extension = path.extname(file).toLowerCase();
  return extension === '' || DOCUMENT_EXTENSIONS.includes(extension);
}
