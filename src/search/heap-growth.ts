import { setFlagsFromString } from 'node:v8';

/**
 * How much V8 lets the old generation grow past what a full collection left, while {@link withHeapGrowth}
 * runs: 300% (four times as large). V8's own factor depends on the heap's limit: under the
 * `--max-old-space-size` the README gives a corpus of 100k passages (300 MB), a third to a half.
 */
export const LOADING_HEAP_GROWTH_PERCENT = 300;

let loadsRunning = 0;

/**
 * Runs `load` with the heap allowed to grow {@link LOADING_HEAP_GROWTH_PERCENT} between full
 * collections, then gives V8 back its own growth once no load is running. While an index loads nearly
 * everything allocated is kept, so each full collection marks all that was loaded so far and frees little:
 * at a third more each time, a 100k-passage snapshot went through eight, a quarter of its load.
 */
export async function withHeapGrowth<T>(load: () => Promise<T>): Promise<T> {
  if (loadsRunning++ === 0) setFlagsFromString(`--heap-growing-percent=${LOADING_HEAP_GROWTH_PERCENT}`);
  try {
    return await load();
  } finally {
    // 0 is V8's default: its own factor, from the heap's limit and how fast it collects.
    if (--loadsRunning === 0) setFlagsFromString('--heap-growing-percent=0');
  }
}
