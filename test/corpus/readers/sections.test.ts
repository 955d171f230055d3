import { addDomContent, type DomNode } from '../../../src/corpus/readers/dom-sections';
import { CODE_MAX_CHARS, SectionBuilder } from '../../../src/corpus/readers/sections';
import { loadNatively } from './esm-packages';

loadNatively('linkedom');
const { parseHTML } = require('linkedom') as typeof import('linkedom');

/** Where each paragraph landed: its heading path (or none) and its text. */
function placed(builder: SectionBuilder): [string[] | undefined, string][] {
  return builder
    .finish()
    .sections.flatMap((section) =>
      section.paragraphs.map((p): [string[] | undefined, string] => [section.location?.headings, p.text]),
    );
}

describe('SectionBuilder', () => {
  it('gives each paragraph the path of headings above it, a heading replacing those at its depth or deeper', () => {
    const builder = new SectionBuilder();
    builder.heading(2, 'Onboarding');
    builder.paragraph('Welcome.');
    builder.heading(3, 'Laptops');
    builder.heading(4, 'Models');
    builder.paragraph('ThinkPads.');
    builder.heading(3, 'Badges');
    builder.paragraph('At reception.');
    builder.heading(2, 'Expenses');
    builder.paragraph('Within thirty days.');
    expect(placed(builder)).toEqual([
      [['Onboarding'], 'Welcome.'],
      [['Onboarding', 'Laptops', 'Models'], 'ThinkPads.'],
      [['Onboarding', 'Badges'], 'At reception.'],
      [['Expenses'], 'Within thirty days.'],
    ]);
  });

  it('takes a single top-level heading opening the document as its title, not part of every path', () => {
    const builder = new SectionBuilder();
    builder.heading(1, ' Staff\n handbook ');
    builder.paragraph('Read this first.');
    builder.heading(2, 'Leave');
    builder.paragraph('Twenty-five days.');
    const { title, sections } = builder.finish();
    expect(title).toBe('Staff handbook');
    expect(sections.map((s) => s.location)).toEqual([undefined, { headings: ['Leave'] }]);
  });

  it.each([
    ['two top-level headings', ['# Leave', 'Twenty-five days.', '# Pay', 'Monthly.']],
    ['a top-level heading after some text', ['Foreword.', '# Leave', 'Twenty-five days.']],
    ['a top-level heading after a lower one', ['## Summary', 'Short.', '# Leave', 'Twenty-five days.']],
  ])('takes no title from %s, and keeps every heading in the paths', (_name, lines) => {
    const builder = new SectionBuilder();
    for (const line of lines) {
      const heading = line.match(/^(#+) (.*)$/);
      if (heading) builder.heading(heading[1].length, heading[2]);
      else builder.paragraph(line);
    }
    const { title, sections } = builder.finish();
    expect(title).toBeUndefined();
    const paths = sections.map((s) => s.location?.headings?.join(' › '));
    for (const line of lines.filter((l) => l.startsWith('#'))) {
      expect(paths.some((p) => p?.endsWith(line.replace(/^#+ /, '')))).toBe(true);
    }
  });

  it('ignores an empty heading and empty paragraphs, drops sections with no text, and collapses spaces', () => {
    const builder = new SectionBuilder();
    builder.heading(2, 'Leave');
    builder.paragraph('  Twenty-five\n\tdays  a year. ');
    builder.heading(3, '   ');
    builder.paragraph('   ');
    builder.paragraph('Carried over until March.');
    builder.heading(2, 'Empty section');
    const { sections } = builder.finish();
    expect(sections).toEqual([
      {
        location: { headings: ['Leave'] },
        paragraphs: [
          { text: 'Twenty-five days a year.', isListItem: false },
          { text: 'Carried over until March.', isListItem: false },
        ],
      },
    ]);
  });

  it(`keeps a code block whole up to ${CODE_MAX_CHARS} characters and cuts a longer one with an ellipsis`, () => {
    const builder = new SectionBuilder();
    const exact = 'x'.repeat(CODE_MAX_CHARS);
    builder.code(exact);
    builder.code(`npm   run\n  build ${'y'.repeat(CODE_MAX_CHARS)}`);
    const [whole, cut] = builder.finish().sections[0].paragraphs;
    expect(whole).toEqual({ text: exact, isListItem: false });
    expect(cut.text).toHaveLength(CODE_MAX_CHARS);
    expect(cut.text).toMatch(/^npm run build y+…$/);
  });

  it('reads a table row by row as list items, naming each cell after its column', () => {
    const builder = new SectionBuilder();
    builder.table(
      ['Role', ' Laptop '],
      [
        ['Engineer', 'ThinkPad'],
        ['Designer', ''],
        ['', ''],
        ['Writer', 'Any laptop will do!'],
        ['Intern', 'MacBook', 'shared'],
      ],
    );
    builder.table([], [['North', '10 million']]);
    expect(builder.finish().sections[0].paragraphs).toEqual([
      { text: 'Role: Engineer; Laptop: ThinkPad.', isListItem: true },
      { text: 'Role: Designer.', isListItem: true },
      { text: 'Role: Writer; Laptop: Any laptop will do!', isListItem: true },
      { text: 'Role: Intern; Laptop: MacBook; shared.', isListItem: true },
      { text: 'North; 10 million.', isListItem: true },
    ]);
  });
});

/** What the DOM walker makes of `html`, as heading path and text of each paragraph, list items marked. */
function walk(html: string, firstRowIsHeader = false): [string, string][] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const builder = new SectionBuilder();
  addDomContent(builder, document.body as unknown as DomNode, { firstRowIsHeader });
  return builder
    .finish()
    .sections.flatMap((section) =>
      section.paragraphs.map((p): [string, string] => [
        section.location?.headings?.join(' › ') ?? '',
        `${p.isListItem ? '- ' : ''}${p.text}`,
      ]),
    );
}

describe('addDomContent', () => {
  it('opens a section at each heading, h1 to h6', () => {
    expect(
      walk(
        '<h2>Pay</h2><p>Monthly.</p><h3>Bonus</h3><h6>Small print</h6><p>Yearly.</p><h2>Leave</h2><p>Long.</p>',
      ),
    ).toEqual([
      ['Pay', 'Monthly.'],
      ['Pay › Bonus › Small print', 'Yearly.'],
      ['Leave', 'Long.'],
    ]);
  });

  it('makes each list item a list item, a nested list following its parent item', () => {
    expect(
      walk('<ul><li>Bring <b>ID</b><ol><li>passport</li><li>licence</li></ol></li><li>Sign in</li></ul>'),
    ).toEqual([
      ['', '- Bring ID'],
      ['', '- passport'],
      ['', '- licence'],
      ['', '- Sign in'],
    ]);
  });

  it('reads a table with <th> cells as named rows, one without as plain rows, and a lone row as it is', () => {
    expect(
      walk(
        '<table><thead><tr><th>Region</th><th>Amount</th></tr></thead><tbody><tr><td>North</td><td>10</td></tr></tbody></table>' +
          '<table><tr><td>South</td><td>20</td></tr><tr><td>East</td><td>30</td></tr></table>' +
          '<table><tr><th>Only</th><th>header</th></tr></table><table></table>',
      ),
    ).toEqual([
      ['', '- Region: North; Amount: 10.'],
      ['', '- South; 20.'],
      ['', '- East; 30.'],
      ['', '- Only; header.'],
    ]);
  });

  it("names a Word table's columns after its first row even without <th>", () => {
    expect(
      walk(
        '<table><tr><td>Journey</td><td>Class</td></tr><tr><td>Short</td><td>Standard</td></tr></table>',
        true,
      ),
    ).toEqual([['', '- Journey: Short; Class: Standard.']]);
  });

  it('keeps <pre> as a code block, breaks paragraphs at <br> and <hr>, and never reads scripts, styles or buttons', () => {
    expect(
      walk(
        '<p>Before the rule</p><hr>Loose text<br>after a break <span>and a span</span>' +
          '<pre>make   build\nmake test</pre><script>var tracking = 1;</script><style>p { color: red }</style>' +
          '<button>Accept all</button><noscript>Enable scripts</noscript><p>End.</p>',
      ),
    ).toEqual([
      ['', 'Before the rule'],
      ['', 'Loose text'],
      ['', 'after a break and a span'],
      ['', 'make build make test'],
      ['', 'End.'],
    ]);
  });

  it('reads an address as a paragraph, <font> as inline text, and leaves out comments', () => {
    expect(
      walk(
        '<address>1 River Street, Lisbon</address>Call <font>us</font> today<!-- internal note --><p>End.</p>',
      ),
    ).toEqual([
      ['', '1 River Street, Lisbon'],
      ['', 'Call us today'],
      ['', 'End.'],
    ]);
  });

  it('keeps the blocks of a list item apart by a space, and reads a table footer as a row', () => {
    expect(
      walk(
        '<ul><li><p>First point.</p><p>Second point.</p></li></ul>' +
          '<table><thead><tr><th>Region</th><th>Amount</th></tr></thead><tfoot><tr><td>Total</td><td>30</td></tr></tfoot></table>',
      ),
    ).toEqual([
      ['', '- First point. Second point.'],
      ['', '- Region: Total; Amount: 30.'],
    ]);
  });

  it('reads blocks inside containers as their own paragraphs, and a container of text as one', () => {
    expect(
      walk(
        '<div><p>First block.</p><div><p>Nested block.</p></div></div><blockquote>A quotation.</blockquote>' +
          '<p>A paragraph with <div><p>a block inside</p></div></p><section>Closing words.</section>',
      ),
    ).toEqual([
      ['', 'First block.'],
      ['', 'Nested block.'],
      ['', 'A quotation.'],
      ['', 'A paragraph with'],
      ['', 'a block inside'],
      ['', 'Closing words.'],
    ]);
  });
});
