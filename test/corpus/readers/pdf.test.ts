import { PDFDocument, StandardFonts } from 'pdf-lib';
import { ReaderError } from '../../../src/corpus/readers/types';
import { buildEncryptedPdf, buildPdf, buildScannedPdf, type PdfParagraph } from '../../fixtures/documents';
import { loadNatively } from './esm-packages';

// unpdf loads pdf.js with a dynamic import, which jest's runtime cannot serve.
loadNatively('unpdf');
const { readPdf } =
  require('../../../src/corpus/readers/pdf') as typeof import('../../../src/corpus/readers/pdf');

const BODY = [
  'Revenue grew by twelve percent in the northern region during the year, ahead of every forecast.',
  'Costs rose less than expected because the new warehouse opened two months early.',
  'The board thanked the staff of both offices for a difficult but successful year.',
];

/** Each section as `page heading| text` (how a PDF's lines fall into paragraphs is pdf-layout's test). */
function lines(content: Awaited<ReturnType<typeof readPdf>>): string[] {
  return content.sections.map(
    (section) =>
      `${section.location?.page} ${section.location?.headings?.join(' › ') ?? ''}| ${section.paragraphs.map((p) => p.text).join(' ')}`,
  );
}

const ALL = BODY.join(' ');

async function rejection(read: Promise<unknown>): Promise<ReaderError> {
  const error = await read.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ReaderError)) throw new Error(`expected a ReaderError, got ${error}`);
  return error;
}

describe('readPdf', () => {
  it('reads each page as a section cited by its page number, with its creation date', async () => {
    const content = await readPdf(
      await buildPdf({
        title: 'Annual report',
        date: new Date('2023-11-05T12:00:00Z'),
        pages: [BODY, ['Hiring resumed in May, with forty engineers joining the Lisbon office.']],
      }),
      10,
    );
    expect(content.title).toBe('Annual report');
    expect(content.date).toBe('2023-11-05');
    expect(content.notice).toBeUndefined();
    expect(lines(content)).toEqual([
      `1 | ${ALL}`,
      '2 | Hiring resumed in May, with forty engineers joining the Lisbon office.',
    ]);
  });

  it.each([
    ['no Title property', undefined],
    ['an empty Title', '   '],
    ['"Untitled"', 'Untitled'],
    ['a Word leftover', 'Microsoft Word - plan.doc'],
    ['a PowerPoint leftover', 'Microsoft PowerPoint - deck'],
    ...[
      'report-final.docx',
      'plan.doc',
      'scan.PDF',
      'deck.pptx',
      'deck.ppt',
      'notes.txt',
      'layout.indd',
      'thesis.tex',
    ].map((name): [string, string] => [`the file name ${name}`, name]),
  ])('takes the largest line on page 1 as the title, and not as text, given %s', async (_name, title) => {
    const content = await readPdf(
      await buildPdf({ title, pages: [[{ heading: 'Quarterly review of sales' }, ...BODY]] }),
      10,
    );
    expect(content.title).toBe('Quarterly review of sales');
    expect(lines(content)).toEqual([`1 | ${ALL}`]);
  });

  it.each([
    'Untitled territories of the north',
    'The untitled',
    'Notes on Microsoft Word - tips',
    'Why .pdf files last',
  ])('keeps the Title property "%s", which only mentions a leftover', async (title) => {
    const content = await readPdf(await buildPdf({ title, pages: [BODY] }), 10);
    expect(content.title).toBe(title);
  });

  it('finds no text layer in pages that each hold only a caption', async () => {
    const pdf = await buildPdf({ pages: [['Figure one here'], ['Figure two here'], ['Figure six here']] });
    await expect(readPdf(pdf, 10)).rejects.toThrow(/no text layer/);
  });

  it('takes the title from a cover page of a title and one more line', async () => {
    const content = await readPdf(
      await buildPdf({ pages: [[{ heading: 'Annual report 2024' }, 'Acme Ltd, Lisbon'], BODY] }),
      10,
    );
    expect(content.title).toBe('Annual report 2024');
    expect(lines(content)).toEqual(['1 | Acme Ltd, Lisbon', `2 | ${ALL}`]);
  });

  it('keeps a real Title property, collapsed, and then reads the large line on page 1 as a heading', async () => {
    const content = await readPdf(
      await buildPdf({
        title: ' Sales  review 2024 ',
        pages: [[{ heading: 'Quarterly review of sales' }, ...BODY]],
      }),
      10,
    );
    expect(content.title).toBe('Sales review 2024');
    expect(lines(content)).toEqual([`1 Quarterly review of sales| ${ALL}`]);
  });

  it('takes no title from page 1 when no line there is larger than the text', async () => {
    const content = await readPdf(await buildPdf({ pages: [BODY] }), 10);
    expect(content.title).toBeUndefined();
    expect(lines(content)).toEqual([`1 | ${ALL}`]);
  });

  it('takes the higher of two equally large lines as the title, the other opening a section', async () => {
    const content = await readPdf(
      await buildPdf({
        pages: [[{ heading: 'Annual review' }, BODY[0], { heading: 'Hiring' }, BODY[1], BODY[2]]],
      }),
      10,
    );
    expect(content.title).toBe('Annual review');
    expect(lines(content)).toEqual([`1 | ${BODY[0]}`, `1 Hiring| ${BODY[1]} ${BODY[2]}`]);
  });

  it.each([
    [20, true],
    [21, false],
  ])('takes a large line of %i words as the title: %s', async (count, isTitle) => {
    const long = 'abcdefghijklmnopqrstu'.slice(0, count).split('').join(' ');
    const content = await readPdf(await buildPdf({ pages: [[{ heading: long }, ...BODY]] }), 10);
    expect(content.title).toBe(isTitle ? long : undefined);
    expect(lines(content)).toEqual([isTitle ? `1 | ${ALL}` : `1 | ${long} ${ALL}`]);
  });

  it('drops running headers, footers and page numbers, and joins a word hyphenated at a line end', async () => {
    const content = await readPdf(
      await buildPdf({
        header: 'Acme Ltd - Annual report 2024',
        footer: (page, pages) => `Page ${page} of ${pages}`,
        pages: [
          [BODY[0]],
          [{ lines: ['Staff training covered infor-', 'mation security and the new expense policy.'] }],
          [BODY[2]],
        ],
      }),
      10,
    );
    expect(lines(content)).toEqual([
      `1 | ${BODY[0]}`,
      '2 | Staff training covered information security and the new expense policy.',
      `3 | ${BODY[2]}`,
    ]);
  });

  it('reads only the first pages up to the limit, and says so', async () => {
    const content = await readPdf(await buildPdf({ pages: [[BODY[0]], [BODY[1]], [BODY[2]]] }), 2);
    expect(lines(content)).toEqual([`1 | ${BODY[0]}`, `2 | ${BODY[1]}`]);
    expect(content.notice).toBe('only the first 2 of 3 pages read (PDF_MAX_PAGES)');
  });

  it('takes the modification date when there is no creation date', async () => {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    const font = await pdf.embedFont(StandardFonts.TimesRoman);
    pdf.addPage().drawText(BODY[0], { x: 50, y: 700, size: 11, font });
    pdf.setModificationDate(new Date('2022-08-09T10:00:00Z'));
    expect((await readPdf(await pdf.save(), 10)).date).toBe('2022-08-09');
  });

  it('reads a page of twenty letters, and takes fewer as a scan to run OCR on', async () => {
    const onePage = (text: string) => buildPdf({ pages: [[{ lines: [text] } as PdfParagraph]] });
    expect(lines(await readPdf(await onePage('Lunch at noon, terrace two.'), 10))).toEqual([
      '1 | Lunch at noon, terrace two.',
    ]);
    expect(lines(await readPdf(await onePage('abcde fghij klmno pqrst'), 10))).toEqual([
      '1 | abcde fghij klmno pqrst',
    ]);
    expect((await rejection(readPdf(await onePage('abcde fghij klmno pqrs'), 10))).message).toMatch(
      /^no text layer: it looks like a scan; run OCR on it/,
    );
    expect((await rejection(readPdf(await buildScannedPdf(), 10))).message).toMatch(/no text layer.*OCR/);
  });

  it('says an encrypted PDF needs its password removed, and a broken one re-saving', async () => {
    expect((await rejection(readPdf(await buildEncryptedPdf(), 10))).message).toMatch(
      /^encrypted \(password-protected\): save a copy without a password/,
    );
    const broken = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthe rest was lost');
    expect((await rejection(readPdf(broken, 10))).message).toMatch(
      /^not a readable PDF \(.+\); re-export or re-save it as PDF$/,
    );
    const notPdf = new TextEncoder().encode('just some text');
    expect((await rejection(readPdf(notPdf, 10))).message).toMatch(/^not a readable PDF/);
  });
});
