import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { ReaderError } from '../../../src/corpus/readers/types';
import { buildDocx } from '../../fixtures/documents';
import { contentLines } from './content-lines';
import { loadNatively } from './esm-packages';

loadNatively('linkedom');
const { readDocx } =
  require('../../../src/corpus/readers/docx') as typeof import('../../../src/corpus/readers/docx');

const lines = contentLines;

describe('readDocx', () => {
  it('takes the Title style as the title, Heading 1 to 3 as the heading path, lists and tables as items', async () => {
    const content = await readDocx(
      await buildDocx({
        title: 'Travel policy',
        blocks: [
          { paragraph: 'This policy covers every trip.' },
          { heading: 'Booking', level: 1 },
          { heading: 'Trains', level: 2 },
          { heading: 'Night trains', level: 3 },
          { paragraph: 'Sleepers are booked for journeys over eight hours.' },
          { heading: 'Flights', level: 1 },
          { bullets: ['Book two weeks ahead.', 'Keep the receipt.'] },
          {
            table: [
              ['Journey', 'Class'],
              ['Short haul', 'Economy'],
            ],
          },
        ],
      }),
    );
    expect(content.title).toBe('Travel policy');
    expect(lines(content)).toEqual([
      ' | This policy covers every trip.',
      'Booking › Trains › Night trains | Sleepers are booked for journeys over eight hours.',
      'Flights | - Book two weeks ahead.',
      'Flights | - Keep the receipt.',
      'Flights | - Journey: Short haul; Class: Economy.',
    ]);
  });

  it('reads Heading 4 as the deepest level of the path, and a Subtitle as text', async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Leave', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: 'Annual leave explained', style: 'Subtitle' }),
            new Paragraph({ text: 'Carry-over', heading: HeadingLevel.HEADING_4 }),
            new Paragraph({ text: 'Five days carry over to March.' }),
          ],
        },
      ],
    });
    const content = await readDocx(new Uint8Array(await Packer.toBuffer(document)));
    expect(content.title).toBeUndefined();
    expect(lines(content)).toEqual([
      'Leave | Annual leave explained',
      'Leave › Carry-over | Five days carry over to March.',
    ]);
  });

  it('says a file that is not a Word document should be saved again as .docx', async () => {
    const read = readDocx(new TextEncoder().encode('not a zip archive'));
    await expect(read).rejects.toBeInstanceOf(ReaderError);
    await expect(read).rejects.toThrow(
      /^not a readable Word file \(.+\); open and save it again in Word as \.docx$/,
    );
  });
});
