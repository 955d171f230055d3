import {
  constants,
  type NodeGCPerformanceDetail,
  type PerformanceEntry,
  PerformanceObserver,
} from 'node:perf_hooks';
import { collectAfterLoading, withHeapGrowth } from '../../../src/search/heap-growth';

/**
 * Run by `heap-growth.test.ts` under a 400 MB old generation: keeps about 200 MB of parsed objects, as a
 * snapshot's load does, and prints how many full collections it took until it ended and the heap used a
 * moment after it, in MB. `grown` loads inside `withHeapGrowth`, then starts the collection it left due;
 * `after` loads once a `withHeapGrowth` call has finished; `plain` loads as it is.
 */
const mode = process.argv[2] ?? 'plain';
let fullCollections = 0;
let collectionsWhileLoading = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const { detail } = entry as PerformanceEntry & { detail?: NodeGCPerformanceDetail };
    if (detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) fullCollections++;
  }
}).observe({ entryTypes: ['gc'] });

const kept: unknown[] = [];
async function load(): Promise<void> {
  for (let chunk = 0; chunk < 60; chunk++) {
    // The text parsed is garbage once parsed, as a snapshot's lines are.
    const text = JSON.stringify(
      Array.from({ length: 20000 }, (_, i) => ({ id: `p${chunk}-${i}`, words: ['a', String(i)] })),
    );
    kept.push(JSON.parse(text));
    await new Promise((resolve) => setImmediate(resolve));
  }
  // The observer reports collections a turn of the event loop later.
  await new Promise((resolve) => setTimeout(resolve, 20));
  collectionsWhileLoading = fullCollections;
}

async function main(): Promise<void> {
  if (mode === 'grown') {
    await withHeapGrowth(load);
    collectAfterLoading();
  } else {
    if (mode === 'after') await withHeapGrowth(async () => undefined);
    await load();
  }
  // Time for a collection started as the load ended (it marks while the program runs) to finish.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const usedMB = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  process.stdout.write(`${JSON.stringify({ collectionsWhileLoading, usedMB })}\n`);
}

void main();
