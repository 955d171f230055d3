import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { InFlight } from '../../src/slack/in-flight';

type Args = Parameters<Middleware<AnyMiddlewareArgs>>[0];

/** Runs one request through the middleware; `finish()` ends its listeners. */
function request(inFlight: InFlight): { finish(): void; done: Promise<void> } {
  let finish = () => {};
  const listeners = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const done = inFlight.middleware({ next: () => listeners } as unknown as Args) as Promise<void>;
  return { finish, done };
}

// Shutdown waits on this, so that answers being written are not cut off.
describe('InFlight', () => {
  it('is idle at once when nothing is being handled', async () => {
    await expect(new InFlight().whenIdle()).resolves.toBeUndefined();
  });

  it('waits for every request being handled to finish', async () => {
    const inFlight = new InFlight();
    const first = request(inFlight);
    const second = request(inFlight);
    let idle = false;
    const whenIdle = inFlight.whenIdle().then(() => {
      idle = true;
    });
    first.finish();
    await first.done;
    expect(idle).toBe(false);
    second.finish();
    await second.done;
    await whenIdle;
    expect(idle).toBe(true);
  });
});
