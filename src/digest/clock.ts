/** Time as the digest sees it; injected so tests run schedules without waiting. */
export interface Clock {
  now(): Date;
}

/** Timers as the digest scheduler uses them; injected alongside the {@link Clock}. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** Real timers; unreferenced, so a pending digest never keeps the process alive on its own. */
export const systemTimers: Timers = {
  setTimeout(callback, ms) {
    return setTimeout(callback, ms).unref();
  },
  clearTimeout(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
};
