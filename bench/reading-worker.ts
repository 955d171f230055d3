import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadCorpus } from '../src/corpus/load-corpus';

/**
 * One reading measurement in a fresh process (run by `bench/reading.ts`): loads the corpus folder given
 * as the first argument and prints one JSON line: time, passages, peak RSS over the starting RSS, and the
 * longest the main thread's event loop was held up meanwhile (what a question asked during the read waits).
 */
async function main(): Promise<void> {
  const dir = process.argv[2];
  const baseline = process.memoryUsage().rss;
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  const { documents, warnings } = await loadCorpus(dir);
  const ms = performance.now() - started;
  delay.disable();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    `${JSON.stringify({
      ms,
      passages: documents.reduce((sum, document) => sum + document.passages.length, 0),
      warnings: warnings.length,
      peakRssOverBaselineMB: (peakRss - baseline) / 2 ** 20,
      maxLoopDelayMs: delay.max / 1e6,
      p99LoopDelayMs: delay.percentile(99) / 1e6,
    })}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
