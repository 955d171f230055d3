import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEngine } from '../../src/answer/engine';
import { readConversations, runEval } from '../../src/eval/run-eval';
import { buildCorpus } from '../fixtures/eval/mixed-corpus';

// The mixed corpus (PDF, Word, HTML, Markdown) is built at test time; every answer must cite the page or
// heading path it comes from.
describe('mixed-format eval', () => {
  it('passes every turn, with the location in the first citation', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'coop-eval-mixed-'));
    try {
      await buildCorpus(dir);
      const engine = await loadEngine(dir);
      const conversations = readConversations(path.resolve(__dirname, '../fixtures/eval/mixed.jsonl'));
      const results = runEval(engine, conversations);
      const misses = results
        .filter((result) => !result.passed)
        .map((r) => `${r.conversation}#${r.turn}: ${r.reason}`);
      expect(misses).toEqual([]);
      const located = conversations.flatMap((c) => c.turns).filter((turn) => turn.location);
      expect(located.length).toBeGreaterThanOrEqual(10);
      expect(engine.documents().map((doc) => doc.file)).toEqual([
        'annual-report-2024.pdf',
        'handbook.md',
        'office-move.html',
        'travel-policy.docx',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
