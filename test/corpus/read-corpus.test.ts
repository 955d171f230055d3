import { promises as fs, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../../src/corpus/load-corpus';
import { MAX_DOCUMENT_BYTES, readCorpusFile } from '../../src/corpus/read-corpus';
import { documentText } from './document-text';

const prose = 'Officials from both countries met in London on Monday to discuss cooperation.';

describe('messy corpus files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'coop-corpus-'));
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
});
