import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import type { ReadingOptions } from '../corpus/readers/types';
import { replyFrom, startThread } from '../corpus/worker-thread';
import type { Logger } from '../logging/logger';
import type { IndexBuildJob, IndexBuildLogLine, IndexBuildReply } from './index-build-worker';
import { type LoadedIndex, loadIndexSnapshot } from './index-snapshot';

/**
 * Rebuilds the index of `corpusDir` on a thread of its own, which saves its snapshot to `snapshotDir`
 * ({@link import('./index-snapshot').buildIndexSnapshot}) and ends, then loads that snapshot here. Built
 * on the main thread, a rebuild at 100k passages held it for some ten seconds, answering nothing, and
 * needed room in its heap for the index answering and the whole build beside it: under the heap limit
 * documented for that size, the bot ran out of memory. The thread's heap, as large as this one's
 * allowance, is returned when it ends; the main thread then needs room for a second loaded index only,
 * for the moment of the swap. Rejects when the thread fails (its error logged as it came) or the
 * snapshot cannot be loaded.
 */
export async function rebuildOnThread(
  corpusDir: string,
  options: { snapshotDir: string; logger?: Logger; reading?: ReadingOptions },
): Promise<LoadedIndex> {
  const { snapshotDir, logger, reading } = options;
  const job: IndexBuildJob = { corpusDir, snapshotDir, reading };
  const thread = startThread(path.join(__dirname, 'index-build-worker'), {
    workerData: job,
    resourceLimits: { maxOldGenerationSizeMb: Math.ceil(getHeapStatistics().heap_size_limit / 2 ** 20) },
  });
  thread.on('message', (line: IndexBuildLogLine | IndexBuildReply) => {
    if ('level' in line) logger?.[line.level](line.text);
  });
  const built = await replyFrom<IndexBuildReply>(thread, 0).finally(() => thread.terminate());
  if ('error' in built) throw new Error(built.error);
  return loadIndexSnapshot(built.file, built.key, logger);
}
