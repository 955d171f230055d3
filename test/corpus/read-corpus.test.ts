import { promises as fs, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../../src/corpus/load-corpus';
import {
  listCorpusFiles,
  MAX_DOCUMENT_BYTES,
  readCorpusFile,
  unreadableReason,
} from '../../src/corpus/read-corpus';
import { documentText } from './document-text';

const prose = 'Officials from both countries met in London on Monday to discuss cooperation.';

describe('messy corpus files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'coop-corpus-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('skips empty and binary files with a warning naming each, and keeps the good ones', async () => {
    writeFileSync(path.join(dir, 'good.txt'), `Headline\n\n${prose}`);
    writeFileSync(path.join(dir, 'empty.txt'), '   \n');
    writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    writeFileSync(path.join(dir, 'notes.xlsx'), 'ignored: not a document type the corpus reads');
    const warn = jest.fn();
    const { documents, warnings } = await loadCorpus(dir, { debug() {}, info() {}, warn, error() {} });
    expect(documents.map((d) => d.file)).toEqual(['good.txt']);
    expect(warnings.map((w) => w.file).sort()).toEqual(['empty.txt', 'image.txt']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('image.txt'));
  });

  it('repairs a BOM, CRLF line ends and Windows-1252 text', async () => {
    writeFileSync(
      path.join(dir, 'bom.txt'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`Title\r\n\r\n${prose}\r\n`)]),
    );
    writeFileSync(
      path.join(dir, 'latin.txt'),
      Buffer.from(`Title\n\nThe caf\xe9 hosted ministers from both countries on Monday.`, 'latin1'),
    );
    const { documents, warnings } = await loadCorpus(dir);
    const bom = documents.find((d) => d.file === 'bom.txt');
    expect(bom?.title).toBe('Title');
    expect(bom && documentText(bom)).toBe(prose);
    expect(documentText(documents.find((d) => d.file === 'latin.txt') ?? { passages: [] })).toContain('café');
    expect(warnings).toEqual([{ file: 'latin.txt', message: expect.stringContaining('not valid UTF-8') }]);
  });

  it('skips a file over the size limit and one that vanished', async () => {
    const huge = path.join(dir, 'huge.txt');
    await fs.writeFile(huge, '');
    await fs.truncate(huge, MAX_DOCUMENT_BYTES + 1);
    expect((await readCorpusFile(dir, 'huge.txt')).warning?.message).toMatch(/over the/);
    expect((await readCorpusFile(dir, 'gone.txt')).warning?.message).toMatch(/vanished/);
  });

  it('stops with a clear error when the folder itself is missing', async () => {
    await expect(loadCorpus(path.join(dir, 'nope'))).rejects.toThrow(/CORPUS_DIR .* cannot be read/);
  });

  it('reads a file of exactly the size limit, and names the size and the limit of one over it', async () => {
    const atLimit = path.join(dir, 'at-limit.txt');
    // Text, not a truncated file: NUL bytes would read as binary.
    await fs.writeFile(atLimit, Buffer.alloc(MAX_DOCUMENT_BYTES, 'a '));
    expect((await readCorpusFile(dir, 'at-limit.txt')).document?.size).toBe(MAX_DOCUMENT_BYTES);
    await fs.appendFile(atLimit, 'a');
    expect((await readCorpusFile(dir, 'at-limit.txt')).warning).toEqual({
      file: 'at-limit.txt',
      message: `skipped: ${MAX_DOCUMENT_BYTES + 1} bytes is over the ${MAX_DOCUMENT_BYTES}-byte limit`,
    });
  });

  it('says why each unusable file is skipped', async () => {
    writeFileSync(path.join(dir, 'empty.txt'), '\r\n \t\n');
    writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x47, 0x49, 0x46, 0x00, 0x38]));
    expect(await readCorpusFile(dir, 'empty.txt')).toEqual({
      warning: { file: 'empty.txt', message: 'skipped: empty' },
    });
    expect(await readCorpusFile(dir, 'image.txt')).toEqual({
      warning: { file: 'image.txt', message: 'skipped: binary content, not text' },
    });
    expect(await readCorpusFile(dir, 'gone.txt')).toEqual({
      warning: { file: 'gone.txt', message: 'skipped: it vanished while loading' },
    });
  });

  it('reads text with a few control characters, and takes many of them for binary', async () => {
    const text = `Headline\f\n${prose}\t${prose}\x07`;
    writeFileSync(path.join(dir, 'form-feed.txt'), text);
    writeFileSync(path.join(dir, 'controls.txt'), `${'\x01\x02'.repeat(10)}${prose}`);
    expect((await readCorpusFile(dir, 'form-feed.txt')).document?.text).toBe(text);
    expect((await readCorpusFile(dir, 'controls.txt')).warning?.message).toBe(
      'skipped: binary content, not text',
    );
  });

  it.each([
    [
      'UTF-16 little-endian',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Café society\r\n', 'utf16le')]),
    ],
    [
      'UTF-16 big-endian',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Café society\r\n', 'utf16le').swap16()]),
    ],
    [
      'UTF-8 with a byte-order mark',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Café society\r\n')]),
    ],
    ['old Mac line ends', Buffer.from('Café society\r')],
  ])('reads %s as text with \\n line ends, without a warning', async (_, bytes) => {
    writeFileSync(path.join(dir, 'a.txt'), bytes);
    const read = await readCorpusFile(dir, 'a.txt');
    expect(read.document?.text).toBe('Café society\n');
    expect(read.document?.size).toBe(bytes.length);
    expect(read.warning).toBeUndefined();
  });

  it('fingerprints each file by its bytes', async () => {
    writeFileSync(path.join(dir, 'a.txt'), prose);
    writeFileSync(path.join(dir, 'b.txt'), prose);
    writeFileSync(path.join(dir, 'c.txt'), `${prose} `);
    const hash = async (file: string) => (await readCorpusFile(dir, file)).document?.contentHash;
    expect(await hash('a.txt')).toMatch(/^[0-9a-f]{40}$/);
    expect(await hash('a.txt')).toBe(await hash('b.txt'));
    expect(await hash('a.txt')).not.toBe(await hash('c.txt'));
  });

  it('lists documents in subfolders, sorted, with any case of extension, skipping hidden entries and other files', async () => {
    mkdirSync(path.join(dir, 'b', 'deep'), { recursive: true });
    mkdirSync(path.join(dir, '.git'));
    for (const file of [
      'z.txt',
      'A.TXT',
      'b/deep/x.md',
      'b/page.html',
      'b/notes.xlsx',
      '.hidden.txt',
      '.git/c.txt',
    ])
      writeFileSync(path.join(dir, file), prose);
    expect(await listCorpusFiles(dir)).toEqual(['A.TXT', 'b/deep/x.md', 'b/page.html', 'z.txt']);
  });

  it('lists documents in order of their whole path, a file before a folder of the same name', async () => {
    mkdirSync(path.join(dir, 'b'));
    for (const name of ['b/x.txt', 'b.txt', 'a.txt']) writeFileSync(path.join(dir, name), prose);
    expect(await listCorpusFiles(dir)).toEqual(['a.txt', 'b.txt', 'b/x.txt']);
  });

  it('reads through a link to a document, and skips broken links, loops and links to folders with a warning', async () => {
    writeFileSync(path.join(dir, 'real.txt'), prose);
    mkdirSync(path.join(dir, 'folder'));
    symlinkSync(path.join(dir, 'real.txt'), path.join(dir, 'link.txt'));
    symlinkSync(path.join(dir, 'nowhere.txt'), path.join(dir, 'broken.txt'));
    symlinkSync(path.join(dir, 'loop.txt'), path.join(dir, 'loop.txt'));
    symlinkSync(path.join(dir, 'folder'), path.join(dir, 'folder.txt'));
    const warnings: { file: string; message: string }[] = [];
    expect(await listCorpusFiles(dir, warnings)).toEqual(['link.txt', 'real.txt']);
    expect(warnings.sort((a, b) => a.file.localeCompare(b.file))).toEqual([
      { file: 'broken.txt', message: 'skipped: a broken symbolic link' },
      { file: 'folder.txt', message: 'skipped: a link to something that is not a file' },
      { file: 'loop.txt', message: 'skipped: a symbolic link loop (the link leads back to itself)' },
    ]);
  });

  it('fails when the corpus folder itself cannot be listed', async () => {
    await expect(listCorpusFiles(path.join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('unreadableReason', () => {
  const failure = (code?: string) => Object.assign(new Error('failed'), code ? { code } : {});
  it.each([
    ['ENOENT', 'it vanished while loading'],
    ['EACCES', 'it could not be read (EACCES: permission denied)'],
    ['EPERM', 'it could not be read (EPERM: permission denied)'],
    ['EIO', 'it could not be read (EIO)'],
  ])('explains %s', (code, reason) => {
    expect(unreadableReason(failure(code))).toBe(reason);
  });

  it('names the error when it has no code', () => {
    expect(unreadableReason(failure())).toBe('it could not be read (Error: failed)');
  });
});
