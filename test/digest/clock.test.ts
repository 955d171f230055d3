import { systemClock, systemTimers } from '../../src/digest/clock';

/** The real clock and timers that the digest scheduler runs on outside tests. */
describe('systemClock and systemTimers', () => {
  it('tells the current time', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('runs a digest timer once it is due, without keeping the process alive for it', async () => {
    const fired = await new Promise<boolean>((resolve) => {
      const handle = systemTimers.setTimeout(() => resolve(true), 5) as NodeJS.Timeout;
      expect(handle.hasRef()).toBe(false);
    });
    expect(fired).toBe(true);
  });

  it('never runs a cleared timer', async () => {
    let fired = false;
    const handle = systemTimers.setTimeout(() => {
      fired = true;
    }, 5);
    systemTimers.clearTimeout(handle);
    // a later timer of the same kind has run, so the cleared one would have too
    await new Promise((resolve) => systemTimers.setTimeout(() => resolve(undefined), 25));
    expect(fired).toBe(false);
  });
});
