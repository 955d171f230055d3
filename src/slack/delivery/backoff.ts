/** How often, and how patiently, a failed Slack call is tried again. */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Wait before the second try; each later wait doubles, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** What a user waiting for an answer is given: four tries within about half a minute, rate limits aside. */
export const ANSWER_RETRY_POLICY: RetryPolicy = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 15_000 };

/**
 * The wait before try `attempt + 1` (attempt 1 is the first try): exponential, with jitter between half
 * and one and a half times the nominal wait, so callers that failed together do not retry together.
 */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const nominal = Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempt - 1), policy.maxDelayMs);
  return Math.round(nominal * (0.5 + random()));
}

/**
 * The wait after a 429 with `Retry-After: seconds`: never sooner than Slack asked, and spread over up to
 * half as long again (at least a second), so a hundred answers that hit the same limit do not all come
 * back in the same instant.
 */
export function retryAfterDelay(seconds: number, random: () => number = Math.random): number {
  const asked = Math.max(0, seconds) * 1000;
  return Math.round(asked + random() * Math.max(1000, asked / 2));
}

/** Resolves after `ms`; its timer does not hold the process open. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
