import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEngine } from '../../src/answer/engine';
import { composeDigest } from '../../src/digest/compose-digest';
import { buildDocx, buildPdf } from '../fixtures/documents';

it('the digest names new PDF and Word documents like any other, with their key sentence', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'coop-digest-formats-'));
  try {
    writeFileSync(
      path.join(dir, 'report.pdf'),
      await buildPdf({
        title: 'Annual report',
        pages: [['Revenue grew by twelve percent in the northern region during the year.']],
      }),
    );
    writeFileSync(
      path.join(dir, 'policy.docx'),
      await buildDocx({
        title: 'Travel policy',
        blocks: [
          { paragraph: 'Trains are booked in standard class unless the journey is longer than four hours.' },
        ],
      }),
    );
    writeFileSync(
      path.join(dir, 'note.txt'),
      'Canteen news\n\nThe canteen now opens at eight in the morning on weekdays.\n',
    );
    const engine = await loadEngine(dir);
    const now = new Date();
    const digest = composeDigest({
      day: now.toISOString().slice(0, 10),
      timeZone: 'UTC',
      now,
      documents: engine.documents(),
      since: new Date(0),
      events: [],
    });
    expect(digest.newDocuments.map((doc) => [doc.file, doc.title])).toEqual(
      expect.arrayContaining([
        ['report.pdf', 'Annual report'],
        ['policy.docx', 'Travel policy'],
        ['note.txt', 'Canteen news'],
      ]),
    );
    const report = digest.newDocuments.find((doc) => doc.file === 'report.pdf');
    expect(JSON.stringify(report)).toContain('twelve percent');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
