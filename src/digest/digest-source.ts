import { Cron } from 'croner';
import type { AnswerEngine } from '../answer/types';
import { DEFAULT_DIGEST_CRON } from '../config/config';
import type { QuestionLogReader } from '../question-log/types';
import { composeDigest } from './compose-digest';
import { localDay } from './local-day';
import type { Digest, DigestChannel, DigestRecord, PostedDigest } from './types';

/** Where a digest's content comes from. */
export interface DigestSourceOptions {
  /** The live engine: its `documents()` are the corpus now. */
  engine: Pick<AnswerEngine, 'documents'>;
  questionLog: QuestionLogReader;
  /**
   * `DIGEST_CRON` (default weekdays 09:00). Without a previous digest, the period starts at the scheduled
   * time before the latest one.
   */
  cron?: string;
  /** `DIGEST_TZ` (default UTC). */
  timeZone?: string;
  /** How far back to look for the previous digest in the channel, in days (default 31). */
  lookbackDays?: number;
}

const DAY_MS = 86_400_000;

/**
 * Composes the next digest from the corpus, the question log and the previous digest found in the channel.
 * Shared by the scheduler (which posts it) and the previews (which only show it).
 */
export class DigestSource {
  readonly timeZone: string;
  private readonly schedule: Cron;

  constructor(private readonly options: DigestSourceOptions) {
    this.timeZone = options.timeZone ?? 'UTC';
    this.schedule = new Cron(options.cron ?? DEFAULT_DIGEST_CRON, { paused: true, timezone: this.timeZone });
  }

  /** The newest digest in `channel` within the look-back window, today's included. */
  async findPrevious(channel: DigestChannel, now: Date): Promise<PostedDigest | undefined> {
    const oldest = new Date(now.getTime() - (this.options.lookbackDays ?? 31) * DAY_MS);
    const [latest] = await channel.findDigests(oldest, { latestOnly: true });
    return latest;
  }

  /** The digest that would be posted at `now`, diffing against `previous`. */
  async compose(now: Date, previous?: DigestRecord): Promise<Digest> {
    const since = previous ? new Date(previous.postedAt) : this.fallbackSince(now);
    return composeDigest({
      day: localDay(now, this.timeZone),
      timeZone: this.timeZone,
      now,
      documents: this.options.engine.documents(),
      previous,
      since,
      events: await this.options.questionLog.readSince(since),
    });
  }

  /** The scheduled time before the latest one at or before `now`: the previous run's slot. */
  private fallbackSince(now: Date): Date {
    const runs = this.schedule.previousRuns(2, now);
    return runs[1] ?? new Date(now.getTime() - DAY_MS);
  }
}
