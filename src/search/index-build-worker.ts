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

/** What the thread posts: its log lines as they come, then the snapshot it saved or why it could not. */
export type IndexBuildMessage =
  | { kind: 'log'; level: keyof Logger; text: string }
  | { kind: 'built'; file: string; key: string }
  | { kind: 'failed'; message: string };

const post = (message: IndexBuildMessage) => parentPort?.postMessage(message);
const forward =
  (level: keyof Logger) =>
  (...messages: unknown[]) =>
    post({ kind: 'log', level, text: renderMessages(messages) });
const logger: Logger = {
  debug: forward('debug'),
  info: forward('info'),
  warn: forward('warn'),
  error: forward('error'),
};

// The thread's entry: builds the corpus's index, saves its snapshot, replies with where it is, and ends.
const { corpusDir, snapshotDir, reading } = workerData as IndexBuildJob;
buildIndexSnapshot(corpusDir, { snapshotDir, reading, logger }).then(
  ({ file, key }) => post({ kind: 'built', file, key }),
  (error: unknown) =>
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
