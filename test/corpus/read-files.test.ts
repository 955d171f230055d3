import { promises as fs, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listCorpusFiles } from '../../src/corpus/read-corpus';
import { readCorpusFiles, THREADED_TEXT_FILES } from '../../src/corpus/read-files';
import { DocumentReader } from '../../src/corpus/readers/document-reader';
import { type ContentFileRead, readContentFile } from '../../src/corpus/readers/read-content-file';
import { DEFAULT_READING_LIMITS } from '../../src/corpus/readers/types';

/** A corpus just large enough to be read on two threads, with files of every outcome among its stories. */
function writeLargeCorpus(dir: string): void {
  mkdirSync(path.join(dir, 'news'));
  for (let i = 0; i < THREADED_TEXT_FILES + 40; i++) {
    const text = `Port report ${i}\n\ndate 2024-03-${String(1 + (i % 28)).padStart(2, '0')}\n\nThe harbour of town ${i} handled ${i * 7} ships this week, officials said on Monday.`;
    writeFileSync(path.join(dir, 'news', `${String(i).padStart(5, '0')}.txt`), text);
  }
  writeFileSync(path.join(dir, 'news', '00100.txt'), '');
  writeFileSync(path.join(dir, 'news', '01500.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 7]));
  writeFileSync(
    path.join(dir, 'news', '01900.txt'),
    Buffer.from('Caf\xe9 report\n\nThe caf\xe9 opened on Monday, its owners said today.', 'latin1'),
  );
  writeFileSync(
    path.join(dir, 'notes.md'),
    '# Notes\n\nThe notes say the harbour reopened on Monday after the storm.',
  );
}

/** Each file as the main thread alone reads it, one by one. */
async function readOneByOne(dir: string, files: string[]) {
  const reader = new DocumentReader(DEFAULT_READING_LIMITS);
  try {
    const reads = [];
    for (const file of files) reads.push(await readContentFile(dir, file, reader, DEFAULT_READING_LIMITS));
    return reads;
  } finally {
    await reader.close();
  }
}

describe('readCorpusFiles', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'coop-read-files-'));
    writeLargeCorpus(dir);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the .txt files of a large corpus on threads of their own, to what the main thread alone reads, in file order', async () => {
    const files = await listCorpusFiles(dir);
    const readsHere = jest.spyOn(fs, 'open');
    const given: ContentFileRead[] = [];
    const reads = await readCorpusFiles(dir, files, DEFAULT_READING_LIMITS, (read) => given.push(read));
    const readHere = readsHere.mock.calls.length;
    readsHere.mockRestore();
    // The main thread read the Markdown file only.
    expect(readHere).toBe(1);
    expect(reads).toEqual(await readOneByOne(dir, files));
    expect(reads.map((read) => read.file?.meta.file ?? read.warning?.file)).toEqual(files);
    // Each read was given as it came, once.
    expect(given).toHaveLength(reads.length);
    expect(new Set(given)).toEqual(new Set(reads));
    expect(reads.filter((read) => read.warning).map((read) => read.warning)).toEqual([
      { file: 'news/00100.txt', message: 'skipped: empty' },
      { file: 'news/01500.txt', message: 'skipped: binary content, not text' },
      expect.objectContaining({ file: 'news/01900.txt' }),
    ]);
  });
});
