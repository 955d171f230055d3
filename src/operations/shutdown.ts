import type { Logger } from '../logging/logger';

/**
 * Runs the shutdown steps in order (stop taking requests and finish answers in flight, then flush and
 * close the store), giving them `boundMs` in all. A step still running at the bound (a call stuck on a
 * dead connection) is abandoned with a warning: what it was answering stays in the inbox and is
 * answered at the next start. Never rejects.
 */
export async function stopWithin(
  boundMs: number,
  steps: Array<() => Promise<void>>,
  logger: Logger,
): Promise<void> {
  const deadline = Date.now() + boundMs;
  for (const step of steps) {
    const left = Math.max(deadline - Date.now(), Math.min(boundMs, 1000));
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      step().then(
        () => 'done' as const,
        (error: unknown) => {
          logger.error('Stopping cleanly failed', error);
          return 'failed' as const;
        },
      ),
      new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), left);
      }),
    ]);
    clearTimeout(timer);
    if (outcome === 'late') {
      logger.warn(
        `Shutdown step still running after ${boundMs} ms; leaving it (unanswered events stay in the inbox)`,
      );
    }
  }
}
