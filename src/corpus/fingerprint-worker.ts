import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { type FingerprintReply, hashStats, shortDigest } from './corpus-fingerprint';

/** What the thread is given: the corpus folder and its files, listed by the caller. */
interface FingerprintJob {
  corpusDir: string;
  files: string[];
}

// The thread's entry: stats the files it was given, replies with their fingerprint, and ends.
const { corpusDir, files } = workerData as FingerprintJob;
let reply: FingerprintReply;
try {
  const hash = createHash('sha256');
  hashStats(corpusDir, files, hash);
  reply = { fingerprint: shortDigest(hash) };
} catch (error) {
  reply = { error: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(reply);
