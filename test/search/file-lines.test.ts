import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type FileLine, FileLineReader } from '../../src/search/file-lines';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'coop-file-lines-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function reader(content: string | Buffer, blockBytes: number): Promise<FileLineReader> {
  const file = path.join(folder, 'lines.txt');
  await writeFile(file, content);
  return FileLineReader.open(file, blockBytes);
}

async function linesOf(content: string | Buffer, blockBytes: number): Promise<FileLine[]> {
  const lines: FileLine[] = [];
  const read = await reader(content, blockBytes);
  for (let line = await read.line(); line !== undefined; line = await read.line()) lines.push(line);
  await read.close();
  return lines;
}

describe('the lines of a file read in blocks', () => {
  const content = 'first line\n\nnaïve café — “quoted”\na line longer than several blocks put together\nlast';

  it.each([1, 2, 3, 7, 64, 4096])('are the same whatever the block size (%i bytes)', async (blockBytes) => {
    const lines = await linesOf(content, blockBytes);
    expect(lines.map((line) => line.text)).toEqual(content.split('\n'));
    // The bytes of each line with its newline, together, are the file.
    expect(Buffer.concat(lines.map((line) => line.bytes)).toString('utf8')).toBe(content);
  });

  it('give a final newline no empty line after it', async () => {
    const lines = await linesOf('one\ntwo\n', 3);
    expect(lines.map((line) => line.text)).toEqual(['one', 'two']);
    expect(lines.map((line) => line.bytes.toString())).toEqual(['one\n', 'two\n']);
  });

  it('are none for an empty file', async () => {
    expect(await linesOf('', 8)).toEqual([]);
  });
});

describe('raw bytes between the lines of a file', () => {
  // Bytes holding newlines and bytes that are not UTF-8, between two lines.
  const raw = Buffer.from([0x0a, 0xff, 0x00, 0x0a, 0xc3, 0x28, 0x41, 0x0a, 0x0a]);
  const content = Buffer.concat([Buffer.from('head\n'), raw, Buffer.from('\ntail\n')]);

  it.each([1, 2, 5, 8, 4096])(
    'are read whole, whatever the block size (%i bytes), and the lines go on after them',
    async (blockBytes) => {
      const read = await reader(content, blockBytes);
      expect((await read.line())?.text).toBe('head');
      const target = new Uint8Array(raw.length);
      await read.read(target);
      expect(Buffer.from(target)).toEqual(raw);
      expect((await read.line())?.text).toBe('');
      expect((await read.line())?.text).toBe('tail');
      expect(await read.line()).toBeUndefined();
      await read.close();
    },
  );

  it('are refused when the file ends before them', async () => {
    const read = await reader('head\nab', 2);
    await read.line();
    await expect(read.read(new Uint8Array(5))).rejects.toThrow(/ends 3 bytes short/);
    await read.close();
  });
});
