import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { withHeapGrowth } from '../../src/search/heap-growth';

const LOAD = path.join(__dirname, 'support', 'heap-growth-load.ts');

/**
 * A load of about 200 MB in a process with a 400 MB old generation: the full collections it took, and
 * the heap used a moment after it ended (MB).
 */
function load(mode: 'plain' | 'grown' | 'after'): { collectionsWhileLoading: number; usedMB: number } {
  const child = spawnSync(process.execPath, ['--max-old-space-size=400', '--import', 'tsx', LOAD, mode], {
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`the load failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

describe('loading with the heap allowed to grow', () => {
  it('takes far fewer full collections, frees what the load left, and gives V8 its own growth back after', () => {
    const plain = load('plain');
    const grown = load('grown');
    const after = load('after');
    expect(plain.collectionsWhileLoading).toBeGreaterThanOrEqual(5);
    // Two to three against five to eight.
    expect(grown.collectionsWhileLoading).toBeLessThanOrEqual(plain.collectionsWhileLoading - 2);
    // Left to grow fourfold with no collection at the end, the text parsed was still held: 50 to 75 MB more.
    expect(grown.usedMB).toBeLessThanOrEqual(plain.usedMB);
    // Once a load with the heap grown has ended, another takes as many collections as V8 makes it.
    expect(after.collectionsWhileLoading).toBeGreaterThanOrEqual(grown.collectionsWhileLoading + 2);
  });

  it('resolves with what the load resolves with, and rejects with its error', async () => {
    await expect(withHeapGrowth(async () => 42)).resolves.toBe(42);
    await expect(
      withHeapGrowth(async () => {
        throw new Error('snapshot unreadable');
      }),
    ).rejects.toThrow('snapshot unreadable');
  });
});
