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
