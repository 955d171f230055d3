import {
  dropPageFurniture,
  joinLines,
  lineParagraphs,
  type PdfLine,
  type PdfTextItem,
  pageLines,
  pageSections,
} from '../../../src/corpus/readers/pdf-layout';

const WIDTH = 600;

/** A line of body text at `y`, starting at `x`, roughly as wide as its characters. */
function item(text: string, x: number, y: number, size = 11): PdfTextItem {
  return { text, x, y, width: text.length * size * 0.45, size };
}

function line(text: string, y: number, size = 11): PdfLine {
  return { text, x: 50, xEnd: 50 + text.length * 5, y, size };
}

describe('pageLines', () => {
  it('reads a two-column page down the left column, then down the right', () => {
    const items = [
      item('Quarterly review', 50, 800, 18),
      ...['Left one starts here', 'left two goes on', 'left three ends.'].map((t, i) =>
        item(t, 50, 700 - i * 14),
      ),
      ...['Right one starts', 'right two goes on', 'right three ends.'].map((t, i) =>
        item(t, 320, 700 - i * 14),
      ),
    ];
    const texts = pageLines({ page: 1, width: WIDTH, items }).map((l) => l.text);
    // Sorting by height alone would interleave the columns line by line.
    expect(texts).toEqual([
      'Quarterly review',
      'Left one starts here',
      'left two goes on',
      'left three ends.',
      'Right one starts',
      'right two goes on',
      'right three ends.',
    ]);
  });

  it('keeps a one-column line whole when its words come as separate items', () => {
    const items = [item('The budget', 50, 700), item('was approved', 106, 700), item('on Monday.', 170, 700)];
    expect(pageLines({ page: 1, width: WIDTH, items }).map((l) => l.text)).toEqual([
      'The budget was approved on Monday.',
    ]);
  });
});

describe('dropPageFurniture', () => {
  it('drops running headers, footers and page numbers, and keeps the text', () => {
    const pages = [1, 2, 3, 4].map((n) => [
      line('Acme Ltd - Annual report 2024', 810, 9),
      line(`Body text of page ${n} talks about something different.`, 700),
      line(`Page ${n} of 4`, 30, 9),
    ]);
    const kept = dropPageFurniture(pages);
    expect(kept.map((lines) => lines.map((l) => l.text))).toEqual(
      [1, 2, 3, 4].map((n) => [`Body text of page ${n} talks about something different.`]),
    );
  });

  it('drops a bare page number even on a document too short for headers to repeat', () => {
    const kept = dropPageFurniture([[line('A single page of findings.', 700), line('7', 30, 9)]]);
    expect(kept[0].map((l) => l.text)).toEqual(['A single page of findings.']);
  });
});

describe('lineParagraphs', () => {
  it('joins wrapped lines, undoes hyphenation at line ends, and starts anew after a gap', () => {
    const lines = [
      line('Staff training covered infor-', 700),
      line('mation security and the new', 686),
      line('expense policy.', 672),
      line('Hiring resumed in May.', 640),
    ];
    expect(lineParagraphs(lines).map((p) => p.text)).toEqual([
      'Staff training covered information security and the new expense policy.',
      'Hiring resumed in May.',
    ]);
  });

  it('keeps a real hyphen before a capital, and bullets as list items', () => {
    expect(joinLines('the UK-', 'India partnership')).toBe('the UK- India partnership');
    const paragraphs = lineParagraphs([line('• Bring identification', 700), line('• Set up sign-in', 686)]);
    expect(paragraphs).toEqual([
      { text: 'Bring identification', isListItem: true },
      { text: 'Set up sign-in', isListItem: true },
    ]);
  });
});

describe('pageSections', () => {
  it('counts a paragraph broken by a page end to the page it starts on', () => {
    const sections = pageSections([
      { page: 1, paragraphs: [{ text: 'The board met twice and agreed to', isListItem: false }] },
      {
        page: 2,
        paragraphs: [
          { text: 'expand the Lisbon office.', isListItem: false },
          { text: 'Revenue rose.', isListItem: false },
        ],
      },
    ]);
    expect(sections).toEqual([
      {
        location: { page: 1 },
        paragraphs: [
          { text: 'The board met twice and agreed to expand the Lisbon office.', isListItem: false },
        ],
      },
      { location: { page: 2 }, paragraphs: [{ text: 'Revenue rose.', isListItem: false }] },
    ]);
  });
});

describe('PDF headings', () => {
  it('open a section at their page, carried to the next page, and are not quoted', () => {
    const paragraphs = lineParagraphs([
      line('Financial results', 760, 16),
      line('Revenue rose by fourteen percent.', 730),
      line('Profit was flat.', 700),
    ]);
    expect(paragraphs[0]).toMatchObject({ text: 'Financial results', isHeading: true });
    const sections = pageSections([
      { page: 2, paragraphs },
      { page: 3, paragraphs: [{ text: 'Costs fell in the autumn.', isListItem: false }] },
    ]);
    expect(sections.map((section) => [section.location, section.paragraphs.map((p) => p.text)])).toEqual([
      [{ page: 2, headings: ['Financial results'] }, ['Revenue rose by fourteen percent. Profit was flat.']],
      [{ page: 3, headings: ['Financial results'] }, ['Costs fell in the autumn.']],
    ]);
  });
});

describe('pageLines in detail', () => {
  const texts = (items: PdfTextItem[]) => pageLines({ page: 1, width: WIDTH, items }).map((l) => l.text);
  /** Two columns of `rows` lines `spacing` apart from the top: `l1`, `l2`… at the left, `r1`… at the right. */
  const twoColumns = (rows: number, spacing: number) =>
    [50, 320].flatMap((x, side) =>
      Array.from({ length: rows }, (_, i) => item(`${side === 0 ? 'l' : 'r'}${i + 1}`, x, 700 - i * spacing)),
    );

  it('joins the pieces of a word set apart by kerning without a space, and words with one', () => {
    expect(
      texts([
        { text: 'infor', x: 50, y: 700, width: 25, size: 11 },
        { text: 'mation', x: 75.5, y: 700, width: 30, size: 11 },
        { text: 'desk ', x: 110, y: 700, width: 25, size: 11 },
        { text: 'today', x: 140, y: 700, width: 25, size: 11 },
      ]),
    ).toEqual(['information desk today']);
  });

  it('keeps a raised footnote mark on its line, and a line half a font size lower on its own', () => {
    expect(
      texts([item('Revenue rose', 50, 700), item('1', 120, 703, 7), item('Costs fell', 50, 686)]),
    ).toEqual(['Revenue rose 1', 'Costs fell']);
  });

  it('reads a table of labels and right-aligned figures row by row, not as two columns', () => {
    const rows = ['Revenue', 'Costs', 'Profit', 'Staff'].flatMap((label, i) => [
      item(label, 50, 700 - i * 14),
      item(`${(i + 1) * 100}`, 520, 700 - i * 14),
    ]);
    expect(texts(rows)).toEqual(['Revenue 100', 'Costs 200', 'Profit 300', 'Staff 400']);
  });

  it('reads two lines a side as rows, three or more a side as columns', () => {
    const sides = (count: number) =>
      Array.from({ length: count }, (_, i) => [
        item(`left ${i}`, 50, 700 - i * 14),
        item(`right ${i}`, 320, 700 - i * 14),
      ]).flat();
    expect(texts(sides(2))).toEqual(['left 0 right 0', 'left 1 right 1']);
    expect(texts(sides(3))).toEqual(['left 0', 'left 1', 'left 2', 'right 0', 'right 1', 'right 2']);
  });

  it('reads side-by-side blocks that do not overlap in height top to bottom', () => {
    const items = [
      ...['a one', 'a two', 'a three'].map((t, i) => item(t, 50, 700 - i * 14)),
      ...['b one', 'b two', 'b three'].map((t, i) => item(t, 320, 600 - i * 14)),
    ];
    expect(texts(items)).toEqual(['a one', 'a two', 'a three', 'b one', 'b two', 'b three']);
  });

  it("reads a wide line among the columns' rows with the column it starts in", () => {
    const items = [
      ...twoColumns(4, 28),
      // Between the columns' second and third rows, running past the middle of the page.
      item('A caption set in the left column that runs on past the middle', 60, 658),
    ];
    expect(texts(items)).toEqual([
      'l1',
      'l2',
      'A caption set in the left column that runs on past the middle',
      'l3',
      'l4',
      'r1',
      'r2',
      'r3',
      'r4',
    ]);
  });

  it('folds runs of spaces inside a line and drops items that hold only spaces', () => {
    expect(
      texts([
        item('Revenue   rose', 50, 700),
        item('   ', 50, 686),
        item('', 50, 672),
        item('  by  a  third ', 50, 658),
      ]),
    ).toEqual(['Revenue rose', 'by a third']);
  });

  it('keeps full-width text above and below two columns in place', () => {
    const items = [
      item('A headline across the whole page that spans both of the columns below', 50, 780),
      ...twoColumns(3, 14),
      item('A closing note across the whole page that spans both of the columns above', 50, 600),
    ];
    expect(texts(items)).toEqual([
      'A headline across the whole page that spans both of the columns below',
      'l1',
      'l2',
      'l3',
      'r1',
      'r2',
      'r3',
      'A closing note across the whole page that spans both of the columns above',
    ]);
  });
});

describe('dropPageFurniture in detail', () => {
  const texts = (pages: PdfLine[][]) => dropPageFurniture(pages).map((lines) => lines.map((l) => l.text));
  const body = (n: number) =>
    [0, 1, 2, 3, 4, 5].map((i) => line(`Body line ${i} of page ${n} says something else.`, 700 - i * 14));

  it.each([
    '12',
    'Page 3 of 40',
    'page 3/40',
    'p. 5',
    'pg 5',
    'Seite 2 von 9',
    '- 7 -',
    '— 7 —',
    'iv',
    'XII',
  ])('drops the page number "%s" under a page', (number) => {
    expect(texts([[...body(1), line(number, 30, 9)]])).toEqual([body(1).map((l) => l.text)]);
  });

  it.each(['Summary', '2024 results', 'Page 3 of 40 pages', 'Turn to page 4'])(
    'keeps "%s" under a single page',
    (text) => {
      expect(texts([[...body(1), line(text, 30, 9)]])[0]).toContain(text);
    },
  );

  it('keeps a header-like line on a single page, where nothing can recur', () => {
    expect(texts([[line('Acme Ltd - Annual report', 810, 9), ...body(1)]])[0][0]).toBe(
      'Acme Ltd - Annual report',
    );
  });

  it('drops a short running header whose numbers change, but not a long line that differs in its numbers', () => {
    const pages = [1, 2].map((n) => [
      line(`Chapter ${n} - Results`, 810),
      ...body(n),
      line(`In ${2020 + n} the company hired ${n * 10} engineers across its offices.`, 40),
    ]);
    expect(texts(pages).map((lines) => lines[0])).toEqual([
      'Body line 0 of page 1 says something else.',
      'Body line 0 of page 2 says something else.',
    ]);
    expect(texts(pages).map((lines) => lines.at(-1))).toEqual([
      'In 2021 the company hired 10 engineers across its offices.',
      'In 2022 the company hired 20 engineers across its offices.',
    ]);
  });

  it('drops a line recurring atop half the pages, keeps one atop fewer, and never touches the middle of a page', () => {
    const pages = [1, 2, 3, 4].map((n) => [
      line(n <= 2 ? 'Draft for review' : `Section ${'ABCD'[n - 1]} heading`, 810),
      ...body(n).slice(0, 3),
      line('Confidential: do not share.', 665),
      ...body(n).slice(3),
    ]);
    const kept = texts(pages);
    expect(kept.flat()).not.toContain('Draft for review');
    expect(kept[2][0]).toBe('Section C heading');
    expect(kept.every((lines) => lines.includes('Confidential: do not share.'))).toBe(true);
  });

  it('keeps a bare number in the middle of a page, where it is a figure, not a page number', () => {
    const lines = [...body(1).slice(0, 3), line('2024', 658), ...body(1).slice(3)];
    expect(texts([lines])[0]).toContain('2024');
  });

  it("keeps a page's lines in the order given, columns and all", () => {
    // Reading order of a two-column page: down the left column, then up to the top of the right.
    const page = [
      line('Left column, first line.', 700),
      line('Left column, second line.', 686),
      line('Left column, third line.', 672),
      line('Left column, fourth line.', 658),
      { ...line('Right column, first line.', 700), x: 320, xEnd: 500 },
      { ...line('Right column, second line.', 686), x: 320, xEnd: 500 },
      { ...line('Right column, third line.', 672), x: 320, xEnd: 500 },
      { ...line('Right column, fourth line.', 658), x: 320, xEnd: 500 },
    ];
    const given = page.map((l) => l.text);
    expect(texts([page])[0]).toEqual(given);
  });

  it.each([
    [
      'a running header of six words whose numbers change',
      (n: number) => `Annual review ${n} section ${n} results`,
    ],
    ['a running header whose number grows a digit', (n: number) => `Chapter ${n * 9} - Results`],
  ])('drops %s', (_, header) => {
    const pages = [1, 2].map((n) => [line(header(n), 810), ...body(n)]);
    expect(texts(pages).map((lines) => lines[0])).toEqual([
      'Body line 0 of page 1 says something else.',
      'Body line 0 of page 2 says something else.',
    ]);
  });

  it('keeps a line of seven words at the top of each page when its numbers differ', () => {
    const pages = [1, 2].map((n) => [
      line(`Annual review ${n} section ${n} results in brief`, 810),
      ...body(n),
    ]);
    expect(texts(pages).map((lines) => lines[0])).toEqual([
      'Annual review 1 section 1 results in brief',
      'Annual review 2 section 2 results in brief',
    ]);
  });

  it('counts a line once per page, however often it appears on it', () => {
    const pages = [1, 2, 3, 4].map((n) =>
      n === 1
        ? [line('Acme Ltd', 810), ...body(n), line('Acme Ltd', 40)]
        : [line(`Heading ${'ABCD'[n - 1]}`, 810), ...body(n)],
    );
    expect(texts(pages)[0]).toContain('Acme Ltd');
  });
});

describe('lineParagraphs in detail', () => {
  const texts = (lines: PdfLine[]) => lineParagraphs(lines).map((p) => p.text);
  const wide = (text: string, y: number, size = 11): PdfLine => ({ text, x: 50, xEnd: 500, y, size });

  it('reads nothing from no lines', () => {
    expect(lineParagraphs([])).toEqual([]);
  });

  it('goes on after a full-width line ending a sentence, and starts anew after a short one', () => {
    expect(
      texts([
        wide('The board met in March.', 700),
        wide('It approved the budget and', 686),
        { text: 'the hiring plan.', x: 50, xEnd: 150, y: 672, size: 11 },
        wide('Hiring resumed in May', 658),
        wide('across all offices.', 644),
      ]),
    ).toEqual([
      'The board met in March. It approved the budget and the hiring plan.',
      'Hiring resumed in May across all offices.',
    ]);
  });

  it('starts a paragraph where the type size changes, or the text goes back up (a new column)', () => {
    expect(
      texts([
        wide('Revenue rose in the north', 700),
        wide('Figure 1: revenue by region', 688, 8),
        wide('and fell in the south', 900),
      ]),
    ).toEqual(['Revenue rose in the north', 'Figure 1: revenue by region', 'and fell in the south']);
  });

  it('starts a paragraph where the text goes back up the page, at the same size', () => {
    expect(texts([wide('Revenue rose in the north', 700), wide('and fell in the south', 900)])).toEqual([
      'Revenue rose in the north',
      'and fell in the south',
    ]);
  });

  it('starts anew after a short indented line ending a sentence', () => {
    expect(
      texts([
        wide('The board met in March and it', 700),
        wide('approved the budget for the year', 686),
        { text: 'in full.', x: 300, xEnd: 400, y: 672, size: 11 },
        wide('Hiring resumed in May', 658),
        wide('across all offices.', 644),
      ]),
    ).toEqual([
      'The board met in March and it approved the budget for the year in full.',
      'Hiring resumed in May across all offices.',
    ]);
  });

  it('makes a bullet or a number start a list item, without its mark', () => {
    expect(
      lineParagraphs([
        wide('Bring these:', 700),
        wide('– photo identification', 686),
        wide('1. a signed contract', 672),
        wide('2) your bank details', 658),
        wide('12 months of payslips', 644),
      ]),
    ).toEqual([
      { text: 'Bring these:', isListItem: false },
      { text: 'photo identification', isListItem: true },
      { text: 'a signed contract', isListItem: true },
      { text: 'your bank details 12 months of payslips', isListItem: true },
    ]);
  });

  it.each([
    ['a short line in larger type', 'Financial results', 14, true],
    ['a line less than 15% larger', 'Financial results', 12.6, false],
    ['a larger line ending a sentence', 'Results were good.', 16, false],
    ['a larger line ending with a colon', 'Results by region:', 16, false],
    [
      'a larger line of twelve words',
      'one two three four five six seven eight nine ten eleven twelve',
      16,
      true,
    ],
    [
      'a larger line of thirteen words',
      'one two three four five six seven eight nine ten eleven twelve thirteen',
      16,
      false,
    ],
  ])('takes %s as a heading: %s', (_name, text, size, isHeading) => {
    const [first] = lineParagraphs([
      line(text, 760, size),
      line('Revenue rose by fourteen percent.', 730),
      line('Profit was flat.', 716),
    ]);
    expect(first.isHeading === true).toBe(isHeading);
    // A heading stands alone; a line that is not one may run on into the text under it.
    expect(isHeading ? first.text === text : first.text.startsWith(text)).toBe(true);
  });
});

describe('joinLines in detail', () => {
  it.each([
    ['infor\u00ad', 'mation', 'information'],
    ['infor-', 'mation', 'information'],
    ['infor-', 'Mation', 'infor- Mation'],
    ['2023-', 'year', '2023- year'],
    ['the board', 'met', 'the board met'],
    // Only a hyphen at the line's end breaks a word; one inside the line is the word's own.
    ['the well-known', 'rules', 'the well-known rules'],
    ['co\u00adoperate with', 'partners', 'co\u00adoperate with partners'],
  ])('joins "%s" and "%s" as "%s"', (before, after, joined) => {
    expect(joinLines(before, after)).toBe(joined);
  });
});

describe('pageSections in detail', () => {
  const p = (text: string, isListItem = false) => ({ text, isListItem });
  const texts = (pages: { page: number; paragraphs: ReturnType<typeof p>[] }[]) =>
    pageSections(pages).map((s) => [s.location?.page, ...s.paragraphs.map((q) => q.text)]);

  it.each([
    ['the next page opens with a capital', [p('The board met and agreed to')], [p('Expand the office.')]],
    ['the paragraph ended a sentence', [p('The board met and agreed.')], [p('expansion followed.')]],
    ['the next page opens with a list item', [p('The board agreed to')], [p('expand the office', true)]],
  ])('does not join a paragraph across a page end when %s', (_name, first, second) => {
    expect(
      texts([
        { page: 1, paragraphs: first },
        { page: 2, paragraphs: second },
      ]),
    ).toEqual([
      [1, first[0].text],
      [2, second[0].text],
    ]);
  });

  it('joins only the first paragraph of the next page, and only across one page end', () => {
    expect(
      texts([
        { page: 1, paragraphs: [p('The board agreed to')] },
        { page: 2, paragraphs: [p('expand the office'), p('and then to')] },
        { page: 4, paragraphs: [p('hire forty engineers.')] },
      ]),
    ).toEqual([
      [1, 'The board agreed to expand the office'],
      [2, 'and then to'],
      [4, 'hire forty engineers.'],
    ]);
  });

  it('does not join across a heading that opens the next page, and drops a heading with no text under it', () => {
    expect(
      pageSections([
        { page: 1, paragraphs: [p('The board agreed to'), { ...p('Appendix'), isHeading: true }] },
        { page: 2, paragraphs: [{ ...p('Hiring'), isHeading: true }, p('engineers were hired.')] },
      ]),
    ).toEqual([
      { location: { page: 1 }, paragraphs: [p('The board agreed to')] },
      { location: { page: 2, headings: ['Hiring'] }, paragraphs: [p('engineers were hired.')] },
    ]);
  });
});
