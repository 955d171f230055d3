import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * How much V8 lets the old generation grow past what a full collection left, while {@link withHeapGrowth}
 * runs: 300% (four times as large). V8's own factor depends on the heap's limit: under the
 * `--max-old-space-size` the README gives a corpus of 100k passages (300 MB), a third to a half.
 */
const LOADING_HEAP_GROWTH_PERCENT = 300;

/** Growth of the used heap over a load past which a full collection is due once it ends: 32 MB. */
const COLLECT_AFTER_GROWTH_BYTES = 32 * 1024 * 1024;

let loadsRunning = 0;
/** Whether a load grew the heap enough to want the collection {@link collectAfterLoading} starts. */
let collectionDue = false;

/**
 * Runs `load` with the heap allowed to grow {@link LOADING_HEAP_GROWTH_PERCENT} between full
 * collections, then gives V8 back its own growth once no load is running. While an index loads nearly
 * everything allocated is kept, so each full collection marks all that was loaded so far and frees little:
 * at a third more each time, a 100k-passage snapshot went through eight, a quarter of its load. A load
 * that grew the heap past {@link COLLECT_AFTER_GROWTH_BYTES} leaves a full collection due
 * ({@link collectAfterLoading}).
 */
export async function withHeapGrowth<T>(load: () => Promise<T>): Promise<T> {
  const before = getHeapStatistics().used_heap_size;
  if (loadsRunning++ === 0) setFlagsFromString(`--heap-growing-percent=${LOADING_HEAP_GROWTH_PERCENT}`);
  try {
    return await load();
  } finally {
    if (--loadsRunning === 0) {
      // 0 is V8's default: its own factor, from the heap's limit and how fast it collects.
      setFlagsFromString('--heap-growing-percent=0');
    }
    if (getHeapStatistics().used_heap_size - before > COLLECT_AFTER_GROWTH_BYTES) collectionDue = true;
  }
}

/**
 * Starts the full collection a load left due ({@link withHeapGrowth}), if any, marking alongside the
 * program. It frees what the load left (the lines it parsed) and sets the heap's next limit by V8's own
 * growth, rather than leaving a limit four times what was kept for the answers to fill (the bot's RSS
 * after 300 answers at 100k passages reached 403 MB without it, 363 to 372 with it). Called once the
 * index loaded is in use: a bot calls it once listening, as its share of the main thread (0.15 s at
 * 100k passages) would otherwise come before.
 */
export function collectAfterLoading(): void {
  if (!collectionDue) return;
  collectionDue = false;
  collectGarbage();
}

let fullCollection: ((options: { type: 'major'; execution: 'async' }) => unknown) | undefined;

/**
 * Starts a full collection that marks alongside the program: V8's `gc`, exposed once for a context of
 * its own.
 */
function collectGarbage(): void {
  if (fullCollection === undefined) {
    setFlagsFromString('--expose-gc');
    fullCollection = runInNewContext('gc') as typeof fullCollection;
    // Only that context: contexts made later (a reader's page) get no `gc`.
    setFlagsFromString('--no-expose-gc');
  }
  fullCollection?.({ type: 'major', execution: 'async' });
}
