import path from 'node:path';
import { loadEngine } from '../answer/engine';
import { answerPlainText } from '../answer/plain-text';
import { createLogger } from '../logging/logger';

/**
 * `npm run ask -- "question" ["follow-up" ...] [--explain]`: answers a question (later arguments are follow-ups in
 * the same conversation) from `CORPUS_DIR` (default `seeds/`) and prints each answer with citations.
 */
async function main(): Promise<void> {
  process.env.DOTENV_CONFIG_QUIET = 'true';
  const explain = process.argv.includes('--explain');
  const questions = process.argv.slice(2).filter((arg) => arg.trim() !== '' && arg !== '--explain');
  if (questions.length === 0) {
    console.error('usage: npm run ask -- "who launched TSI" ["and when?" ...]');
    process.exitCode = 2;
    return;
  }
  const engine = await loadEngine(process.env.CORPUS_DIR ?? path.resolve(__dirname, '../../seeds'), {
    logger: createLogger('warn'),
  });
  const history: string[] = [];
  for (const question of questions) {
    const answer = engine.answer(question, { history: [...history] });
    history.push(question);
    if (questions.length > 1) console.log(`> ${question}`);
    console.log(`${answerPlainText(answer)}\n`);
    if (explain) console.log(`${engine.explain(question, { history: history.slice(0, -1) })}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
