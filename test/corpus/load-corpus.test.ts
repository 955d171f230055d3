import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assembleContents, assembleDocuments, CorpusError, loadCorpus } from '../../src/corpus/load-corpus';
import type { CorpusWarning } from '../../src/corpus/read-corpus';
import { corpusFile, documentText } from './document-text';

const story = (topic: string) =>
  `Officials met on Monday to discuss ${topic} and agreed to meet again next month.`;

const file = corpusFile;

describe('loadCorpus', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'coop-load-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a corpus path that is a file, saying what to point it at', async () => {
    const notAFolder = path.join(dir, 'corpus.txt');
    writeFileSync(notAFolder, story('trade'));
    const error = await loadCorpus(notAFolder).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CorpusError);
    expect(error).toMatchObject({
      code: 'coop_corpus_unreadable',
      message: `CORPUS_DIR ${notAFolder} is not a folder: point it at a folder of .txt or .md files.`,
    });
  });

  it('names the system error when the corpus folder is missing', async () => {
    const missing = path.join(dir, 'missing');
    await expect(loadCorpus(missing)).rejects.toThrow(
      `CORPUS_DIR ${missing} cannot be read (ENOENT): point it at a folder of .txt or .md files.`,
    );
  });

  it('loads every file of a corpus larger than one reading batch, with its title, date and file facts', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `story-${String(i).padStart(2, '0')}.txt`);
    for (const [i, name] of names.entries())
      writeFileSync(
        path.join(dir, name),
        `Headline ${i}\n2023-06-${String(i + 1).padStart(2, '0')}\n${story(`topic ${i}`)}`,
      );
    const { documents, warnings } = await loadCorpus(dir);
    expect(warnings).toEqual([]);
    expect(documents.map((d) => d.file)).toEqual(names);
    expect(documents[19]).toMatchObject({
      title: 'Headline 19',
      date: '2023-06-20',
      size: Buffer.byteLength(`Headline 19\n2023-06-20\n${story('topic 19')}`),
      contentHash: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    expect(documents[19]?.mtimeMs).toBeGreaterThan(0);
    expect(documents[19]?.passages[0]).toMatchObject({ id: 'story-19.txt#0', position: 0 });
  });

  it('links each document to the corpus URL plus its path, and to nothing without one', async () => {
    mkdirSync(path.join(dir, 'press releases'));
    writeFileSync(path.join(dir, 'press releases', 'trade talks.txt'), `Trade talks\n${story('trade')}`);
    const linked = await loadCorpus(dir, undefined, { corpusUrl: 'https://docs.example.com/corpus/' });
    expect(linked.documents[0]?.url).toBe(
      'https://docs.example.com/corpus/press%20releases/trade%20talks.txt',
    );
    const unlinked = await loadCorpus(dir);
    expect(unlinked.documents[0]).not.toHaveProperty('url');
  });

  it('logs each warning with the file it names', async () => {
    writeFileSync(path.join(dir, 'good.txt'), `Headline\n${story('trade')}`);
    writeFileSync(path.join(dir, 'empty.txt'), '');
    const warn = jest.fn();
    await loadCorpus(dir, { debug() {}, info() {}, warn, error() {} });
    expect(warn.mock.calls).toEqual([['corpus: empty.txt: skipped: empty']]);
  });

  it('titles a Markdown file without a heading by its file name, and drops its one-word paragraphs', async () => {
    mkdirSync(path.join(dir, 'notes'));
    writeFileSync(path.join(dir, 'notes', 'team-meeting.md'), `${story('hiring')}\n\nThanks\n`);
    const { documents } = await loadCorpus(dir);
    expect(documents[0]?.title).toBe('team-meeting');
    expect(documentText(documents[0] ?? { passages: [] })).toBe(story('hiring'));
  });
});

describe('assembleDocuments', () => {
  const signOff = 'Reporting by the newsroom staff and edited for the daily wire service today.';
  const corpus = (count: number, signedOff: number) =>
    Array.from({ length: count }, (_, i) =>
      file(`${i}.txt`, `Headline ${i}\n${story(`topic ${i}`)}${i < signedOff ? `\n${signOff}` : ''}`),
    );
  const signedOffCount = (count: number, signedOff: number) =>
    assembleDocuments(corpus(count, signedOff)).filter((document) =>
      documentText(document).includes('newsroom'),
    ).length;

  it('keeps a paragraph shared by two documents', () => {
    expect(signedOffCount(2, 2)).toBe(2);
  });

  it('in a large corpus, drops a paragraph only once 2% of the documents share it', () => {
    // 200 documents: 2% is 4, above the floor of 3.
    expect(signedOffCount(200, 3)).toBe(3);
    expect(signedOffCount(200, 4)).toBe(0);
  });

  it('counts a paragraph once per document, however often one document repeats it', () => {
    // A handbook repeating its contact line under three headings is one document, not three.
    const contact = 'Questions go to the help desk on the second floor, open every weekday.';
    const page = (heading: string) => ({
      location: { headings: [heading] },
      paragraphs: [
        { text: story(heading), isListItem: false },
        { text: contact, isListItem: false },
      ],
    });
    const [handbook] = assembleContents([
      {
        meta: { file: 'handbook.md', size: 1, mtimeMs: 0, contentHash: 'h' },
        content: { title: 'Handbook', sections: [page('laptops'), page('travel'), page('payroll')] },
      },
    ]);
    expect(handbook?.passages.map((passage) => passage.location?.headings)).toEqual([
      ['laptops'],
      ['travel'],
      ['payroll'],
    ]);
    expect(handbook ? documentText(handbook) : '').toContain(contact);
  });

  it('skips a document left with nothing to quote, with a warning naming it', () => {
    const warnings: CorpusWarning[] = [];
    const documents = assembleDocuments(
      [file('a.txt', `A\n${story('trade')}`), file('menu.txt', 'Home\nNews\nContact us')],
      warnings,
    );
    expect(documents.map((d) => d.file)).toEqual(['a.txt']);
    expect(warnings).toEqual([
      { file: 'menu.txt', message: 'skipped: no readable prose (only headlines or boilerplate)' },
    ]);
  });

  it('numbers passages in order within their document', () => {
    const long = Array.from({ length: 12 }, (_, i) => story(`subject number ${i}`)).join('\n\n');
    const [document] = assembleDocuments([file('long.txt', `Headline\n\n${long}`)]);
    expect(document?.passages.length).toBeGreaterThan(1);
    expect(document?.passages.map((p) => [p.id, p.position])).toEqual(
      document?.passages.map((_, i) => [`long.txt#${i}`, i]),
    );
  });
});
