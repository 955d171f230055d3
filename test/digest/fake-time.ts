import type { Clock, Timers } from '../../src/digest/clock';

/** A clock and timers that move only when told: schedules run without waiting. */
export class FakeTime implements Clock, Timers {
  private current: number;
  private nextId = 1;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();

  constructor(
    start: string | Date,
    /** Awaited after each timer fires, so the async work it started can finish. */
    private readonly settle: () => Promise<void> = async () => {},
  ) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { at: this.current + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** When the earliest pending timer is due, or undefined. */
  nextDue(): Date | undefined {
    const due = [...this.pending.values()].map((timer) => timer.at);
    return due.length > 0 ? new Date(Math.min(...due)) : undefined;
  }

  /**
   * Lets work in flight finish, then moves to `target`, firing every timer due on the way, in order.
   * Timers due at the same instant fire together, before any of the work they start has finished, as
   * real timers would: two schedulers due at 09:00 really race.
   */
  async advanceTo(target: string | Date): Promise<void> {
    const end = new Date(target).getTime();
    for (;;) {
      await this.settle();
      const due = [...this.pending.values()].map((timer) => timer.at);
      const at = due.length > 0 ? Math.min(...due) : undefined;
      if (at === undefined || at > end) break;
      const firing = [...this.pending.entries()].filter(([, timer]) => timer.at === at);
      for (const [id] of firing) this.pending.delete(id);
      this.current = Math.max(this.current, at);
      for (const [, timer] of firing) timer.callback();
    }
    this.current = Math.max(this.current, end);
    await this.settle();
  }
}
