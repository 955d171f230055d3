import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LiveEngine } from '../../src/answer/live-engine';
import { eventually } from '../corpus/eventually';
import { buildPdf } from '../fixtures/documents';

const report = (city: string) =>
  buildPdf({
    title: 'Expansion report',
    pages: [
      ['The board reviewed the budget for the coming year and approved it without changes.'],
      [`The company will open its next regional office in ${city} in the spring.`],
    ],
  });

describe('a PDF in a watched corpus', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'coop-live-pdf-'));
    await writeFile(path.join(dir, 'report.pdf'), await report('Lisbon'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is read again when it changes, and the new text is cited at its page', async () => {
    const live = await LiveEngine.open(dir, { watch: { debounceMs: 50 } });
    const office = () => live.answer('Where will the company open its next regional office?').passages[0];
    try {
      expect(office()?.sentences.join(' ')).toContain('Lisbon');
      await writeFile(path.join(dir, 'report.pdf'), await report('Tallinn'));
      await eventually(() => office()?.sentences.join(' ').includes('Tallinn') ?? false, 30_000);
      expect(office()?.citations[0]).toMatchObject({ file: 'report.pdf', location: { page: 2 } });
    } finally {
      live.close();
    }
  }, 60_000);
});
