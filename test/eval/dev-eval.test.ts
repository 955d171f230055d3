import path from 'node:path';
import { loadEngine } from '../../src/answer/engine';
import { readConversations, runEval } from '../../src/eval/run-eval';

/** The misses of one eval file on the seed corpus. */
async function seedEvalMisses(file: string): Promise<{ misses: string[]; turns: number }> {
  const engine = await loadEngine(path.resolve(__dirname, '../../seeds'));
  const results = runEval(engine, readConversations(path.resolve(__dirname, '../fixtures/eval', file)));
  const misses = results
    .filter((result) => !result.passed)
    .map((r) => `${r.conversation}#${r.turn}: ${r.reason}`);
  return { misses, turns: results.length };
}

// The example conversations are kept in the repo so CI guards them; every turn must pass.
describe('dev eval', () => {
  it('passes every turn of the example conversations', async () => {
    const { misses, turns } = await seedEvalMisses('dev.jsonl');
    expect(misses).toEqual([]);
    expect(turns).toBeGreaterThanOrEqual(17);
  });

  // Who, where, said, lists, relative dates, long questions and off-topic questions with shared words.
  it('passes every turn of the answering conversations', async () => {
    const { misses, turns } = await seedEvalMisses('answering.jsonl');
    expect(misses).toEqual([]);
    expect(turns).toBeGreaterThanOrEqual(15);
  });

  // Paraphrases, synonyms, acronyms, typos, follow-ups and unanswerable questions, written without
  // looking at how coop answers them.
  it('passes every turn of the paraphrase conversations', async () => {
    const { misses, turns } = await seedEvalMisses('paraphrases.jsonl');
    expect(misses).toEqual([]);
    expect(turns).toBeGreaterThanOrEqual(41);
  });
});
