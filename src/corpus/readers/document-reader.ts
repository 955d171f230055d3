import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { NoReply, replyFrom, startThread } from '../worker-thread';
import type { DocumentSource } from './read-document';
import type { ReadJob, ReadReply } from './reader-worker';
import { type DocumentContent, ReaderError, type ReadingLimits } from './types';

/** The worker's heap ceiling: a pathological file ends the worker, not the bot. */
const WORKER_HEAP_MB = 1536;

/**
 * Reads Markdown, HTML, PDF and Word files on a worker thread, one file at a time, so a 300-page PDF
 * never holds up the answers the main thread is giving meanwhile. A file still being read after
 * `limits.timeoutMs`, or one that crashes the worker, is reported as a {@link ReaderError}; the worker is
 * restarted for the next file. Call {@link DocumentReader.close} when done.
 */
export class DocumentReader {
  private worker?: Worker;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 0;

  constructor(private readonly limits: ReadingLimits) {}

  /** Reads one file; rejects with {@link ReaderError} when it cannot be used. */
  read(source: DocumentSource): Promise<DocumentContent> {
    const result = this.queue.then(() => this.run(source));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Stops the worker thread. */
  async close(): Promise<void> {
    await this.queue;
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private async run(source: DocumentSource): Promise<DocumentContent> {
    const worker = this.ensureWorker();
    const job: ReadJob = { id: this.nextId++, source, maxPdfPages: this.limits.maxPdfPages };
    const replied = replyFrom<ReadReply>(worker, job.id, this.limits.timeoutMs);
    worker.postMessage(job, 'bytes' in source ? [source.bytes.buffer as ArrayBuffer] : []);
    let reply: ReadReply;
    try {
      reply = await replied;
    } catch (error) {
      this.dropWorker(worker);
      throw new ReaderError(noReplyMessage(error, this.limits.timeoutMs));
    }
    if ('error' in reply) throw new ReaderError(reply.error);
    return reply.content;
  }

  private ensureWorker(): Worker {
    if (!this.worker) this.worker = startWorker();
    return this.worker;
  }

  private dropWorker(worker: Worker): void {
    if (this.worker === worker) this.worker = undefined;
    void worker.terminate();
  }
}

/** Why a file gave no content, when the reader thread did not reply (see {@link replyFrom}). */
function noReplyMessage(error: unknown, timeoutMs: number): string {
  const reason = error instanceof NoReply ? error.reason : undefined;
  if (reason?.kind === 'timeout') {
    return `still being read after ${Math.round(timeoutMs / 1000)} s (DOCUMENT_READ_TIMEOUT_SECONDS); it may be damaged or too large`;
  }
  if (reason?.kind === 'error') return `reading it stopped the reader (${reason.error.message})`;
  return 'reading it stopped the reader';
}

/** Starts the reader thread. */
function startWorker(): Worker {
  return startThread(path.join(__dirname, 'reader-worker'), {
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
}
