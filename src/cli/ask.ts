import path from 'node:path';
import { loadEngine } from '../answer/engine';
import { answerPlainText } from '../answer/plain-text';
import { createLogger } from '../logging/logger';
import { type CommandOutput, runCommand } from './command';

/** The folder `npm run ask` answers from when `CORPUS_DIR` is not set. */
const SEEDS = path.resolve(__dirname, '../../seeds');

/**
 * `npm run ask -- "question" ["follow-up" ...] [--explain]`: answers a question (later arguments are
 * follow-ups in the same conversation) from `corpusDir` and prints each answer with its citations, and
 * with `--explain` how the engine read and ranked it. Resolves with the exit code: 0, or 2 for usage.
 */
export async function ask(args: string[], corpusDir: string, output: CommandOutput): Promise<number> {
  const explain = args.includes('--explain');
  const questions = args.filter((arg) => arg.trim() !== '' && arg !== '--explain');
  if (questions.length === 0) {
    output.error('usage: npm run ask -- "who launched TSI" ["and when?" ...]');
    return 2;
  }
  const engine = await loadEngine(corpusDir, { logger: createLogger('warn') });
  const history: string[] = [];
  for (const question of questions) {
    const answer = engine.answer(question, { history: [...history] });
    history.push(question);
    if (questions.length > 1) output.print(`> ${question}`);
    output.print(`${answerPlainText(answer)}\n`);
    if (explain) output.print(`${engine.explain(question, { history: history.slice(0, -1) })}\n`);
  }
  return 0;
}

if (require.main === module)
  runCommand((output) => ask(process.argv.slice(2), process.env.CORPUS_DIR ?? SEEDS, output));
