import { createHash, type Hash } from 'node:crypto';
import fs, {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corpusFingerprint, hashStats, THREADED_STATS } from '../../src/corpus/corpus-fingerprint';
import { listCorpusFiles } from '../../src/corpus/read-corpus';

describe('corpusFingerprint', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'coop-fingerprint-'));
    mkdirSync(path.join(dir, 'news'));
    writeFileSync(path.join(dir, 'news', 'a.txt'), 'Ministers met on Monday.');
    writeFileSync(path.join(dir, 'b.md'), '# Notes');
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('is a short hex string that stays the same while nothing changes', async () => {
    const first = await corpusFingerprint(dir);
    expect(first).toMatch(/^[0-9a-f]{24}$/);
    expect(await corpusFingerprint(dir)).toBe(first);
  });

  it.each([
    [
      'a document edited',
      (d: string) => writeFileSync(path.join(d, 'news', 'a.txt'), 'Ministers met on Tuesday!'),
    ],
    [
      'a document touched',
      (d: string) => utimesSync(path.join(d, 'b.md'), new Date(2020, 0, 1), new Date(2020, 0, 1)),
    ],
    ['a document made private', (d: string) => chmodSync(path.join(d, 'b.md'), 0o600)],
    ['a document added', (d: string) => writeFileSync(path.join(d, 'news', 'c.txt'), 'More news.')],
    ['a document removed', (d: string) => unlinkSync(path.join(d, 'b.md'))],
    ['a document renamed', (d: string) => renameSync(path.join(d, 'b.md'), path.join(d, 'c.md'))],
  ])('changes with %s', async (_, change) => {
    const before = await corpusFingerprint(dir);
    change(dir);
    expect(await corpusFingerprint(dir)).not.toBe(before);
  });

  it.each([
    ['a file of another type', 'data.xlsx'],
    ['a hidden file', '.draft.txt'],
    ['an editor swap file', '.b.md.swp'],
  ])('does not change with %s', async (_, name) => {
    const before = await corpusFingerprint(dir);
    writeFileSync(path.join(dir, name), 'not part of the corpus');
    expect(await corpusFingerprint(dir)).toBe(before);
  });

  it('sees a change to the last file of a corpus larger than one batch of stats', async () => {
    for (let i = 0; i < 2001; i++)
      writeFileSync(path.join(dir, 'news', `${String(i).padStart(4, '0')}.txt`), 'x');
    const before = await corpusFingerprint(dir);
    utimesSync(path.join(dir, 'news', '2000.txt'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(await corpusFingerprint(dir)).not.toBe(before);
    // Each file is looked at once, whichever batch it falls in.
    const fed: string[] = [];
    const recording = { update: (line: string) => fed.push(line) } as unknown as Hash;
    hashStats(dir, await listCorpusFiles(dir), recording);
    const names = fed.map((line) => line.split('\t')[0]);
    expect(names).toHaveLength(2003);
    expect(new Set(names).size).toBe(2003);
  });

  it("is the same when a corpus large enough is stat'ed on a thread of its own, and sees its changes", async () => {
    const small = await corpusFingerprint(dir);
    for (let i = 0; i < THREADED_STATS; i++)
      writeFileSync(path.join(dir, 'news', `${String(i).padStart(5, '0')}.txt`), 'x');
    const files = await listCorpusFiles(dir);
    expect(files.length).toBeGreaterThanOrEqual(THREADED_STATS);
    const inThisThread = createHash('sha256');
    hashStats(dir, files, inThisThread);
    // None of the stats is taken on the thread that answers questions.
    const stats = jest.spyOn(fs, 'statSync');
    const threaded = await corpusFingerprint(dir);
    expect(stats).not.toHaveBeenCalled();
    stats.mockRestore();
    expect(threaded).toBe(inThisThread.digest('hex').slice(0, 24));
    expect(threaded).not.toBe(small);
    utimesSync(
      path.join(dir, 'news', `${String(THREADED_STATS - 1).padStart(5, '0')}.txt`),
      new Date(2020, 0, 1),
      new Date(2020, 0, 1),
    );
    expect(await corpusFingerprint(dir)).not.toBe(threaded);
  });
});
