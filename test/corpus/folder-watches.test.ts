import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FolderWatches } from '../../src/corpus/folder-watches';
import { fakeWatch } from './fake-watch';

describe('FolderWatches', () => {
  let root: string;
  const changes: string[] = [];
  const errors: NodeJS.ErrnoException[] = [];
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'coop-folders-'));
    changes.length = 0;
    errors.length = 0;
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });
  const watches = (fake: ReturnType<typeof fakeWatch>) =>
    new FolderWatches(
      root,
      fake.watchFn,
      (changed) => changes.push(changed),
      (error) => errors.push(error),
    );

  it('watches the root and every folder below it, but not hidden folders or links to folders', () => {
    mkdirSync(path.join(root, 'news', '2024'), { recursive: true });
    mkdirSync(path.join(root, '.git', 'objects'), { recursive: true });
    symlinkSync(path.join(root, 'news'), path.join(root, 'linked'));
    const fake = fakeWatch(root);
    const folders = watches(fake);
    folders.start();
    expect([...fake.open.keys()].sort()).toEqual(['', 'news', 'news/2024']);
    expect(folders.size).toBe(3);
  });

  it('reports changed entries relative to the root, and a folder event as the folder itself', () => {
    mkdirSync(path.join(root, 'news'));
    const fake = fakeWatch(root);
    watches(fake).start();
    fake.emit('', 'change', 'a.txt');
    fake.emit('news', 'change', 'b.txt');
    fake.emit('news', 'change', null);
    fake.emit('', 'change', null);
    expect(changes).toEqual(['a.txt', 'news/b.txt', 'news', '']);
  });

  it('watches a folder that appears, with the folders inside it, and stops watching it when it goes', () => {
    const fake = fakeWatch(root);
    const folders = watches(fake);
    folders.start();
    mkdirSync(path.join(root, 'reports', 'q1'), { recursive: true });
    fake.emit('', 'rename', 'reports');
    expect([...fake.open.keys()].sort()).toEqual(['', 'reports', 'reports/q1']);
    rmSync(path.join(root, 'reports'), { recursive: true });
    fake.emit('', 'rename', 'reports');
    expect([...fake.open.keys()]).toEqual(['']);
    expect(fake.closed.sort()).toEqual(['reports', 'reports/q1']);
    expect(changes).toEqual(['reports', 'reports']);
  });

  it('closes only the folder that went, not one whose name starts the same', () => {
    mkdirSync(path.join(root, 'news'));
    mkdirSync(path.join(root, 'newsletters'));
    const fake = fakeWatch(root);
    watches(fake).start();
    rmSync(path.join(root, 'news'), { recursive: true });
    fake.emit('', 'rename', 'news');
    expect([...fake.open.keys()].sort()).toEqual(['', 'newsletters']);
  });

  it('does not watch a folder twice when it is reported again', () => {
    mkdirSync(path.join(root, 'news'));
    const fake = fakeWatch(root);
    watches(fake).start();
    fake.emit('', 'rename', 'news');
    expect(fake.watched.sort()).toEqual(['', 'news']);
  });

  it('leaves trouble listing the root to its caller', () => {
    const fake = fakeWatch(path.join(root, 'missing'));
    new FolderWatches(
      path.join(root, 'missing'),
      fake.watchFn,
      () => {},
      (error) => errors.push(error),
    ).start();
    expect(errors).toEqual([]);
  });

  it('does not watch a hidden folder that appears, nor take a new file for a folder', () => {
    const fake = fakeWatch(root);
    watches(fake).start();
    mkdirSync(path.join(root, '.cache'));
    fake.emit('', 'rename', '.cache');
    fake.emit('', 'rename', 'a.txt');
    expect([...fake.open.keys()]).toEqual(['']);
  });

  it('reports a subfolder that cannot be watched, with its path, and watches the rest', () => {
    mkdirSync(path.join(root, 'private'));
    mkdirSync(path.join(root, 'public'));
    const fake = fakeWatch(root, ['private']);
    watches(fake).start();
    expect([...fake.open.keys()].sort()).toEqual(['', 'public']);
    expect(errors).toEqual([expect.objectContaining({ code: 'EACCES', path: path.join(root, 'private') })]);
  });

  it('reports a watch error with the folder it came from, unless the error names its own path', () => {
    mkdirSync(path.join(root, 'news'));
    const fake = fakeWatch(root);
    watches(fake).start();
    fake.fail('news', 'ENOENT');
    fake.fail('news', 'ELOOP', '/elsewhere');
    expect(errors.map((error) => error.path)).toEqual([path.join(root, 'news'), '/elsewhere']);
  });

  it('throws when the root itself cannot be watched', () => {
    expect(() => watches(fakeWatch(root, [''])).start()).toThrow('EACCES');
  });

  it('closes every watch, and starts afresh when started again', () => {
    mkdirSync(path.join(root, 'news'));
    const fake = fakeWatch(root);
    const folders = watches(fake);
    folders.start();
    folders.start();
    expect(fake.closed.sort()).toEqual(['', 'news']);
    expect(folders.size).toBe(2);
    folders.close();
    expect(folders.size).toBe(0);
    expect(fake.open.size).toBe(0);
  });
});
