import { parentPort } from 'node:worker_threads';
import { type ContentFileRead, readTextFileSync } from './readers/read-content-file';

/** `.txt` files to read, as the {@link import('./text-files-thread').TextFilesThread} sends them. */
export interface TextFilesJob {
  id: number;
  /** The corpus folder. */
  dir: string;
  /** The files, relative to `dir`. */
  files: string[];
}

/** The outcome of a {@link TextFilesJob}: each file as read, in the job's order, or why none could be. */
export type TextFilesReply = { id: number; reads: ContentFileRead[] } | { id: number; error: string };

// The thread's entry: reads and parses each batch of files it is sent, and replies; it never throws.
parentPort?.on('message', (job: TextFilesJob) => {
  let reply: TextFilesReply;
  try {
    reply = { id: job.id, reads: job.files.map((file) => readTextFileSync(job.dir, file)) };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
