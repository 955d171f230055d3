import { type FSWatcher, watch as fsWatch } from 'node:fs';
import path from 'node:path';
import { type Logger, silentLogger } from '../logging/logger';
import { DOCUMENT_EXTENSIONS } from './read-corpus';

/** Options of {@link watchCorpus}. */
export interface CorpusWatcherOptions {
  /** Quiet time after the last change before `onChange` is called, in ms (default 500). */
  debounceMs?: number;
  /** Longest a stream of changes (a large copy) can hold `onChange` back, in ms (default 5000). */
  maxWaitMs?: number;
  logger?: Logger;
  /** `fs.watch`, injectable for tests. */
  watch?: typeof fsWatch;
}

/** A running watch; `close()` stops it and drops any pending call. */
export interface CorpusWatcher {
  close(): void;
}

/**
 * Watches the corpus folder, subfolders included, and calls `onChange` with the changed paths once the
 * changes settle: after `debounceMs` of quiet, or `maxWaitMs` after the first change at the latest.
 *
 * Only changes that can alter the corpus count: document files (`DOCUMENT_EXTENSIONS`), and entries without an extension
 * (a folder added or removed). Hidden entries and editor files (`.a.txt.swp`, `a.txt~`) are ignored, as the
 * loader ignores them.
 *
 * If the folder cannot be watched, or the watch fails later (the folder was deleted), the cause is logged
 * and the bot keeps answering from the corpus it has.
 */
export function watchCorpus(
  dir: string,
  onChange: (changed: string[]) => void,
  options: CorpusWatcherOptions = {},
): CorpusWatcher {
  const logger = options.logger ?? silentLogger;
  const debounceMs = options.debounceMs ?? 500;
  const maxWaitMs = options.maxWaitMs ?? 5000;
  const changed = new Set<string>();
  let quietTimer: NodeJS.Timeout | undefined;
  let firstChangeAt = 0;
  let closed = false;

  const flush = () => {
    quietTimer = undefined;
    if (closed || changed.size === 0) return;
    const files = [...changed].sort();
    changed.clear();
    onChange(files);
  };

  const noticed = (file: string) => {
    if (changed.size === 0) firstChangeAt = Date.now();
    changed.add(file);
    if (quietTimer) clearTimeout(quietTimer);
    const wait = Math.min(debounceMs, Math.max(0, firstChangeAt + maxWaitMs - Date.now()));
    quietTimer = setTimeout(flush, wait);
  };

  let watcher: FSWatcher | undefined;
  try {
    watcher = (options.watch ?? fsWatch)(dir, { recursive: true, persistent: false }, (_event, filename) => {
      const file = filename?.toString().split(path.sep).join('/') ?? '';
      if (file === '' || isCorpusPath(file)) noticed(file || '(unknown)');
    });
    watcher.on('error', (error) => {
      logger.error(`corpus: stopped watching ${dir}; restart the bot to pick up further changes:`, error);
      watcher?.close();
    });
    logger.info(`corpus: watching ${dir} for changes`);
  } catch (error) {
    logger.error(`corpus: cannot watch ${dir}; changes need a restart to be picked up:`, error);
  }

  return {
    close() {
      closed = true;
      if (quietTimer) clearTimeout(quietTimer);
      watcher?.close();
    },
  };
}

/** Whether a changed path (relative, `/`-separated) can change what the loader reads. */
export function isCorpusPath(file: string): boolean {
  if (file.split('/').some((segment) => segment.startsWith('.'))) return false;
  const extension = path.extname(file).toLowerCase();
  return extension === '' || DOCUMENT_EXTENSIONS.includes(extension);
}
