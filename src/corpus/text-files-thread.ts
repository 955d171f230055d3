import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { ContentFileRead } from './readers/read-content-file';
import type { TextFilesJob, TextFilesReply } from './text-files-worker';
import { replyFrom, startThread } from './worker-thread';

/**
 * Reads and parses batches of `.txt` files on a thread of its own (`text-files-worker.ts`), one batch at
 * a time: on a large corpus, reading and parsing on the main thread was most of a first start, on one
 * core. A batch the thread cannot finish (the thread stopped, or threw) is rejected; the
 * thread is not restarted, and the caller reads what is left itself. Call {@link TextFilesThread.close}
 * when done.
 */
export class TextFilesThread {
  private readonly worker: Worker;
  private nextId = 0;
  private stopped?: Error;

  constructor() {
    this.worker = startThread(path.join(__dirname, 'text-files-worker'));
    this.worker.once('error', (error) => {
      this.stopped = error;
    });
    this.worker.once('exit', (code) => {
      this.stopped ??= new Error(`the text files thread stopped (${code})`);
    });
  }

  /** Reads `files` (relative to `dir`), each as {@link readTextFileSync} reads it, in their order. */
  async read(dir: string, files: string[]): Promise<ContentFileRead[]> {
    if (this.stopped) throw this.stopped;
    const job: TextFilesJob = { id: this.nextId++, dir, files };
    const replied = replyFrom<TextFilesReply>(this.worker, job.id);
    this.worker.postMessage(job);
    const reply = await replied;
    if ('error' in reply) throw new Error(reply.error);
    return reply.reads;
  }

  /** Stops the thread. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
