import { DocumentReader } from '../../../src/corpus/readers/document-reader';
import { DEFAULT_READING_LIMITS, ReaderError } from '../../../src/corpus/readers/types';
import { buildDocx } from '../../fixtures/documents';

describe('DocumentReader', () => {
  const readers: DocumentReader[] = [];
  const open = (limits = { ...DEFAULT_READING_LIMITS }) => {
    const reader = new DocumentReader(limits);
    readers.push(reader);
    return reader;
  };
  afterEach(async () => {
    await Promise.all(readers.splice(0).map((reader) => reader.close()));
  });

  it('reads files on its thread one after another, each answered with its own content', async () => {
    const reader = open();
    const docx = await buildDocx({
      title: 'Travel policy',
      blocks: [{ paragraph: 'Trains are booked early.' }],
    });
    const titles = await Promise.all([
      reader.read({ format: 'markdown', text: '# Leave policy\n\nTwenty-five days.\n' }),
      reader.read({ format: 'docx', bytes: docx }),
      reader.read({
        format: 'html',
        text: '<html><head><title>Lunch</title></head><body><p>At noon.</p></body></html>',
      }),
    ]).then((contents) => contents.map((content) => content.title));
    expect(titles).toEqual(['Leave policy', 'Travel policy', 'Lunch']);
  });

  it("rejects a file its reader refuses with the reader's reason, and reads the next", async () => {
    const reader = open();
    const refused = reader.read({ format: 'docx', bytes: new Uint8Array([1, 2, 3]) });
    const next = reader.read({ format: 'markdown', text: '# Pay\n\nMonthly.\n' });
    await expect(refused).rejects.toBeInstanceOf(ReaderError);
    await expect(refused).rejects.toThrow(/^not a readable Word file/);
    await expect(next).resolves.toMatchObject({ title: 'Pay' });
  });

  it('gives up on a file still being read after the timeout, naming the setting, and reads the next afresh', async () => {
    const limits = { ...DEFAULT_READING_LIMITS, timeoutMs: 1 };
    const reader = open(limits);
    const late = reader.read({ format: 'markdown', text: '# Pay\n\nMonthly.\n' });
    await expect(late).rejects.toBeInstanceOf(ReaderError);
    await expect(late).rejects.toThrow(
      /^still being read after 0 s \(DOCUMENT_READ_TIMEOUT_SECONDS\); it may be damaged or too large$/,
    );
    // The stopped thread is replaced: with time enough, the next file is read.
    limits.timeoutMs = DEFAULT_READING_LIMITS.timeoutMs;
    await expect(reader.read({ format: 'markdown', text: '# Leave\n\nLong.\n' })).resolves.toMatchObject({
      title: 'Leave',
    });
  });

  it('reads again after being closed, on a new thread', async () => {
    const reader = open();
    await reader.read({ format: 'markdown', text: '# Pay\n\nMonthly.\n' });
    await reader.close();
    await expect(reader.read({ format: 'markdown', text: '# Leave\n\nLong.\n' })).resolves.toMatchObject({
      title: 'Leave',
    });
  });
});
