import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type FileLine, fileLines } from '../../src/search/file-lines';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'coop-file-lines-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function linesOf(content: string | Buffer, blockBytes: number): Promise<FileLine[]> {
  const file = path.join(folder, 'lines.txt');
  await writeFile(file, content);
  const lines: FileLine[] = [];
  for await (const line of fileLines(file, blockBytes)) lines.push(line);
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
