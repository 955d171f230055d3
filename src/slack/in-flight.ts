import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/**
 * Counts the requests the app is still handling, so shutdown can wait for answers being written
 * instead of cutting them off.
 */
export class InFlight {
  private count = 0;
  private waiting: Array<() => void> = [];

  /** Global middleware that counts each request from arrival until its listeners finish. */
  readonly middleware: Middleware<AnyMiddlewareArgs> = async ({ next }) => {
    this.count++;
    try {
      await next();
    } finally {
      this.count--;
      if (this.count === 0) for (const resolve of this.waiting.splice(0)) resolve();
    }
  };

  /** Resolves once nothing is being handled. */
  whenIdle(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}
