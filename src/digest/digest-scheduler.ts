import { Cron } from 'croner';
import { DEFAULT_DIGEST_CRON } from '../config/config';
import { type Logger, silentLogger } from '../logging/logger';
import { type Clock, systemClock, systemTimers, type Timers } from './clock';
import { DigestSource, type DigestSourceOptions } from './digest-source';
import { localDay, startOfLocalDay } from './local-day';
import { type DigestChannel, DigestChannelError, type PostedDigest } from './types';

/** Options of a {@link DigestScheduler}. */
export interface DigestSchedulerOptions extends DigestSourceOptions {
  /** Where the digest goes (`DIGEST_CHANNEL`, through the Slack Web API). */
  channel: DigestChannel;
  /** `DIGEST_SKIP_EMPTY`: post nothing on a day with nothing new, rather than a "from the corpus" item. */
  skipEmpty?: boolean;
  clock?: Clock;
  timers?: Timers;
  logger?: Logger;
  /** First wait before retrying after a failed post, in ms (default 5 minutes); doubles up to an hour. */
  retryDelayMs?: number;
  /**
   * Shared by replicas on one database: only the replica that takes the channel's lock for the day
   * posts. Slack's record of the day's digest is checked as well.
   */
  lock?: { acquire(channel: string, day: string): Promise<boolean> };
  /** Called with each digest this process posted (for the last-digest metric). */
  onPosted?: (posted: PostedDigest) => void;
}

/** What one run did. */
export type DigestRunOutcome =
  /** Posted today's digest. */
  | 'posted'
  /** Today's digest was already in the channel (posted by this or another instance). */
  | 'already-posted'
  /** Nothing new and `DIGEST_SKIP_EMPTY` is set. */
  | 'skipped-empty'
  /** Posted, then found another instance had posted first, so removed this one. */
  | 'withdrawn'
  /** Slack or the corpus failed; logged, and retried later the same day. */
  | 'failed';

/** setTimeout's ceiling is about 24.8 days; longer waits are taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/** Runs of any scheduler in this process, chained per channel: two schedulers never race each other. */
const channelLocks = new Map<string, Promise<unknown>>();

function withChannelLock<T>(channel: string, task: () => Promise<T>): Promise<T> {
  const result = (channelLocks.get(channel) ?? Promise.resolve()).then(task, task);
  const tail = result.catch(() => undefined);
  channelLocks.set(channel, tail);
  void tail.then(() => {
    if (channelLocks.get(channel) === tail) channelLocks.delete(channel);
  });
  return result;
}

/** Orders Slack message timestamps (`seconds.micros`) without losing precision to floating point. */
function compareTs(a: string, b: string): number {
  const [aSeconds = '', aMicros = ''] = a.split('.');
  const [bSeconds = '', bMicros = ''] = b.split('.');
  return (
    aSeconds.padStart(12, '0').localeCompare(bSeconds.padStart(12, '0')) ||
    aMicros.padEnd(6, '0').localeCompare(bMicros.padEnd(6, '0'))
  );
}

/**
 * Posts the digest on `DIGEST_CRON` in `DIGEST_TZ`, at most once per channel per local day.
 *
 * Slack decides whether today's digest exists: every posted digest carries metadata with its local day,
 * and each run looks for the latest one with `conversations.history` before posting. So a restart or a
 * tick that fires twice a day does not post again, and neither does a second instance: runs in one process
 * are serialised per channel, and when two processes post in the same moment, the one whose message came
 * second finds the first in the channel and deletes its own.
 *
 * At {@link DigestScheduler.start}, if today's scheduled time has already passed (the bot was down then),
 * the digest is posted at once unless the channel already has it.
 *
 * A failed run (bot not in the channel, rate limit, corpus error) is logged with its cause and retried the
 * same day: after Slack's `Retry-After` for a rate limit, else after `retryDelayMs`, doubling each time.
 */
export class DigestScheduler {
  private readonly channel: DigestChannel;
  private readonly source: DigestSource;
  private readonly schedule: Cron;
  private readonly timeZone: string;
  private readonly clock: Clock;
  private readonly timers: Timers;
  private readonly logger: Logger;
  private timer: unknown;
  private started = false;
  private running: Promise<unknown> = Promise.resolve();
  /** The local day this process knows has its digest (confirmed in Slack). */
  private confirmedDay?: string;
  private retryAt?: number;
  private failures = 0;

  constructor(private readonly options: DigestSchedulerOptions) {
    this.channel = options.channel;
    this.source = new DigestSource(options);
    this.timeZone = this.source.timeZone;
    this.schedule = new Cron(options.cron ?? DEFAULT_DIGEST_CRON, { paused: true, timezone: this.timeZone });
    this.clock = options.clock ?? systemClock;
    this.timers = options.timers ?? systemTimers;
    this.logger = options.logger ?? silentLogger;
  }

  /** Starts the schedule; posts a missed digest at once if today's time has passed. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const now = this.clock.now();
    const [lastRun] = this.schedule.previousRuns(1, now);
    if (lastRun && localDay(lastRun, this.timeZone) === localDay(now, this.timeZone)) {
      this.logger.info(
        `digest: today's scheduled time (${lastRun.toISOString()}) has passed; posting it now unless ${this.channel.id} has it`,
      );
      this.fire();
    } else {
      this.arm();
    }
    this.logger.info(
      `digest: next digest for ${this.channel.id} at ${this.nextRun()?.toISOString() ?? 'never'}`,
    );
  }

  /** Stops the schedule; a run in progress finishes. */
  stop(): void {
    this.started = false;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The next scheduled time after now. */
  nextRun(): Date | undefined {
    return this.schedule.nextRun(this.clock.now()) ?? undefined;
  }

  /** One run, as each tick does it: post today's digest unless the channel has it. Never rejects. */
  runNow(): Promise<DigestRunOutcome> {
    const run = withChannelLock(this.channel.id, () => this.run());
    this.running = run;
    return run;
  }

  /** Resolves once the run in progress, if any, has finished. */
  async idle(): Promise<void> {
    await this.running;
  }

  private fire(): void {
    this.timer = undefined;
    this.retryAt = undefined;
    void this.runNow().then(() => this.arm());
  }

  private arm(): void {
    if (!this.started || this.timer !== undefined) return;
    const now = this.clock.now().getTime();
    let due = this.schedule.nextRun(new Date(now))?.getTime();
    if (this.retryAt !== undefined && (due === undefined || this.retryAt < due)) due = this.retryAt;
    if (due === undefined) {
      this.logger.warn('digest: DIGEST_CRON has no future run; no more digests will be posted');
      return;
    }
    const at = due;
    this.timer = this.timers.setTimeout(
      () => {
        this.timer = undefined;
        if (this.clock.now().getTime() < at) this.arm();
        else this.fire();
      },
      Math.min(Math.max(0, at - now), MAX_TIMER_MS),
    );
  }

  private async run(): Promise<DigestRunOutcome> {
    const now = this.clock.now();
    const day = localDay(now, this.timeZone);
    if (this.confirmedDay === day) return 'already-posted';
    try {
      const previous = await this.source.findPrevious(this.channel, now);
      if (previous?.day === day) {
        this.confirmedDay = day;
        this.failures = 0;
        this.logger.info(`digest: ${this.channel.id} already has the digest for ${day}; not posting again`);
        return 'already-posted';
      }
      if (this.options.lock && !(await this.options.lock.acquire(this.channel.id, day))) {
        this.confirmedDay = day;
        this.failures = 0;
        this.logger.info(`digest: another replica holds the digest lock for ${day}; not posting`);
        return 'already-posted';
      }
      const digest = await this.source.compose(now, previous);
      if (digest.empty && this.options.skipEmpty) {
        this.failures = 0;
        this.logger.info(`digest: nothing new for ${day} and DIGEST_SKIP_EMPTY is set; not posting`);
        return 'skipped-empty';
      }
      const posted = await this.channel.post(digest);
      this.options.onPosted?.(posted);
      this.confirmedDay = day;
      this.failures = 0;
      return await this.settle(posted);
    } catch (error) {
      this.retryLater(error, now);
      return 'failed';
    }
  }

  /** Keeps the earliest of today's digests when another instance posted in the same moment. */
  private async settle(posted: PostedDigest): Promise<DigestRunOutcome> {
    try {
      const todays = (await this.channel.findDigests(startOfLocalDay(posted.day, this.timeZone)))
        .filter((digest) => digest.day === posted.day)
        .sort((a, b) => compareTs(a.ts, b.ts));
      const first = todays[0];
      if (first && compareTs(first.ts, posted.ts) < 0) {
        await this.channel.remove(posted);
        this.logger.warn(
          `digest: another instance posted the digest for ${posted.day} first (ts ${first.ts}); removed this one (ts ${posted.ts})`,
        );
        return 'withdrawn';
      }
    } catch (error) {
      this.logger.warn(
        `digest: posted, but could not check ${this.channel.id} for a duplicate:`,
        causeOf(error),
      );
    }
    this.logger.info(`digest: posted the digest for ${posted.day} to ${this.channel.id} (ts ${posted.ts})`);
    return 'posted';
  }

  private retryLater(error: unknown, now: Date): void {
    this.failures++;
    const backoff = Math.min(
      (this.options.retryDelayMs ?? 5 * 60 * 1000) * 2 ** (this.failures - 1),
      MAX_RETRY_DELAY_MS,
    );
    const wait =
      error instanceof DigestChannelError && error.retryAfterMs !== undefined ? error.retryAfterMs : backoff;
    const retryAt = new Date(now.getTime() + wait);
    // A retry on the next day would post that day's digest before its time; the schedule covers it instead.
    const sameDay = localDay(retryAt, this.timeZone) === localDay(now, this.timeZone);
    this.retryAt = sameDay ? retryAt.getTime() : undefined;
    this.logger.error(
      `digest: could not post to ${this.channel.id}: ${causeOf(error)}; ${
        sameDay ? `retrying at ${retryAt.toISOString()}` : 'retrying at the next scheduled time'
      }`,
    );
  }
}

function causeOf(error: unknown): string {
  if (error instanceof DigestChannelError) return `${error.message} [${error.code}]`;
  return error instanceof Error ? `unexpected error: ${error.stack ?? error.message}` : String(error);
}
