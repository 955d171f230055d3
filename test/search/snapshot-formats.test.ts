import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CorpusEngine } from '../../src/answer/engine';
import { loadOrBuildIndex } from '../../src/search/index-snapshot';
import { buildPdf } from '../fixtures/documents';

it('a snapshot keeps each passage page and heading path, and the document URLs', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'coop-snapshot-formats-'));
  const data = mkdtempSync(path.join(os.tmpdir(), 'coop-snapshot-data-'));
  try {
    writeFileSync(
      path.join(dir, 'report.pdf'),
      await buildPdf({
        pages: [
          ['The board reviewed the budget for the coming year and approved it.'],
          ['The company will open a regional office in Tallinn in the spring.'],
        ],
      }),
    );
    writeFileSync(
      path.join(dir, 'handbook.md'),
      '---\nurl: https://intranet.example.com/handbook\n---\n\n## Expenses\n\nClaims are filed in the finance portal within thirty days.\n',
    );
    const reading = { corpusUrl: 'https://files.example.com/' };
    const built = await loadOrBuildIndex(dir, { snapshotDir: data, reading });
    const loaded = await loadOrBuildIndex(dir, { snapshotDir: data, reading });
    expect([built.source, loaded.source]).toEqual(['built', 'snapshot']);
    const engine = new CorpusEngine(loaded.index);
    expect(
      engine.answer('Where will the company open a regional office?').passages[0]?.citations[0],
    ).toMatchObject({
      location: { page: 2 },
      url: 'https://files.example.com/report.pdf',
    });
    expect(engine.answer('How are claims filed?').passages[0]?.citations[0]).toMatchObject({
      location: { headings: ['Expenses'] },
      url: 'https://intranet.example.com/handbook',
    });
    // Other reading settings index differently, so they do not reuse this snapshot.
    const other = await loadOrBuildIndex(dir, {
      snapshotDir: data,
      reading: { corpusUrl: 'https://elsewhere.example/' },
    });
    expect(other.source).toBe('built');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  }
});
