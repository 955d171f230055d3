import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { citationSource, citationUrl, formatLocation } from '../../src/answer/citation-location';
import { loadEngine } from '../../src/answer/engine';
import { buildPdf } from '../fixtures/documents';

describe('citation locations', () => {
  it('formats a page and a heading path as a reader checks them', () => {
    expect(formatLocation({ page: 12 })).toBe('p. 12');
    expect(formatLocation({ headings: ['Onboarding', 'Laptops'] })).toBe('Onboarding › Laptops');
    expect(formatLocation(undefined)).toBeUndefined();
    expect(citationSource({ file: 'report.pdf', location: { page: 12 } })).toBe('report.pdf · p. 12');
    expect(citationSource({ file: 'handbook.md', location: { headings: ['Onboarding', 'Laptops'] } })).toBe(
      'handbook.md › Onboarding › Laptops',
    );
    expect(citationSource({ file: 'news.txt' })).toBe('news.txt');
  });

  it('names no location for an empty heading path, and prefers the page when a passage has both', () => {
    expect(formatLocation({ headings: [] })).toBeUndefined();
    expect(citationSource({ file: 'notes.md', location: { headings: [] } })).toBe('notes.md');
    expect(formatLocation({ page: 3, headings: ['Results'] })).toBe('p. 3');
    expect(citationSource({ file: 'report.pdf', location: { page: 3, headings: ['Results'] } })).toBe(
      'report.pdf · p. 3',
    );
  });

  it('shows the file as the caller names it (a link, a shortened name) with the location after it', () => {
    expect(citationSource({ file: 'report.pdf', location: { page: 7 } }, '<link|report.pdf>')).toBe(
      '<link|report.pdf> · p. 7',
    );
    expect(citationSource({ file: 'guide.md', location: { headings: ['Setup'] } }, 'GUIDE')).toBe(
      'GUIDE › Setup',
    );
  });

  it('opens a PDF link at the quoted page, and leaves other links as they are', () => {
    expect(citationUrl({ url: 'https://files.example.com/report.pdf', location: { page: 12 } })).toBe(
      'https://files.example.com/report.pdf#page=12',
    );
    expect(citationUrl({ url: 'https://intranet.example.com/handbook', location: { headings: ['A'] } })).toBe(
      'https://intranet.example.com/handbook',
    );
    expect(citationUrl({ location: { page: 3 } })).toBeUndefined();
    expect(citationUrl({ url: 'https://example.com/news.txt' })).toBe('https://example.com/news.txt');
  });

  it('keeps a link that already points inside the document', () => {
    expect(citationUrl({ url: 'https://example.com/report.pdf#section-2', location: { page: 5 } })).toBe(
      'https://example.com/report.pdf#section-2',
    );
  });
});

describe('answers from PDF and Markdown', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'coop-cite-'));
    writeFileSync(
      path.join(dir, 'report.pdf'),
      await buildPdf({
        title: 'Annual report',
        pages: [
          ['Revenue grew by twelve percent in the northern region during the year.'],
          ['The company opened a new warehouse in Rotterdam to serve Dutch customers faster.'],
        ],
      }),
    );
    writeFileSync(
      path.join(dir, 'handbook.md'),
      '# Handbook\n\n## Onboarding\n\n### Laptops\n\nNew starters collect a laptop from the IT desk on their first morning.\n',
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('cite the page or the heading path of the passage quoted, with a link under CORPUS_URL', async () => {
    const engine = await loadEngine(dir, { reading: { corpusUrl: 'https://files.example.com/' } });
    const warehouse = engine.answer('Where did the company open a new warehouse?');
    expect(warehouse.passages[0]?.citations[0]).toMatchObject({
      file: 'report.pdf',
      location: { page: 2 },
      url: 'https://files.example.com/report.pdf',
    });
    const laptop = engine.answer('How do new starters get a laptop?');
    expect(laptop.passages[0]?.citations[0]).toMatchObject({
      file: 'handbook.md',
      title: 'Handbook',
      location: { headings: ['Onboarding', 'Laptops'] },
    });
  });
});
