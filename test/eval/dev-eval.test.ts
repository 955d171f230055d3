import path from 'node:path';
import { loadEngine } from '../../src/answer/engine';
import { readConversations, runEval } from '../../src/eval/run-eval';

// The example conversations are kept in the repo so CI guards them; every turn must pass.
describe('dev eval', () => {
  it('passes every turn of the example conversations', async () => {
    const engine = await loadEngine(path.resolve(__dirname, '../../seeds'));
    const results = runEval(engine, readConversations(path.resolve(__dirname, '../fixtures/eval/dev.jsonl')));
    const misses = results
      .filter((result) => !result.passed)
      .map((r) => `${r.conversation}#${r.turn}: ${r.reason}`);
    expect(misses).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(17);
  });
});
