import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadEngine } from '../answer/engine';
import { REPLY_HEAD_CHARS, readConversations, runEval } from '../eval/run-eval';
import { createLogger } from '../logging/logger';
import { type CommandOutput, runCommand } from './command';

/** A module that writes an eval's corpus into a folder (`test/fixtures/eval/NAME-corpus.ts`). */
interface CorpusBuilder {
  buildCorpus(dir: string): Promise<void>;
}

/**
 * `npm run eval -- [file.jsonl | --fixture NAME] [--corpus DIR] [--verbose]`: asks every conversation of an
 * eval file and prints each miss (each turn with `--verbose`), then `eval: N passed, M failed`. Resolves
 * with the exit code: 0, or 1 when a turn fails. Throws when there is no eval file.
 *
 * The corpus is `--corpus`, else `corpusDir` (`CORPUS_DIR`), else `seeds/`. `--fixture NAME` runs
 * `test/fixtures/eval/NAME.jsonl` on the corpus that `test/fixtures/eval/NAME-corpus.ts` builds into a
 * temporary folder (removed afterwards), e.g. `--fixture mixed` for the PDF, Word, HTML and Markdown corpus.
 */
export async function evaluate(
  args: string[],
  corpusDir: string | undefined,
  output: CommandOutput,
): Promise<number> {
  const verbose = args.includes('--verbose');
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const root = path.resolve(__dirname, '../..');
  const fixture = option('--fixture');
  const fixtures = path.join(root, 'test/fixtures/eval');
  const positional = args.find(
    (arg, i) => !arg.startsWith('--') && !args[i - 1]?.match(/^--(fixture|corpus)$/),
  );
  const candidates = [
    fixture ? path.join(fixtures, `${fixture}.jsonl`) : positional,
    path.resolve(root, 'test/fixtures/eval/dev.jsonl'),
  ].filter((file): file is string => Boolean(file));
  const file = fixture ? candidates[0] : candidates.find((candidate) => existsSync(candidate));
  if (!file || !existsSync(file)) throw new Error(`no eval file found (looked for ${candidates.join(', ')})`);

  const builder = fixture ? path.join(fixtures, `${fixture}-corpus.ts`) : undefined;
  const built =
    builder && existsSync(builder)
      ? await mkdtemp(path.join(os.tmpdir(), `coop-eval-${fixture}-`))
      : undefined;
  try {
    if (builder && built) await ((await import(builder)) as CorpusBuilder).buildCorpus(built);
    const corpus = built ?? option('--corpus') ?? corpusDir ?? path.join(root, 'seeds');
    const engine = await loadEngine(corpus, { logger: createLogger('warn') });
    const results = runEval(engine, readConversations(file));
    for (const result of results) {
      if (result.passed && !verbose) continue;
      const mark = result.passed ? 'pass' : 'MISS';
      output.print(`${mark} ${result.conversation}#${result.turn} ${result.question}`);
      if (!result.passed) output.print(`  ${result.reason}`);
      output.print(`${result.reply.slice(0, REPLY_HEAD_CHARS).replace(/^/gm, '    ')}\n`);
    }
    const passed = results.filter((result) => result.passed).length;
    output.print(`eval: ${passed} passed, ${results.length - passed} failed`);
    return passed === results.length ? 0 : 1;
  } finally {
    if (built) await rm(built, { recursive: true, force: true });
  }
}

if (require.main === module)
  runCommand((output) => evaluate(process.argv.slice(2), process.env.CORPUS_DIR, output));
