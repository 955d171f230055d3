import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DocumentReader } from '../../../src/corpus/readers/document-reader';
import { readContentFile } from '../../../src/corpus/readers/read-content-file';
import type { DocumentSource } from '../../../src/corpus/readers/read-document';
import { DEFAULT_READING_LIMITS, type DocumentContent, ReaderError } from '../../../src/corpus/readers/types';

const CONTENT: DocumentContent = {
  title: 'Read by the reader',
  sections: [{ paragraphs: [{ text: 'Its text.', isListItem: false }] }],
};

/** A reader thread stand-in: records what it is sent and answers with `outcome`. */
function fakeReader(outcome: () => Promise<DocumentContent> = async () => CONTENT) {
  const sent: DocumentSource[] = [];
  const reader = {
    read: (source: DocumentSource) => {
      sent.push(source);
      return outcome();
    },
  } as unknown as DocumentReader;
  return { reader, sent };
}

describe('readContentFile', () => {
  let dir: string;
  const write = (file: string, data: string | Uint8Array) => writeFileSync(path.join(dir, file), data);

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'coop-content-file-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('parses a .txt file in place, as one section without a location', async () => {
    write('memo.txt', 'Office closed on Friday\n\nThe office is closed on Friday for the move to Lisbon.\n');
    const { reader, sent } = fakeReader();
    const { file, warning } = await readContentFile(dir, 'memo.txt', reader, DEFAULT_READING_LIMITS);
    expect(sent).toEqual([]);
    expect(warning).toBeUndefined();
    expect(file?.content.title).toBe('Office closed on Friday');
    expect(file?.content.sections).toEqual([
      {
        paragraphs: [
          expect.objectContaining({ text: 'The office is closed on Friday for the move to Lisbon.' }),
        ],
      },
    ]);
  });

  it.each([
    ['notes.md', 'markdown'],
    ['notes.MARKDOWN', 'markdown'],
    ['page.html', 'html'],
    ['page.HTM', 'html'],
  ])('sends %s to the reader thread as %s text', async (name, format) => {
    write(name, 'Some text.\r\nMore text.\n');
    const { reader, sent } = fakeReader();
    const { file } = await readContentFile(dir, name, reader, DEFAULT_READING_LIMITS);
    expect(sent).toEqual([{ format, text: 'Some text.\nMore text.\n' }]);
    expect(file?.content).toBe(CONTENT);
    // The text went to the reader; the file facts do not carry it.
    expect(file?.meta).toEqual({
      file: name,
      size: 23,
      mtimeMs: expect.any(Number),
      contentHash: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
  });

  it.each([
    ['report.pdf', 'pdf'],
    ['policy.DOCX', 'docx'],
  ])('sends the bytes of %s to the reader thread as %s, with the file facts', async (name, format) => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10]);
    write(name, bytes);
    const { reader, sent } = fakeReader();
    const { file, warning } = await readContentFile(dir, name, reader, DEFAULT_READING_LIMITS);
    expect(warning).toBeUndefined();
    expect(sent).toEqual([{ format, bytes }]);
    expect(file?.meta).toEqual({
      file: name,
      size: 7,
      mtimeMs: expect.any(Number),
      contentHash: createHash('sha1').update(bytes).digest('hex'),
    });
  });

  it('skips a PDF or Word file over DOCUMENT_MAX_MB without reading it, and reads one at the limit', async () => {
    const limits = { ...DEFAULT_READING_LIMITS, maxBytes: 1024 * 1024 };
    write('big.pdf', new Uint8Array(1.5 * 1024 * 1024));
    write('exact.docx', new Uint8Array(1024 * 1024).fill(1));
    const { reader, sent } = fakeReader();
    expect(await readContentFile(dir, 'big.pdf', reader, limits)).toEqual({
      warning: { file: 'big.pdf', message: 'skipped: 1.5 MB is over the 1.0 MB limit (DOCUMENT_MAX_MB)' },
    });
    expect(sent).toEqual([]);
    expect((await readContentFile(dir, 'exact.docx', reader, limits)).file?.content).toBe(CONTENT);
  });

  it('skips an empty, a vanished and an unreadable binary file, saying which', async () => {
    write('empty.pdf', '');
    mkdirSync(path.join(dir, 'folder.docx'));
    const { reader, sent } = fakeReader();
    const message = async (name: string) =>
      (await readContentFile(dir, name, reader, DEFAULT_READING_LIMITS)).warning?.message;
    expect(await message('empty.pdf')).toBe('skipped: empty');
    expect(await message('gone.pdf')).toBe('skipped: it vanished while loading');
    expect(await message('folder.docx')).toBe('skipped: it could not be read (EISDIR)');
    expect(sent).toEqual([]);
  });

  it('skips a file its reader cannot use, with the reason, but lets any other failure through', async () => {
    write('scan.pdf', '%PDF');
    write('notes.md', 'Text.');
    const refused = fakeReader(async () => {
      throw new ReaderError('no text layer: run OCR on it');
    });
    expect(await readContentFile(dir, 'scan.pdf', refused.reader, DEFAULT_READING_LIMITS)).toEqual({
      warning: { file: 'scan.pdf', message: 'skipped: no text layer: run OCR on it' },
    });
    expect(await readContentFile(dir, 'notes.md', refused.reader, DEFAULT_READING_LIMITS)).toEqual({
      warning: { file: 'notes.md', message: 'skipped: no text layer: run OCR on it' },
    });
    const failing = fakeReader(async () => {
      throw new Error('disk on fire');
    });
    await expect(readContentFile(dir, 'scan.pdf', failing.reader, DEFAULT_READING_LIMITS)).rejects.toThrow(
      'disk on fire',
    );
  });

  it("keeps a file read in part and warns with the reader's notice", async () => {
    write('long.pdf', '%PDF');
    write('long.md', 'Text.');
    const { reader } = fakeReader(async () => ({ ...CONTENT, notice: 'only the first 2 of 3 pages read' }));
    for (const name of ['long.pdf', 'long.md']) {
      const { file, warning } = await readContentFile(dir, name, reader, DEFAULT_READING_LIMITS);
      expect(file?.content.title).toBe('Read by the reader');
      expect(warning).toEqual({ file: name, message: 'only the first 2 of 3 pages read' });
    }
  });

  it('keeps a Markdown file whose text had to be repaired, with the warning, and skips an empty one', async () => {
    write('latin.md', Buffer.from('Caf\xe9 opens at eight.\n', 'latin1'));
    write('blank.md', '  \n\n');
    const { reader, sent } = fakeReader();
    const repaired = await readContentFile(dir, 'latin.md', reader, DEFAULT_READING_LIMITS);
    expect(repaired.file?.content).toBe(CONTENT);
    expect(sent).toEqual([{ format: 'markdown', text: 'Café opens at eight.\n' }]);
    expect(repaired.warning).toEqual({ file: 'latin.md', message: expect.any(String) });
    expect(await readContentFile(dir, 'blank.md', reader, DEFAULT_READING_LIMITS)).toEqual({
      warning: { file: 'blank.md', message: 'skipped: empty' },
    });
  });
});
