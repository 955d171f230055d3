import { createHash, type Hash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { listCorpusFiles } from './read-corpus';

const STAT_BATCH = 2000;

/**
 * Feeds `hash` the corpus as `stat` sees it: every document file's relative name, size, modification
 * time, permission bits and owner. Any edit, addition, removal, or change of who may read a file changes
 * the hash; no file is read. Subfolders that cannot be listed are left out, as the loader leaves them out.
 */
export async function hashCorpusState(corpusDir: string, hash: Hash): Promise<Hash> {
  const files = await listCorpusFiles(corpusDir);
  for (let start = 0; start < files.length; start += STAT_BATCH) {
    // Synchronous stats are several times faster than promised ones; yielding between batches keeps a
    // reload from stalling the questions being answered meanwhile.
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const file of files.slice(start, start + STAT_BATCH)) {
      const stat = statSync(path.join(corpusDir, file), { throwIfNoEntry: false });
      hash.update(
        stat
          ? `${file}\t${stat.size}\t${stat.mtimeMs}\t${stat.mode}\t${stat.uid}\t${stat.gid}\n`
          : `${file}\t-1\n`,
      );
    }
  }
  return hash;
}

/** A short fingerprint of the corpus's state ({@link hashCorpusState}), to tell whether it has changed. */
export async function corpusFingerprint(corpusDir: string): Promise<string> {
  return (await hashCorpusState(corpusDir, createHash('sha256'))).digest('hex').slice(0, 24);
}
