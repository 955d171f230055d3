import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { withHeapGrowth } from '../../src/search/heap-growth';

const LOAD = path.join(__dirname, 'support', 'heap-growth-load.ts');

/** Full collections a load of about 200 MB took in a process with a 400 MB old generation. */
function fullCollections(mode: 'plain' | 'grown' | 'after'): number {
  const child = spawnSync(process.execPath, ['--max-old-space-size=400', '--import', 'tsx', LOAD, mode], {
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`the load failed: ${child.stderr}`);
  return Number(child.stdout.trim());
}

describe('loading with the heap allowed to grow', () => {
  it('takes far fewer full collections to load what it keeps, and gives V8 its own growth back after', () => {
    const plain = fullCollections('plain');
    const grown = fullCollections('grown');
    const after = fullCollections('after');
    expect(plain).toBeGreaterThanOrEqual(6);
    expect(grown).toBeLessThanOrEqual(plain / 2);
    // V8 schedules a collection or so differently from one run to the next.
    expect(Math.abs(after - plain)).toBeLessThanOrEqual(1);
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
