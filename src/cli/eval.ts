import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadEngine } from '../answer/engine';
import { readConversations, runEval } from '../eval/run-eval';
import { createLogger } from '../logging/logger';

/**
 * `npm run eval -- [file.jsonl] [--verbose]`: asks every conversation of an eval file and prints each
 * miss, then `eval: N passed, M failed`. Exits 1 when a turn fails.
 */
async function main(): Promise<void> {
  process.env.DOTENV_CONFIG_QUIET = 'true';
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const root = path.resolve(__dirname, '../..');
  const candidates = [
    args.find((arg) => !arg.startsWith('--')),
    path.resolve(root, '../shared/eval/dev.jsonl'),
    path.resolve(root, 'test/fixtures/eval/dev.jsonl'),
  ].filter((file): file is string => Boolean(file));
  const file = candidates.find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`no eval file found (looked for ${candidates.join(', ')})`);

  const engine = await loadEngine(process.env.CORPUS_DIR ?? path.join(root, 'seeds'), {
    logger: createLogger('warn'),
  });
  const results = runEval(engine, readConversations(file));
  for (const result of results) {
    if (result.passed && !verbose) continue;
    const mark = result.passed ? 'pass' : 'MISS';
    console.log(`${mark} ${result.conversation}#${result.turn} ${result.question}`);
    if (!result.passed) console.log(`  ${result.reason}`);
    console.log(`${result.reply.slice(0, 700).replace(/^/gm, '    ')}\n`);
  }
  const passed = results.filter((result) => result.passed).length;
  console.log(`eval: ${passed} passed, ${results.length - passed} failed`);
  process.exitCode = passed === results.length ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
