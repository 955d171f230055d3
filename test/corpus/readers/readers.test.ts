import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type LoadedCorpus, loadCorpus } from '../../../src/corpus/load-corpus';
import { DEFAULT_READING_LIMITS } from '../../../src/corpus/readers/types';
import type { CorpusDocument } from '../../../src/corpus/types';
import { buildDocx, buildEncryptedPdf, buildPdf, buildScannedPdf } from '../../fixtures/documents';
import { documentText } from '../document-text';

const HANDBOOK = `---
title: Staff handbook
date: 2024-02-01
url: https://intranet.example.com/handbook
owner: people-team
---

# Staff handbook

Welcome to the company. This handbook answers the questions new starters ask most.

## Onboarding

### Laptops

New starters collect a laptop from the IT desk on their first morning.

- Bring photo identification to the desk.
- Set up two-factor sign-in before lunch.

| Role | Laptop |
| --- | --- |
| Engineer | ThinkPad X1 with 32 GB |

\`\`\`sh
${'setup-laptop --profile engineer --verbose '.repeat(20)}
\`\`\`

## Expenses

Claims are filed in the finance portal within thirty days of purchase.
`;

const PAGE = `<!doctype html><html><head>
<title>Office move to Lisbon</title>
<meta property="article:published_time" content="2024-05-06T08:00:00Z">
<link rel="canonical" href="https://news.example.com/office-move">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/jobs">Jobs at the company this week</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience on this site. <button>Accept all</button></div>
<main><article>
<h1>Office move to Lisbon</h1>
<p>The company will move its European office from Porto to Lisbon in September, bringing two hundred staff under one roof near the river.</p>
<h2>Timeline</h2>
<p>Teams move in three waves between September and November, starting with engineering and finishing with finance and legal.</p>
<p>Each wave gets a week of overlap so that nobody is without a desk while furniture is being delivered to the new building.</p>
</article></main>
<footer><p>Copyright 2024 Example News. All rights reserved. Contact the newsroom for corrections.</p></footer>
<script>window.tracking = 'should never be indexed';</script>
</body></html>`;

describe('readers of Markdown, HTML, PDF and Word', () => {
  let dir: string;
  let corpus: LoadedCorpus;
  const doc = (file: string): CorpusDocument => {
    const found = corpus.documents.find((document) => document.file === file);
    if (!found) throw new Error(`${file} not loaded: ${JSON.stringify(corpus.warnings)}`);
    return found;
  };
  const passageWith = (file: string, text: string) =>
    doc(file).passages.find((passage) => passage.sentences.join(' ').includes(text));

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'coop-readers-'));
    writeFileSync(path.join(dir, 'handbook.md'), HANDBOOK);
    writeFileSync(path.join(dir, 'office.html'), PAGE);
    writeFileSync(
      path.join(dir, 'report.pdf'),
      await buildPdf({
        title: 'Annual report 2024',
        header: 'Acme Ltd - Annual report 2024',
        footer: (page, pages) => `Page ${page} of ${pages}`,
        pages: [
          ['Revenue grew by twelve percent in the northern region during the year.'],
          [
            {
              lines: [
                'Staff training covered infor-',
                'mation security and the new expense policy for all teams.',
              ],
            },
          ],
          ['We hired forty engineers in Lisbon and ten in Oslo during the autumn.'],
        ],
      }),
    );
    writeFileSync(
      path.join(dir, 'policy.docx'),
      await buildDocx({
        title: 'Travel policy',
        blocks: [
          { paragraph: 'This policy covers every trip taken for the company.' },
          { heading: 'Booking', level: 1 },
          { heading: 'Trains', level: 2 },
          { paragraph: 'Trains are booked in standard class unless the journey is longer than four hours.' },
          { bullets: ['Book at least two weeks ahead.', 'Keep the receipt for the claim.'] },
          {
            table: [
              ['Journey', 'Class'],
              ['Under four hours', 'Standard'],
              ['Over four hours', 'First'],
            ],
          },
        ],
      }),
    );
    writeFileSync(
      path.join(dir, 'newsletter.pdf'),
      await buildPdf({
        title: 'Staff newsletter',
        columns: 2,
        pages: [
          [
            'The left column opens with news of the canteen, which now serves breakfast from seven.',
            'It goes on with the new bicycle shelter behind the warehouse, open to every member of staff.',
            'The right column reports that the summer party will be held on the roof terrace in July.',
            'It ends with a reminder that tickets for the party are free but must be booked by June.',
          ],
        ],
      }),
    );
    writeFileSync(path.join(dir, 'scan.pdf'), await buildScannedPdf());
    writeFileSync(path.join(dir, 'locked.pdf'), await buildEncryptedPdf());
    writeFileSync(path.join(dir, 'broken.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthe rest was lost');
    writeFileSync(path.join(dir, 'broken.docx'), 'not a zip archive');
    corpus = await loadCorpus(dir);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a PDF page by page, without its running header, footer or page numbers', () => {
    const report = doc('report.pdf');
    expect(report.title).toBe('Annual report 2024');
    expect(report.date).toBe('2024-03-12');
    expect(passageWith('report.pdf', 'forty engineers')?.location).toEqual({ page: 3 });
    expect(passageWith('report.pdf', 'twelve percent')?.location).toEqual({ page: 1 });
    const text = documentText(report);
    expect(text).not.toMatch(/Acme Ltd|Page \d of 3/);
    // The word broken over a line end is whole again.
    expect(text).toContain('covered information security');
  });

  it('reads a two-column PDF page down one column, then the other', () => {
    const text = documentText(doc('newsletter.pdf'));
    const order = ['canteen', 'bicycle shelter', 'summer party', 'tickets'].map((words) =>
      text.indexOf(words),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Read line by line across the page, the columns' sentences would be cut and interleaved.
    expect(text).toContain('serves breakfast from seven.');
    expect(text).toContain('on the roof terrace in July.');
  });

  it('reads Markdown headings as sections, front matter as metadata, tables and code readably', () => {
    const handbook = doc('handbook.md');
    expect(handbook).toMatchObject({
      title: 'Staff handbook',
      date: '2024-02-01',
      url: 'https://intranet.example.com/handbook',
    });
    expect(passageWith('handbook.md', 'IT desk')?.location).toEqual({ headings: ['Onboarding', 'Laptops'] });
    expect(passageWith('handbook.md', 'finance portal')?.location).toEqual({ headings: ['Expenses'] });
    // A passage never spans two sections.
    expect(passageWith('handbook.md', 'finance portal')?.sentences.join(' ')).not.toContain('laptop');
    const text = documentText(handbook);
    expect(text).toContain('Role: Engineer; Laptop: ThinkPad X1 with 32 GB.');
    expect(text).not.toMatch(/people-team|owner/);
    // The code block is kept, shortened: it cannot outweigh the prose around it.
    expect(text).toContain('setup-laptop --profile engineer');
    expect(text.split('setup-laptop').length - 1).toBeLessThan(6);
  });

  it('reads the main content of a web page with its title, date and canonical URL', () => {
    const office = doc('office.html');
    expect(office).toMatchObject({
      title: 'Office move to Lisbon',
      date: '2024-05-06',
      url: 'https://news.example.com/office-move',
    });
    expect(passageWith('office.html', 'three waves')?.location).toEqual({ headings: ['Timeline'] });
    expect(documentText(office)).not.toMatch(/cookies|Jobs at the company|Copyright|tracking/);
  });

  it('reads a Word file with its title, heading path, lists and tables', () => {
    const policy = doc('policy.docx');
    expect(policy.title).toBe('Travel policy');
    expect(passageWith('policy.docx', 'standard class')?.location).toEqual({
      headings: ['Booking', 'Trains'],
    });
    const text = documentText(policy);
    expect(text).toContain('Book at least two weeks ahead.');
    expect(text).toContain('Journey: Over four hours; Class: First.');
  });

  it('skips a scanned, an encrypted and a broken file, each with a warning that says why', () => {
    const warning = (file: string) => corpus.warnings.find((w) => w.file === file)?.message;
    expect(warning('scan.pdf')).toMatch(/skipped: no text layer.*scan.*OCR/);
    expect(warning('locked.pdf')).toMatch(/skipped: encrypted/);
    expect(warning('broken.pdf')).toMatch(/skipped: not a readable PDF/);
    expect(warning('broken.docx')).toMatch(/skipped: not a readable Word file/);
    expect(corpus.documents.map((d) => d.file).sort()).toEqual([
      'handbook.md',
      'newsletter.pdf',
      'office.html',
      'policy.docx',
      'report.pdf',
    ]);
  });

  it('reads only the first PDF_MAX_PAGES pages, saying so, and skips files over the size limit', async () => {
    const limited = await loadCorpus(dir, undefined, {
      limits: { ...DEFAULT_READING_LIMITS, maxPdfPages: 2, maxBytes: 4000 },
    });
    const report = limited.documents.find((d) => d.file === 'report.pdf');
    expect(report && documentText(report)).toContain('twelve percent');
    expect(report && documentText(report)).not.toContain('forty engineers');
    expect(limited.warnings.find((w) => w.file === 'report.pdf')?.message).toMatch(/first 2 of 3 pages/);
    expect(limited.warnings.find((w) => w.file === 'policy.docx')?.message).toMatch(/over the .* MB limit/);
  });

  it('gives up on a file still being read after the timeout, with a warning', async () => {
    const timed = await loadCorpus(dir, undefined, {
      limits: { ...DEFAULT_READING_LIMITS, timeoutMs: 1 },
    });
    expect(timed.warnings.find((w) => w.file === 'report.pdf')?.message).toMatch(/still being read after/);
    expect(timed.documents.map((d) => d.file)).toEqual([]);
  });

  it('names a document without a title after its file, and links it under CORPUS_URL', async () => {
    const plain = mkdtempSync(path.join(os.tmpdir(), 'coop-readers-'));
    try {
      writeFileSync(
        path.join(plain, 'notes on q3.md'),
        'Quarterly numbers were better than the board expected in every region.\n',
      );
      const { documents } = await loadCorpus(plain, undefined, {
        corpusUrl: 'https://files.example.com/docs/',
      });
      expect(documents[0]).toMatchObject({
        title: 'notes on q3',
        url: 'https://files.example.com/docs/notes%20on%20q3.md',
      });
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
