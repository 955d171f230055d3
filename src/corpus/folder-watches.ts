import { type FSWatcher, lstatSync, readdirSync, type watch } from 'node:fs';
import path from 'node:path';

/**
 * One non-recursive `fs.watch` per folder of a corpus, the folders found by listing them. Node 20's
 * recursive watch on Linux stats and watches every file as well (for a corpus of 36,000 files, 55 MB of
 * heap, 100 MB of RSS and over half a second of synchronous work at startup); a folder's watch already
 * reports every file added, changed or removed in it, so watching folders is enough.
 *
 * Hidden folders are not watched (the loader skips them), nor symbolic links to folders (the loader does
 * not follow them). A folder that appears is watched with everything below it; one that goes has its
 * watches closed.
 */
export class FolderWatches {
  /** Watches by folder, relative to the root with `/` separators (`''` for the root). */
  private readonly watchers = new Map<string, FSWatcher>();

  /**
   * @param root the corpus folder.
   * @param watchFn `fs.watch`, or a stand-in.
   * @param onChange called with each changed entry's path relative to the root (`/` separators).
   * @param onError called with the error (its `path` set) when a folder below the root cannot be
   *   listed or watched; the rest stays watched.
   */
  constructor(
    private readonly root: string,
    private readonly watchFn: typeof watch,
    private readonly onChange: (relativePath: string) => void,
    private readonly onError: (error: NodeJS.ErrnoException) => void,
  ) {}

  /** Watches the root and every folder below it; throws when the root itself cannot be watched. */
  start(): void {
    this.close();
    this.watchers.set('', this.watchFolder(''));
    this.watchBelow('');
  }

  /** How many folders are watched. */
  get size(): number {
    return this.watchers.size;
  }

  /** Stops every watch. */
  close(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private watchFolder(folder: string): FSWatcher {
    const fullPath = path.join(this.root, folder);
    const watcher = this.watchFn(fullPath, { persistent: false }, (event, filename) => {
      const name = filename?.toString() ?? '';
      const changed = name === '' ? folder : folder === '' ? name : `${folder}/${name}`;
      if (event === 'rename' && name !== '') this.folderAddedOrRemoved(changed);
      this.onChange(changed);
    });
    watcher.on('error', (error: NodeJS.ErrnoException) => this.onError(withPath(error, fullPath)));
    return watcher;
  }

  /** Watches the folders below `folder`, each reported to `onError` if it cannot be. */
  private watchBelow(folder: string): void {
    const fullPath = path.join(this.root, folder);
    let names: string[];
    try {
      names = readdirSync(fullPath, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => entry.name);
    } catch (error) {
      // The root's own trouble is the caller's to handle; a subfolder's is reported.
      if (folder !== '') this.onError(withPath(error as NodeJS.ErrnoException, fullPath));
      return;
    }
    for (const name of names) this.add(folder === '' ? name : `${folder}/${name}`);
  }

  private add(folder: string): void {
    if (this.watchers.has(folder)) return;
    try {
      this.watchers.set(folder, this.watchFolder(folder));
    } catch (error) {
      this.onError(withPath(error as NodeJS.ErrnoException, path.join(this.root, folder)));
      return;
    }
    this.watchBelow(folder);
  }

  /** An entry appeared or went: a new folder is watched, a vanished one's watches closed. */
  private folderAddedOrRemoved(entry: string): void {
    if (entry.split('/').some((segment) => segment.startsWith('.'))) return;
    let isFolder: boolean;
    try {
      isFolder = lstatSync(path.join(this.root, entry)).isDirectory();
    } catch {
      isFolder = false;
    }
    if (isFolder) {
      this.add(entry);
      return;
    }
    for (const [folder, watcher] of this.watchers) {
      if (folder === entry || folder.startsWith(`${entry}/`)) {
        watcher.close();
        this.watchers.delete(folder);
      }
    }
  }
}

function withPath(error: NodeJS.ErrnoException, fullPath: string): NodeJS.ErrnoException {
  if (typeof error.path !== 'string') error.path = fullPath;
  return error;
}
