import { EventEmitter } from 'node:events';
import type { FSWatcher, WatchListener, watch } from 'node:fs';
import path from 'node:path';

/**
 * A stand-in for `fs.watch` over the folders below `root`: records each folder watched, in `watched` (relative, `/`
 * separators, `''` for the root) and lets a test send its events and errors. Watching a folder named in
 * `failOn` throws EACCES, as a folder without permission does.
 */
export function fakeWatch(root: string, failOn: string[] = []) {
  const open = new Map<string, { watcher: EventEmitter; listener: WatchListener<string> }>();
  const closed: string[] = [];
  const watched: string[] = [];
  const watchFn = ((target: string, _options: unknown, listener: WatchListener<string>) => {
    const folder = path.relative(root, target).split(path.sep).join('/');
    watched.push(folder);
    if (failOn.includes(folder)) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    const watcher = Object.assign(new EventEmitter(), {
      close: () => {
        closed.push(folder);
        open.delete(folder);
      },
    });
    open.set(folder, { watcher, listener });
    return watcher as unknown as FSWatcher;
  }) as unknown as typeof watch;
  const emit = (folder: string, event: 'rename' | 'change', name: string | null) =>
    open.get(folder)?.listener(event, name as string);
  const fail = (folder: string, code: string, errorPath?: string) =>
    open.get(folder)?.watcher.emit('error', Object.assign(new Error(code), { code, path: errorPath }));
  return { watchFn, emit, fail, open, closed, watched };
}
