import { parentPort, workerData } from 'node:worker_threads';
import type { ReadingOptions } from '../corpus/readers/types';
import { type Logger, renderMessages } from '../logging/logger';
import { buildIndexSnapshot } from './index-snapshot';

/** What the thread is given: the corpus to index, where to save its snapshot, how to read it. */
export interface IndexBuildJob {
  corpusDir: string;
  snapshotDir: string;
  reading?: ReadingOptions;
}

/** One of the thread's log lines, posted as it comes. */
export interface IndexBuildLogLine {
  level: keyof Logger;
  text: string;
}

/**
 * The thread's one reply, numbered 0 as `replyFrom` waits for it: the snapshot it saved, or why it could
 * not. (This module is the thread's entry and is only imported for its types: importing a value would run it.)
 */
export type IndexBuildReply = { id: 0 } & ({ file: string; key: string } | { error: string });

const forward =
  (level: keyof Logger) =>
  (...messages: unknown[]) =>
    parentPort?.postMessage({ level, text: renderMessages(messages) } satisfies IndexBuildLogLine);
const reply = (outcome: IndexBuildReply) => parentPort?.postMessage(outcome);
const logger: Logger = {
  debug: forward('debug'),
  info: forward('info'),
  warn: forward('warn'),
  error: forward('error'),
};

// The thread's entry: builds the corpus's index, saves its snapshot, replies with where it is, and ends.
const { corpusDir, snapshotDir, reading } = workerData as IndexBuildJob;
buildIndexSnapshot(corpusDir, { snapshotDir, reading, logger }).then(
  ({ file, key }) => reply({ id: 0, file, key }),
  (error: unknown) => reply({ id: 0, error: error instanceof Error ? error.message : String(error) }),
);
