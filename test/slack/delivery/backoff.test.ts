import { backoffDelay, retryAfterDelay, sleep } from '../../../src/slack/delivery/backoff';

const policy = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 8000 };

describe('backoff', () => {
  it('spreads a hundred answers that hit the same 429 over time, none sooner than Retry-After', () => {
    const delays = Array.from({ length: 100 }, () => retryAfterDelay(30));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(30_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(45_000);
    // Retrying all at once would give one value; jitter gives nearly a hundred.
    expect(new Set(delays).size).toBeGreaterThan(90);
  });

  it('spreads over half the asked wait after a long limit, and over at least a second after a short one', () => {
    expect(retryAfterDelay(30, () => 1)).toBe(45_000);
    expect(retryAfterDelay(1, () => 1)).toBe(2000);
    expect(retryAfterDelay(0, () => 0)).toBe(0);
  });

  it('doubles the wait between tries, with jitter, up to the ceiling', () => {
    expect(backoffDelay(1, policy, () => 0.5)).toBe(1000);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(2000);
    expect(backoffDelay(10, policy, () => 0.5)).toBe(8000);
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 0.999)).toBeLessThan(1500);
  });

  it('waits, for real, at least as long as the backoff says', async () => {
    const started = performance.now();
    await sleep(20);
    expect(performance.now() - started).toBeGreaterThanOrEqual(19);
  });
});
