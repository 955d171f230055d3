import { createHash, type Hash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { listCorpusFiles } from './read-corpus';
import { startThread } from './worker-thread';

const STAT_BATCH = 2000;
/**
 * Files from which the stats are taken on a thread of their own: at 35,000 files they held the event
 * loop about 150 ms in all, in the first second after a start and at every re-scan, while questions
 * waited; fewer are stat'ed in less time than a thread takes to start.
 */
export const THREADED_STATS = 5000;

/** What the fingerprint thread replies. */
export type FingerprintReply = { fingerprint: string } | { error: string };

/**
 * Feeds `hash` each of `files` (relative to `corpusDir`) as `stat` sees it: its name, size, modification
 * time, permission bits and owner. Any edit, addition, removal, or change of who may read a file changes
 * the hash; no file is read.
 */
export function hashStats(corpusDir: string, files: readonly string[], hash: Hash): void {
  // Synchronous stats are several times faster than promised ones.
  for (const file of files) {
    const stat = statSync(path.join(corpusDir, file), { throwIfNoEntry: false });
    hash.update(
      stat
        ? `${file}\t${stat.size}\t${stat.mtimeMs}\t${stat.mode}\t${stat.uid}\t${stat.gid}\n`
        : `${file}\t-1\n`,
    );
  }
}

/**
 * A short fingerprint of the corpus's state, to tell whether it has changed: every document file as
 * {@link hashStats} sees it. Subfolders that cannot be listed are left out, as the loader leaves them
 * out. The files are listed here; a large corpus's stats are taken on a thread of their own
 * ({@link THREADED_STATS}).
 */
export async function corpusFingerprint(corpusDir: string): Promise<string> {
  const files = await listCorpusFiles(corpusDir);
  if (files.length < THREADED_STATS) {
    const hash = createHash('sha256');
    for (let start = 0; start < files.length; start += STAT_BATCH) {
      // Yielding between batches keeps the stats from stalling the questions being answered meanwhile.
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      hashStats(corpusDir, files.slice(start, start + STAT_BATCH), hash);
    }
    return shortDigest(hash);
  }
  return new Promise((resolve, reject) => {
    const thread = startThread(path.join(__dirname, 'fingerprint-worker'), {
      workerData: { corpusDir, files },
    });
    thread.once('message', (reply: FingerprintReply) =>
      'fingerprint' in reply ? resolve(reply.fingerprint) : reject(new Error(reply.error)),
    );
    thread.once('error', reject);
    thread.once('exit', (code) =>
      reject(new Error(`the fingerprint thread stopped (${code}) before replying`)),
    );
  });
}

/** The first 24 hex digits of `hash`'s digest. */
export function shortDigest(hash: Hash): string {
  return hash.digest('hex').slice(0, 24);
}
