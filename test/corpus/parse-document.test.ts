import { assembleDocuments, loadCorpus } from '../../src/corpus/load-corpus';
import { parseDocument } from '../../src/corpus/parse-document';
import type { CorpusFile } from '../../src/corpus/read-corpus';
import { splitSentences } from '../../src/corpus/sentences';
import { documentText } from './document-text';

describe('splitSentences', () => {
  it('does not break after initials, titles or initialisms', () => {
    expect(
      splitSentences('Dr G. Satheesh Reddy spoke first. Then Ambassador P.S. Raghavan replied.'),
    ).toEqual(['Dr G. Satheesh Reddy spoke first.', 'Then Ambassador P.S. Raghavan replied.']);
    expect(splitSentences('Sir Tim Barrow met the U.S. side on Monday. Talks went well.')).toHaveLength(2);
  });

  it('keeps titles and company abbreviations inside their sentence', () => {
    // Each period after "Gen", "Dr" and "Inc" is followed by a capital, which would otherwise end a sentence.
    expect(
      splitSentences(
        'Talks began on Monday. The delegation was led by Gen. Manoj Pande and Dr. Jones of Acme Inc. They met for two hours.',
      ),
    ).toEqual([
      'Talks began on Monday.',
      'The delegation was led by Gen. Manoj Pande and Dr. Jones of Acme Inc. They met for two hours.',
    ]);
    expect(splitSentences('It was signed by Mr. Smith and Prof. Rao on Jan. 5 at St. Paul.')).toHaveLength(1);
  });

  it('reads "No." as an abbreviation only before a number', () => {
    expect(splitSentences('The answer was No. Talks ended.')).toEqual(['The answer was No.', 'Talks ended.']);
    expect(splitSentences('He lives at No. 10 Downing Street.')).toHaveLength(1);
  });

  it('ends a sentence after an initialism when a new sentence clearly starts', () => {
    expect(splitSentences('He flew to the U.S. The talks began.')).toEqual([
      'He flew to the U.S.',
      'The talks began.',
    ]);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(splitSentences('“It is doable.” The minister smiled.')).toEqual([
      '“It is doable.”',
      'The minister smiled.',
    ]);
  });
});

describe('parseDocument', () => {
  it('takes a headline first line as the title and drops its repeats and page furniture', () => {
    const text = [
      'Ministers open new talks',
      '',
      'Ministers open new talks',
      '',
      'The two ministers opened talks on trade in London on Monday, officials said.',
      'Related Stories',
      'No stories found.',
      'No stories found.',
      'Another headline about something else entirely',
      'Example News',
    ].join('\n');
    const parsed = parseDocument(text);
    expect(parsed.title).toBe('Ministers open new talks');
    expect(parsed.paragraphs.map((p) => p.text)).toEqual([
      'The two ministers opened talks on trade in London on Monday, officials said.',
    ]);
  });

  it('drops a sentence repeated within a document, keeping its first occurrence', () => {
    // A pull quote repeats a sentence of the article; readers should see it once.
    const quote = 'The partnership will deliver jobs and growth for both countries, the minister said.';
    const parsed = parseDocument(
      [
        'Ministers sign a partnership',
        quote,
        'The agreement covers trade and research over ten years.',
        quote,
      ].join('\n\n'),
    );
    expect(parsed.paragraphs.map((p) => p.text)).toEqual([
      quote,
      'The agreement covers trade and research over ten years.',
    ]);
  });

  it('drops a long unpunctuated line that recurs within a document, as page furniture', () => {
    // Thirteen words without a full stop would pass for content once; repeated, it is a banner.
    const banner = 'Subscribe to our newsletter for the latest news on trade and defence from the region';
    const parsed = parseDocument(
      [
        'Ministers sign a partnership',
        banner,
        'The agreement covers trade and research over ten years.',
        banner,
        'Officials said the first projects would start in the spring.',
      ].join('\n\n'),
    );
    expect(parsed.paragraphs.map((p) => p.text)).toEqual([
      'The agreement covers trade and research over ten years.',
      'Officials said the first projects would start in the spring.',
    ]);
  });

  it('keeps a long unpunctuated line that appears once, and a repeated list item once', () => {
    const line =
      'Officials from both countries will meet again in Delhi next month to review the progress made';
    const parsed = parseDocument(
      [
        'Ministers sign a partnership',
        line,
        '- Joint research on batteries',
        '- Joint research on batteries',
      ].join('\n\n'),
    );
    expect(parsed.paragraphs.map((p) => p.text)).toEqual([line, 'Joint research on batteries']);
  });

  it('cuts a short title from the lead when there is no headline, and reads a labelled date', () => {
    const parsed = parseDocument(
      ' date 2023-06-05 The defence ministers of both countries concluded a long-awaited roadmap for industrial cooperation on Monday.',
    );
    expect(parsed.date).toBe('2023-06-05');
    expect(parsed.title.endsWith('…')).toBe(true);
    expect(parsed.paragraphs[0].text.startsWith('The defence ministers')).toBe(true);
    expect(parsed.paragraphs[0].text).not.toContain('2023-06-05');
  });

  it('re-flows hard-wrapped text so a line break never splits a sentence', () => {
    const wrapped = [
      'COMPANY SAYS PROFITS ROSE',
      '',
      '    The company said on Tuesday that its profits rose sharply in',
      'the first quarter, helped by strong demand for its products in',
      'Europe and the United States.',
      '    It expects the trend to continue through the rest of the year,',
      'the chief executive told reporters at a news conference here.',
    ].join('\n');
    const parsed = parseDocument(wrapped);
    expect(parsed.paragraphs.map((p) => p.text)).toEqual([
      'The company said on Tuesday that its profits rose sharply in the first quarter, helped by strong demand for its products in Europe and the United States.',
      'It expects the trend to continue through the rest of the year, the chief executive told reporters at a news conference here.',
    ]);
  });

  it('keeps list items although they have no closing punctuation', () => {
    const parsed = parseDocument(
      'Attendees included senior officials from both countries:\n\n  • David Williams, Permanent Secretary, MoD\n',
    );
    expect(parsed.paragraphs.at(-1)).toMatchObject({
      text: 'David Williams, Permanent Secretary, MoD',
      isListItem: true,
    });
  });
});

describe('assembleDocuments', () => {
  const file = (name: string, text: string): CorpusFile => ({
    file: name,
    text,
    size: text.length,
    mtimeMs: 0,
    contentHash: name,
  });

  it('drops a sign-off paragraph that recurs across documents', () => {
    const signOff = 'Reporting by the newsroom staff and edited for the daily wire service today.';
    const documents = assembleDocuments(
      ['a', 'b', 'c'].map((name) =>
        file(
          `${name}.txt`,
          `Headline ${name}\n\nA real sentence about topic ${name} that matters here.\n${signOff}`,
        ),
      ),
    );
    expect(documents).toHaveLength(3);
    for (const document of documents) expect(documentText(document)).not.toContain('newsroom');
  });

  it('splits passages inside sentence boundaries and cites their file', () => {
    const [document] = assembleDocuments([
      file('x.txt', 'Title here\n\nFirst sentence is here. Second sentence is here too.'),
    ]);
    expect(document.passages[0]).toMatchObject({
      id: 'x.txt#0',
      file: 'x.txt',
      sentences: ['First sentence is here.', 'Second sentence is here too.'],
    });
  });
});

describe('loadCorpus on the seed corpus', () => {
  it('loads every seed document with titles and passages and no warnings', async () => {
    const { documents, warnings } = await loadCorpus(`${__dirname}/../../seeds`);
    expect(warnings).toEqual([]);
    expect(documents.map((d) => d.file)).toHaveLength(5);
    const workshop = documents.find((d) => d.file.startsWith('000_'));
    expect(workshop?.title).toBe('UK, India kick off Track 1.5 Defence & Military Tech dialogue');
    const text = workshop ? documentText(workshop) : '';
    expect(text).not.toMatch(/No stories found|Related Stories|iGlobal News|Diaspora equal partners/);
    expect(documents.find((d) => d.file.startsWith('004_'))?.date).toBe('2023-06-05');
  });
});
