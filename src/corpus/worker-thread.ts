import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread running the module at `entry`, a path without its extension beside the module
 * asking for it (`path.join(__dirname, 'name-worker')`): bundled, as `npm start` runs coop (every module
 * is then in one file, and the build puts each thread's module beside it), compiled module by module, as
 * the bench runs it, or from TypeScript sources (tsx, ts-jest) through tsx's require hook.
 */
export function startThread(entry: string, options: WorkerOptions = {}): Worker {
  if (!__filename.endsWith('.ts')) return new Worker(`${entry}.js`, options);
  const boot = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(`${entry}.ts`)});`;
  return new Worker(boot, { ...options, eval: true });
}

/** Why a thread gave no reply: it threw, it stopped, or it took longer than allowed. */
export type NoReplyReason =
  | { kind: 'error'; error: Error }
  | { kind: 'exit'; code: number }
  | { kind: 'timeout' };

/** The rejection of {@link replyFrom}: the thread gave no reply, for `reason`. */
export class NoReply extends Error {
  constructor(readonly reason: NoReplyReason) {
    super(
      reason.kind === 'error'
        ? reason.error.message
        : reason.kind === 'exit'
          ? `the thread stopped (${reason.code})`
          : 'the thread took too long to reply',
    );
    this.name = 'NoReply';
  }
}

/**
 * The reply to the message numbered `id` that is about to be posted to `worker`: the first message back
 * carrying that `id`. Rejects with {@link NoReply} when the thread throws or stops first, or, given
 * `timeoutMs`, when no reply comes within it. Call before posting, so no reply is missed.
 */
export function replyFrom<Reply extends { id: number }>(
  worker: Worker,
  id: number,
  timeoutMs?: number,
): Promise<Reply> {
  return new Promise<Reply>((resolve, reject) => {
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      outcome();
    };
    const onMessage = (reply: Reply) => {
      if (reply.id === id) settle(() => resolve(reply));
    };
    const onError = (error: Error) => settle(() => reject(new NoReply({ kind: 'error', error })));
    const onExit = (code: number) => settle(() => reject(new NoReply({ kind: 'exit', code })));
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => settle(() => reject(new NoReply({ kind: 'timeout' }))), timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
