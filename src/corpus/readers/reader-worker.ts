import { parentPort } from 'node:worker_threads';
import { type DocumentSource, readDocumentContent } from './read-document';
import { ReaderError } from './types';

/** A file to read, as the {@link DocumentReader} sends it. */
export interface ReadJob {
  id: number;
  source: DocumentSource;
  maxPdfPages: number;
}

/** The outcome of a {@link ReadJob}: the content, or why the file cannot be used. */
export type ReadReply =
  | { id: number; content: import('./types').DocumentContent }
  | { id: number; error: string };

// The worker thread's entry: reads each file it is sent and replies; it never throws.
parentPort?.on('message', async (job: ReadJob) => {
  let reply: ReadReply;
  try {
    reply = { id: job.id, content: await readDocumentContent(job.source, job.maxPdfPages) };
  } catch (error) {
    const message =
      error instanceof ReaderError
        ? error.message
        : `could not be read (${error instanceof Error ? error.message : String(error)})`;
    reply = { id: job.id, error: message };
  }
  parentPort?.postMessage(reply);
});
