import type { ReadJob, ReadReply } from '../../../src/corpus/readers/reader-worker';
import { buildDocx, buildPdf } from '../../fixtures/documents';
import { loadNatively } from './esm-packages';

loadNatively('marked', 'linkedom', 'unpdf');

/** The reader thread's port to the main thread, as the worker entry sees it. */
const mockPort = {
  listener: undefined as ((job: ReadJob) => Promise<void>) | undefined,
  replies: [] as ReadReply[],
  on(_event: string, listener: (job: ReadJob) => Promise<void>) {
    this.listener = listener;
  },
  postMessage(reply: ReadReply) {
    this.replies.push(reply);
  },
};
jest.mock('node:worker_threads', () => ({ parentPort: mockPort }));
require('../../../src/corpus/readers/reader-worker');
// The thread loads each format's reader on its first file. Loaded here instead, outside any test, so
// that a mutation run counts the readers' module-level patterns as static, as every other test file
// loads them, rather than crediting them to whichever case below reads that format first.
for (const reader of ['markdown', 'html', 'pdf', 'docx']) require(`../../../src/corpus/readers/${reader}`);

/** What the reader thread replies to `job`. */
async function reply(job: ReadJob): Promise<ReadReply | undefined> {
  mockPort.replies = [];
  await mockPort.listener?.(job);
  return mockPort.replies[0];
}

describe('the reader thread', () => {
  it.each<[string, () => Promise<ReadJob['source']>, string]>([
    [
      'Markdown',
      async () => ({ format: 'markdown', text: '# Leave policy\n\nTwenty-five days.\n' }),
      'Leave policy',
    ],
    [
      'HTML',
      async () => ({
        format: 'html',
        text: '<html><head><title>Lunch</title></head><body><p>At noon.</p></body></html>',
      }),
      'Lunch',
    ],
    [
      'PDF',
      async () => ({
        format: 'pdf',
        bytes: await buildPdf({
          title: 'Annual report',
          pages: [['Revenue grew by twelve percent this year.']],
        }),
      }),
      'Annual report',
    ],
    [
      'Word',
      async () => ({
        format: 'docx',
        bytes: await buildDocx({
          title: 'Travel policy',
          blocks: [{ paragraph: 'Trains are booked early.' }],
        }),
      }),
      'Travel policy',
    ],
  ])(
    'reads %s with its reader and replies with the content under the job id',
    async (_name, source, title) => {
      const answer = await reply({ id: 7, source: await source(), maxPdfPages: 10 });
      expect(answer).toMatchObject({ id: 7, content: { title } });
    },
  );

  it('passes the page limit on to the PDF reader', async () => {
    const bytes = await buildPdf({
      pages: [['Page one talks about revenue.'], ['Page two talks about costs.']],
    });
    const answer = await reply({ id: 1, source: { format: 'pdf', bytes }, maxPdfPages: 1 });
    expect(answer).toMatchObject({ content: { notice: 'only the first 1 of 2 pages read (PDF_MAX_PAGES)' } });
  });

  it("replies with a reader's reason for refusing a file, and never throws", async () => {
    const answer = await reply({
      id: 3,
      source: { format: 'docx', bytes: new Uint8Array([1, 2, 3]) },
      maxPdfPages: 10,
    });
    expect(answer).toEqual({ id: 3, error: expect.stringMatching(/^not a readable Word file/) });
  });

  it('replies with any other failure as "could not be read", naming it', async () => {
    const source = { format: 'markdown' } as ReadJob['source'];
    const answer = await reply({ id: 4, source, maxPdfPages: 10 });
    expect(answer).toEqual({ id: 4, error: expect.stringMatching(/^could not be read \(.+\)$/) });
  });
});
