/**
 * A bot process reduced to its corpus: opens a live engine on a folder (argv[2]; snapshots in argv[3] when
 * given), logs to stderr as the bot does, prints `{"ready":true}`, then answers one JSON question a line
 * from stdin with one JSON line on stdout. Run by {@link LiveCorpusProcess}, possibly as another user.
 */
import readline from 'node:readline';
import { LiveEngine } from '../../../src/answer/live-engine';
import { createLogger } from '../../../src/logging/logger';

async function main(): Promise<void> {
  const [dir, snapshotDir] = process.argv.slice(2);
  if (!dir) throw new Error('usage: live-corpus-main <corpus dir> [snapshot dir]');
  const engine = await LiveEngine.open(dir, {
    logger: createLogger('info', process.stderr),
    snapshotDir: snapshotDir || undefined,
    watch: { debounceMs: 100, recheckMs: 200, rescanMs: Number(process.env.COOP_TEST_RESCAN_MS ?? 0) },
  });
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
  for await (const line of readline.createInterface({ input: process.stdin })) {
    const answer = engine.answer((JSON.parse(line) as { question: string }).question);
    const files = answer.passages.flatMap((passage) => passage.citations.map((citation) => citation.file));
    process.stdout.write(`${JSON.stringify({ answered: answer.answered, files })}\n`);
  }
  engine.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
