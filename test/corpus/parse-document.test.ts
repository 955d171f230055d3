import { assembleDocuments, loadCorpus } from '../../src/corpus/load-corpus';
import { comparisonKey, parseDocument, wordCount } from '../../src/corpus/parse-document';
import { splitSentences } from '../../src/corpus/sentences';
import { corpusFile, documentText } from './document-text';

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
    // A headline of its own heads every passage.
    expect(parsed.titleFromLead).toBeUndefined();
  });

  it('cuts a short title from the lead when there is no headline, and reads a labelled date', () => {
    const parsed = parseDocument(
      ' date 2023-06-05 The defence ministers of both countries concluded a long-awaited roadmap for industrial cooperation on Monday.',
    );
    expect(parsed.date).toBe('2023-06-05');
    expect(parsed.title.endsWith('…')).toBe(true);
    expect(parsed.titleFromLead).toBe(true);
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
  const file = corpusFile;

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

describe('parseDocument, rule by rule', () => {
  const lead = 'The ministers met in London on Monday to sign the agreement.';
  const texts = (text: string) => parseDocument(text).paragraphs.map((p) => p.text);
  // Paragraphs apart, as four lines of 40 to 100 columns one under another read as hard-wrapped text.
  const doc = (...paragraphs: string[]) => paragraphs.join('\n\n');

  describe('dates', () => {
    it.each([
      ['a date label', 'date 2023-06-05', '2023-06-05'],
      ['a published label', 'Published: 2023-06-05', '2023-06-05'],
      ['an updated label with a dash', 'Updated – 2023-06-05', '2023-06-05'],
      ['a posted label', 'posted 2023-06-05', '2023-06-05'],
      ['a line that is only an ISO date', '2023-06-05', '2023-06-05'],
      ['an ISO timestamp', '2023-06-05T09:30:00Z', '2023-06-05'],
      ['a month first', 'June 5, 2023', '2023-06-05'],
      ['a weekday and a month first', 'Monday, June 5, 2023', '2023-06-05'],
      ['a weekday and a day first', 'Monday, 5 June 2023', '2023-06-05'],
      ['an abbreviated month', 'Sept. 12, 2023', '2023-09-12'],
      ['a day first', '5 June 2023', '2023-06-05'],
      ['a labelled day first', 'Dated: 9 Dec 2022', '2022-12-09'],
      ['a day of two digits', '21 March 2024', '2024-03-21'],
      ['the first month', '5 January 2023', '2023-01-05'],
      ['the first month abbreviated', 'Jan. 5, 2023', '2023-01-05'],
    ])('reads %s', (_, line, iso) => {
      const parsed = parseDocument(`Ministers sign the agreement\n${line}\n${lead}`);
      expect(parsed.date).toBe(iso);
      expect(parsed.title).toBe('Ministers sign the agreement');
      expect(parsed.paragraphs.map((p) => p.text)).toEqual([lead]);
    });

    it.each([
      ['a day that does not exist', '2023-02-30'],
      ['a written day that does not exist', 'February 30, 2023'],
      ['a labelled day that does not exist', 'date 2023-13-01'],
      ['a word that is not a month', 'Smarch 5, 2023'],
      ['a date inside a sentence', 'The deal was signed on June 5, 2023.'],
    ])('reads no date from %s', (_, line) => {
      expect(parseDocument(`Ministers sign the agreement\n${line}\n${lead}`).date).toBeUndefined();
    });

    it('keeps the rest of a labelled line as content', () => {
      const parsed = parseDocument(`Ministers sign the agreement\nPublished: 2023-06-05 ${lead}`);
      expect(parsed.date).toBe('2023-06-05');
      expect(texts(`Ministers sign the agreement\nPublished: 2023-06-05 ${lead}`)).toEqual([lead]);
    });

    it('looks for the date only near the top', () => {
      const body = Array.from({ length: 6 }, (_, i) => `Paragraph ${i + 1} of the story has a sentence.`);
      expect(
        parseDocument(['Headline', ...body.slice(0, 4), '2023-06-05', ...body.slice(4)].join('\n')).date,
      ).toBe('2023-06-05');
      // The seventh line that is not blank is past the top.
      expect(
        parseDocument(['Headline', ...body.slice(0, 5), '2023-06-05', body[5]].join('\n')).date,
      ).toBeUndefined();
    });

    it('takes the first date, not a later one', () => {
      expect(parseDocument(`Headline\n2023-06-05\n2024-01-01\n${lead}`).date).toBe('2023-06-05');
    });
  });

  describe('titles', () => {
    it('takes a headline of twenty words as the title', () => {
      const headline = Array.from({ length: 20 }, (_, i) => `word${i}`).join(' ');
      expect(parseDocument(`${headline}\n${lead}`).title).toBe(headline);
    });

    it('cuts the title from a first line of twenty-one words, keeping the line as content', () => {
      const words = Array.from({ length: 21 }, (_, i) => `word${i}`);
      const parsed = parseDocument(`${words.join(' ')}\n${lead}`);
      expect(parsed.title).toBe(`${words.slice(0, 12).join(' ')}…`);
      expect(parsed.paragraphs.map((p) => p.text)).toEqual([words.join(' '), lead]);
    });

    it.each([
      [160, true],
      [161, false],
    ])('a first line of thirteen words and %i characters is a headline: %p', (length, isHeadline) => {
      const words = Array.from({ length: 13 }, (_, i) => `w${i}`);
      words[0] = 'W'.repeat(length - words.join(' ').length + 2);
      const line = words.join(' ');
      expect(line).toHaveLength(length);
      // A title is not content; a lead of thirteen words without a full stop is.
      expect(texts(doc(line, lead))).toEqual(isHeadline ? [lead] : [line, lead]);
    });

    it.each([
      ['a full stop', 'Ministers sign the agreement on trade.'],
      ['a semicolon', 'Ministers sign the agreement on trade;'],
      ['a question mark in quotes', 'Will ministers sign the “agreement?”'],
      [
        'a comma',
        'Ministers from both countries gather in London to sign the long awaited agreement on trade,',
      ],
    ])('does not take a first line ending in %s as a headline, keeping it as content', (_, line) => {
      expect(texts(doc(line, lead))).toEqual([line, lead]);
    });

    it('takes a Markdown heading as the title even with closing punctuation, without its marks', () => {
      const parsed = parseDocument(`# Ministers sign the agreement.\n\n${lead}`);
      expect(parsed.title).toBe('Ministers sign the agreement.');
      expect(parsed.paragraphs.map((p) => p.text)).toEqual([lead]);
      expect(parseDocument(`## Ministers meet\n\n${lead}`).title).toBe('Ministers meet');
    });

    it('keeps a lead sentence of fourteen words whole as the title', () => {
      const sentence = 'The two defence ministers met in London on Monday to sign a new roadmap.';
      const parsed = parseDocument(`${sentence} It covers ten years.`);
      expect(parsed.title).toBe(sentence.slice(0, -1));
      expect(parsed.paragraphs.map((p) => p.text)).toEqual([`${sentence} It covers ten years.`]);
    });

    it('cuts a lead of fifteen words at twelve, with an ellipsis and no trailing comma', () => {
      const parsed = parseDocument(
        'The two defence ministers of both countries met in London on Monday, and then they signed it.',
      );
      expect(parsed.title).toBe('The two defence ministers of both countries met in London on Monday…');
    });

    it('gives an empty title and no paragraphs for a document of blank lines', () => {
      expect(parseDocument('\n  \n\n')).toEqual({ title: '', date: undefined, paragraphs: [] });
    });

    it('does not take a first line with a # inside it for a Markdown heading, keeping it as content', () => {
      const line = 'We ranked #1 in the region for exports last year, the ministry said on Monday.';
      expect(texts(doc(line, lead))).toEqual([line, lead]);
    });

    it('drops a line that repeats the headline', () => {
      expect(texts(`Ministers sign the agreement\n${lead}\nMINISTERS SIGN THE AGREEMENT!`)).toEqual([lead]);
    });
  });

  describe('what counts as content', () => {
    it.each([
      ['a sentence of three words', 'It was fine.', false],
      ['a sentence of four words', 'It was very fine.', true],
      ['a sentence of three words and a dash', 'It was — fine.', false],
      [
        'a line of twelve words without closing punctuation',
        'one two three four five six seven eight nine ten eleven twelve',
        false,
      ],
      [
        'a line of thirteen words without closing punctuation',
        'one two three four five six seven eight nine ten eleven twelve thirteen',
        true,
      ],
      ['a sentence ending in a quote', 'He called it “a very good day.”', true],
      ['a sentence ending in an ellipsis', 'And then the lights went out…', true],
      ['a sentence ending in a colon', 'The delegation included these officials:', true],
    ])('%s: kept %p', (_, line, kept) => {
      expect(texts(`Ministers sign the agreement\n${lead}\n${line}`)).toEqual(kept ? [lead, line] : [lead]);
    });

    it.each([
      ['a bullet', '• Joint research on batteries', 'Joint research on batteries'],
      ['an asterisk', '* Joint research on batteries', 'Joint research on batteries'],
      ['a dash', '– Joint research on batteries', 'Joint research on batteries'],
      ['a number and a point', '1. Joint research on batteries', 'Joint research on batteries'],
      ['a number and a bracket', '12) Joint research on batteries', 'Joint research on batteries'],
    ])('keeps a list item marked by %s, without its mark', (_, line, text) => {
      const parsed = parseDocument(`Ministers sign the agreement\n${lead}\n${line}`);
      expect(parsed.paragraphs).toEqual([
        expect.objectContaining({ text: lead, isListItem: false }),
        expect.objectContaining({ text, isListItem: true }),
      ]);
    });

    it('drops a list item of one word, keeps one of two', () => {
      expect(texts(`Ministers sign the agreement\n${lead}\n- Batteries\n- Solar panels`)).toEqual([
        lead,
        'Solar panels',
      ]);
    });

    it('keeps a labelled item as a list item', () => {
      const item = 'Critical Minerals: Expanding collaboration on supply chains';
      const parsed = parseDocument(
        doc('Ministers sign the agreement', lead, item, 'Space and Defence: Joint launches'),
      );
      expect(parsed.paragraphs.slice(1)).toEqual([
        expect.objectContaining({ text: item, isListItem: true }),
        expect.objectContaining({ text: 'Space and Defence: Joint launches', isListItem: true }),
      ]);
    });

    it('does not take a lowercase label for a labelled item', () => {
      expect(texts(`Ministers sign the agreement\n${lead}\nnote: see below for more`)).toEqual([lead]);
    });

    it('keeps a repeated punctuated sentence once, but drops a repeated short label', () => {
      expect(texts(`Headline\n${lead}\nRead more\n${lead}\nRead more`)).toEqual([lead]);
    });

    it('removes Markdown links, images, emphasis, inline code and quote marks', () => {
      expect(
        texts(
          'Headline\n> The **minister** opened the [new plant](https://example.com/plant) with `code` and ![a photo](p.png) today.',
        ),
      ).toEqual(['The minister opened the new plant with code and a photo today.']);
    });
  });

  it('evens the white space in a paragraph: a tab or a run of spaces becomes one space', () => {
    expect(
      texts(
        doc(
          'Headline',
          'The board met on Monday,\tand it approved the plan for the new plant.',
          'The minister said  the plant would reopen in the spring after repairs.',
        ),
      ),
    ).toEqual([
      'The board met on Monday, and it approved the plan for the new plant.',
      'The minister said the plant would reopen in the spring after repairs.',
    ]);
  });

  describe('tables of figures', () => {
    it('keeps each row, and the labels between rows, as rows of their own', () => {
      const parsed = parseDocument(
        [
          'Acme Corp first quarter results',
          'Shr 1.20 dlrs vs 1.05 dlrs',
          'Net 12.3 mln vs 10.1 mln',
          'Nine mths',
          'Shr 2.40 dlrs vs 2.10 dlrs',
          'Revs 40.1 mln vs 38.2 mln',
        ].join('\n'),
      );
      expect(parsed.title).toBe('Acme Corp first quarter results');
      expect(parsed.paragraphs).toEqual(
        [
          'Shr 1.20 dlrs vs 1.05 dlrs',
          'Net 12.3 mln vs 10.1 mln',
          'Nine mths',
          'Shr 2.40 dlrs vs 2.10 dlrs',
          'Revs 40.1 mln vs 38.2 mln',
        ].map((text) => expect.objectContaining({ text, isListItem: true })),
      );
    });

    it('keeps a table whose rows are indented', () => {
      const parsed = parseDocument(
        ['Acme Corp results', ' Shr 1.20 dlrs vs 1.05 dlrs', ' Net 12.3 mln vs 10.1 mln'].join('\n'),
      );
      expect(parsed.paragraphs).toEqual(
        ['Shr 1.20 dlrs vs 1.05 dlrs', 'Net 12.3 mln vs 10.1 mln'].map((text) =>
          expect.objectContaining({ text, isListItem: true }),
        ),
      );
    });

    it('takes a line of up to four words between rows for a label, and a longer one for no row', () => {
      const parsed = parseDocument(
        [
          'Acme Corp results',
          'Shr 1.20 dlrs vs 1.05 dlrs',
          'Net 12.3 mln vs 10.1 mln',
          'Nine mths to March',
          'Shr 2.40 dlrs vs 2.10 dlrs',
          'Figures for the full year',
          'Revs 40.1 mln vs 38.2 mln',
          'Net 20.1 mln vs 18.0 mln',
        ].join('\n'),
      );
      expect(parsed.paragraphs.map((paragraph) => paragraph.text)).toEqual([
        'Shr 1.20 dlrs vs 1.05 dlrs',
        'Net 12.3 mln vs 10.1 mln',
        'Nine mths to March',
        'Shr 2.40 dlrs vs 2.10 dlrs',
        'Revs 40.1 mln vs 38.2 mln',
        'Net 20.1 mln vs 18.0 mln',
      ]);
    });

    it('takes a line of figures of up to fourteen words for a row, not fifteen', () => {
      const fourteen = 'Sales 1.2 mln vs 1.0 mln, costs 0.4 mln vs 0.3 mln in 1986';
      const fifteen = 'Sales 1.2 mln vs 1.0 mln, costs 0.4 mln vs 0.3 mln in fiscal 1986';
      const parsed = parseDocument(
        ['Acme Corp results', 'Shr 1.20 dlrs vs 1.05 dlrs', fourteen, fifteen].join('\n\n'),
      );
      expect(parsed.paragraphs.slice(1)).toEqual([
        expect.objectContaining({ text: fourteen, isListItem: true }),
        expect.objectContaining({ text: fifteen, isListItem: false }),
      ]);
    });

    it('reads figures written out in words as a table too', () => {
      const parsed = parseDocument(
        ['Acme Corp dividend', 'Shr one ct vs two cts', 'Loss nil vs Three', 'Payout ten vs nine'].join('\n'),
      );
      expect(parsed.paragraphs).toEqual(
        ['Shr one ct vs two cts', 'Loss nil vs Three', 'Payout ten vs nine'].map((text) =>
          expect.objectContaining({ text, isListItem: true }),
        ),
      );
    });

    it('reads a label with one figure as a row among three lines', () => {
      expect(texts(`Headline\n${lead}\nQuarterly dividend\nPay May One\nRecord 15 cts`)).toEqual([
        lead,
        'Quarterly dividend',
        'Pay May One',
        'Record 15 cts',
      ]);
    });

    it('does not take a lone line of figures for a table', () => {
      expect(
        texts(
          doc('Headline', lead, 'Profit 12.3 mln vs 10.1 mln', 'The company gave no forecast for the year.'),
        ),
      ).toEqual([lead, 'The company gave no forecast for the year.']);
    });

    it('does not take a sentence with figures for a row', () => {
      const parsed = parseDocument(
        `Headline\n${lead}\nNet rose to 12.3 mln from 10.1 mln.\nShr 1.20 vs 1.05.`,
      );
      expect(parsed.paragraphs.slice(1)).toEqual([
        expect.objectContaining({ text: 'Net rose to 12.3 mln from 10.1 mln.', isListItem: false }),
        expect.objectContaining({ text: 'Shr 1.20 vs 1.05.', isListItem: false }),
      ]);
    });

    it('does not run a lowercase line on to a row: the row stays whole, the short note goes', () => {
      expect(
        texts(
          'Headline\nShr 1.20 dlrs vs 1.05 dlrs\nNet 12.3 mln vs 10.1 mln\nnote that the figures were not audited by anyone at all',
        ),
      ).toEqual(['Shr 1.20 dlrs vs 1.05 dlrs', 'Net 12.3 mln vs 10.1 mln']);
    });

    it('keeps rows apart in hard-wrapped text', () => {
      const wrapped = [
        'Acme Corp results',
        '',
        'The company said on Tuesday that its profits rose sharply in',
        'the first quarter, helped by strong demand for its products in',
        'Europe and the United States, and gave these figures for it:',
        'Shr 1.20 dlrs vs 1.05 dlrs',
        'Net 12.3 mln vs 10.1 mln',
        'It expects the trend to continue through the rest of the year,',
        'the chief executive told reporters at a news conference here.',
      ].join('\n');
      expect(texts(wrapped)).toEqual([
        'The company said on Tuesday that its profits rose sharply in the first quarter, helped by strong demand for its products in Europe and the United States, and gave these figures for it:',
        'Shr 1.20 dlrs vs 1.05 dlrs',
        'Net 12.3 mln vs 10.1 mln',
        'It expects the trend to continue through the rest of the year, the chief executive told reporters at a news conference here.',
      ]);
    });

    it('does not run a lowercase line on from a row', () => {
      expect(texts('Headline\nShr 1.20 dlrs vs 1.05 dlrs\nnet 12.3 mln vs 10.1 mln')).toEqual([
        'Shr 1.20 dlrs vs 1.05 dlrs',
        'net 12.3 mln vs 10.1 mln',
      ]);
    });
  });

  describe('line breaks', () => {
    it('joins a line that runs on in lowercase to the line before', () => {
      expect(texts('Headline\nThe company said it will\nchange its name next year, officials said.')).toEqual(
        ['The company said it will change its name next year, officials said.'],
      );
    });

    it('does not join a lowercase line after a finished sentence, and joins one to a list item', () => {
      const parsed = parseDocument(
        'Apple results\nSales fell sharply last year.\niPhone sales fell in 2024.\n- two new plants\nopened in Chennai.',
      );
      expect(parsed.paragraphs).toEqual([
        expect.objectContaining({ text: 'Sales fell sharply last year.', isListItem: false }),
        expect.objectContaining({ text: 'iPhone sales fell in 2024.', isListItem: false }),
        expect.objectContaining({ text: 'two new plants opened in Chennai.', isListItem: true }),
      ]);
    });

    it('re-flows hard-wrapped paragraphs separated by blank lines, a list item starting its own', () => {
      const wrapped = [
        'Company says profits rose',
        '',
        'The company said on Tuesday that its profits rose sharply in',
        'the first quarter, helped by strong demand for its products in',
        'Europe and the United States.',
        '',
        'It expects the trend to continue through the rest of the year,',
        'the chief executive told reporters at a news conference here.',
        '- A new plant will open in Ohio',
        'in the spring, the company added.',
      ].join('\n');
      expect(texts(wrapped)).toEqual([
        'The company said on Tuesday that its profits rose sharply in the first quarter, helped by strong demand for its products in Europe and the United States.',
        'It expects the trend to continue through the rest of the year, the chief executive told reporters at a news conference here.',
        'A new plant will open in Ohio in the spring, the company added.',
      ]);
    });

    it('never takes three lines for hard-wrapped text', () => {
      const lines = [
        'Trade talks in London',
        'The ministers met in London on Monday to sign the agreement.',
        'They will meet again in Delhi next month, officials said.',
      ];
      const parsed = parseDocument(lines.join('\n'));
      expect(parsed.title).toBe(lines[0]);
      expect(parsed.paragraphs.map((p) => p.text)).toEqual(lines.slice(1));
    });

    it('re-flows wrapped text that is indented throughout, as a quoted email is', () => {
      const quoted = [
        '  The company said on Tuesday that its profits rose sharply in',
        '  the first quarter, helped by strong demand for its products in',
        '  Europe and the United States, the chief executive told',
        '  reporters at a news conference in the city on Tuesday.',
      ].join('\n');
      expect(texts(quoted)).toEqual([
        'The company said on Tuesday that its profits rose sharply in the first quarter, helped by strong demand for its products in Europe and the United States, the chief executive told reporters at a news conference in the city on Tuesday.',
      ]);
    });

    it('reads a file with long lines line by line, one paragraph each', () => {
      const first = `${'The ministers discussed trade, defence and research at length. '.repeat(2).trim()}`;
      const second = 'They agreed to meet again in Delhi next month to review the progress made.';
      const lines = ['Headline', first, 'Second line of forty or more characters is here.', second];
      expect(texts(lines.join('\n'))).toEqual(lines.slice(1));
    });
  });
});

describe('wordCount', () => {
  it('counts runs between white space of any kind that hold a letter or digit, in any script', () => {
    expect(wordCount('Shares rose 4.5 pct — a record')).toBe(6);
    expect(wordCount('  two\twords\u00a0and\u3000four  ')).toBe(4);
    expect(wordCount('Zürich, Αθήνα, 東京 and 𝐁𝐨𝐥𝐝')).toBe(5);
    expect(wordCount('-- * ... ---')).toBe(0);
    expect(wordCount('')).toBe(0);
  });

  it('stops counting once past the most asked about', () => {
    expect(wordCount('one two three four five six', 2)).toBe(3);
    expect(wordCount('one two', 2)).toBe(2);
  });
});

describe('comparisonKey', () => {
  it('is the same for texts that differ only in case, spacing and punctuation, in ASCII or not', () => {
    expect(comparisonKey('Subscribe to the Gazette, today!')).toBe(
      comparisonKey('  subscribe to THE gazette today'),
    );
    // One has a no-break space and a curly apostrophe, so is folded by the Unicode pattern; the other is plain.
    expect(comparisonKey('Port\u00a0open: it’s Monday')).toBe(comparisonKey('port open it s monday'));
    expect(comparisonKey('Café — ouvert')).toBe(comparisonKey('café ouvert'));
  });

  it('tells apart texts whose words differ, by a letter, a digit or where a word ends', () => {
    const keys = [
      'Port open on Monday',
      'Port open on Sunday',
      'Port open on Monday 2',
      'Portopen on Monday',
      'Port open on Monday.Sunday',
      'café ouvert',
      'cafe ouvert',
      '',
    ].map(comparisonKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reads a paragraph of any length, and those after it as before', () => {
    const short = comparisonKey('Port open on Monday');
    const long = 'Port open on Monday, the board said. '.repeat(400);
    expect(comparisonKey(long)).toBe(comparisonKey(long.toUpperCase().replace(/,/g, ' ; ')));
    expect(comparisonKey(long)).not.toBe(comparisonKey(`${long}again`));
    expect(wordCount(long)).toBe(7 * 400);
    const huge = long.repeat(10);
    expect(comparisonKey(huge)).toBe(comparisonKey(huge.toLowerCase()));
    expect(wordCount(huge)).toBe(7 * 4000);
    expect(comparisonKey('Port open on Monday')).toBe(short);
  });
});
