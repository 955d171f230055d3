import type { DocumentSummary } from '../../src/answer/types';
import { DigestScheduler, type DigestSchedulerOptions } from '../../src/digest/digest-scheduler';
import { DigestChannelError } from '../../src/digest/types';
import type { QuestionLogEvent } from '../../src/question-log/types';
import { recordingLogger } from '../logging/recording-logger';
import { FakeTime } from './fake-time';
import { asked, documentSummary, memoryQuestionLog } from './fixtures';
import { MemoryChannel } from './memory-channel';

/** Monday 2 March 2026, before the default 09:00 weekday schedule. */
const MONDAY_EARLY = '2026-03-02T07:00:00Z';

function setup(start = MONDAY_EARLY) {
  const logger = recordingLogger();
  const documents: DocumentSummary[] = [documentSummary('a.txt'), documentSummary('b.txt')];
  const events: QuestionLogEvent[] = [];
  const schedulers: DigestScheduler[] = [];
  const time = new FakeTime(start, async () => {
    await Promise.all(schedulers.map((scheduler) => scheduler.idle()));
  });
  const channel = new MemoryChannel(time);
  const create = (options: Partial<DigestSchedulerOptions> = {}) => {
    const scheduler = new DigestScheduler({
      channel,
      engine: { documents: () => documents },
      questionLog: memoryQuestionLog(events),
      clock: time,
      timers: time,
      logger,
      ...options,
    });
    schedulers.push(scheduler);
    return scheduler;
  };
  return { time, channel, create, documents, events, lines: logger.lines };
}

describe('DigestScheduler', () => {
  it('posts at the cron time in DIGEST_TZ, not before', async () => {
    const { time, channel, create } = setup();
    const scheduler = create({ timeZone: 'Europe/Paris' });
    scheduler.start();
    // 09:00 in Paris is 08:00 UTC in March.
    await time.advanceTo('2026-03-02T07:59:59Z');
    expect(channel.posted).toHaveLength(0);
    await time.advanceTo('2026-03-02T08:00:00Z');
    expect(channel.posted.map((digest) => digest.day)).toEqual(['2026-03-02']);
    expect(scheduler.nextRun()?.toISOString()).toBe('2026-03-03T08:00:00.000Z');
    scheduler.stop();
  });

  it('posts once a day even when the schedule fires every hour', async () => {
    const { time, channel, create, events } = setup();
    const scheduler = create({ cron: '0 0 * * * *' });
    scheduler.start();
    await time.advanceTo('2026-03-02T08:00:00Z');
    events.push(asked('What changed?', { at: '2026-03-02T12:00:00Z' }));
    await time.advanceTo('2026-03-03T02:00:00Z');
    expect(channel.posted.map((digest) => digest.day)).toEqual(['2026-03-02', '2026-03-03']);
    // The second digest covers what came after the first.
    expect(channel.posted[1]?.questions.total).toBe(1);
    scheduler.stop();
  });

  it('does not post again after a restart when the channel has today’s digest', async () => {
    const { time, channel, create, lines } = setup();
    const first = create();
    first.start();
    await time.advanceTo('2026-03-02T09:00:00Z');
    first.stop();

    await time.advanceTo('2026-03-02T10:00:00Z');
    const restarted = create();
    restarted.start();
    await restarted.idle();
    expect(channel.posted).toHaveLength(1);
    expect(lines.some((line) => line.includes('already has the digest for 2026-03-02'))).toBe(true);
    restarted.stop();
  });

  it('posts a missed digest at startup when today’s time has passed, once', async () => {
    const { channel, create } = setup('2026-03-02T11:30:00Z');
    channel.add('2026-02-27', '2026-02-27T09:00:00.000Z');
    const scheduler = create();
    scheduler.start();
    await scheduler.idle();
    expect(channel.posted.map((digest) => digest.day)).toEqual(['2026-03-02']);
    expect(channel.posted[0]?.previousDay).toBe('2026-02-27');

    const secondStart = create();
    secondStart.start();
    await secondStart.idle();
    expect(channel.posted).toHaveLength(1);
    scheduler.stop();
    secondStart.stop();
  });

  it('does not catch up before today’s time, nor on a day without a run', async () => {
    const early = setup('2026-03-02T08:59:00Z');
    const beforeTime = early.create();
    beforeTime.start();
    await beforeTime.idle();
    expect(early.channel.posted).toHaveLength(0);
    beforeTime.stop();

    const sunday = setup('2026-03-01T12:00:00Z');
    const weekend = sunday.create();
    weekend.start();
    await weekend.idle();
    expect(sunday.channel.posted).toHaveLength(0);
    weekend.stop();
  });

  it('posts a "from the corpus" item on an empty day, and nothing with DIGEST_SKIP_EMPTY', async () => {
    const quiet = (skipEmpty: boolean) => {
      const context = setup();
      context.channel.add(
        '2026-02-27',
        '2026-02-27T09:00:00.000Z',
        context.documents.map((doc) => ({ file: doc.file, hash: doc.contentHash.slice(0, 16) })),
      );
      return { ...context, scheduler: context.create({ skipEmpty }) };
    };

    const shown = quiet(false);
    shown.scheduler.start();
    await shown.time.advanceTo('2026-03-02T09:00:00Z');
    expect(shown.channel.posted).toHaveLength(1);
    expect(shown.channel.posted[0]?.fromTheCorpus?.file).toMatch(/^[ab]\.txt$/);
    shown.scheduler.stop();

    const skipped = quiet(true);
    skipped.scheduler.start();
    await skipped.time.advanceTo('2026-03-02T09:00:00Z');
    expect(skipped.channel.posted).toHaveLength(0);
    expect(skipped.lines.some((line) => line.includes('DIGEST_SKIP_EMPTY'))).toBe(true);
    skipped.scheduler.stop();
  });

  it('logs a Slack error with its cause and retries later the same day', async () => {
    const { time, channel, create, lines } = setup();
    channel.failures.push(
      new DigestChannelError(
        'digest_not_in_channel',
        'chat.postMessage: the bot is not a member of C0DIGEST01',
      ),
      new DigestChannelError('digest_rate_limited', 'Slack rate-limited the call', 30_000),
    );
    const scheduler = create({ retryDelayMs: 60_000 });
    scheduler.start();
    await time.advanceTo('2026-03-02T09:00:00Z');
    expect(channel.posted).toHaveLength(0);
    expect(
      lines.some((line) =>
        /not a member of C0DIGEST01 \[digest_not_in_channel\]; retrying at 2026-03-02T09:01/.test(line),
      ),
    ).toBe(true);
    // The rate limit's own wait (30 s) is honoured for the second retry.
    expect(time.nextDue()?.toISOString()).toBe('2026-03-02T09:01:00.000Z');
    await time.advanceTo('2026-03-02T09:01:00Z');
    expect(time.nextDue()?.toISOString()).toBe('2026-03-02T09:01:30.000Z');
    await time.advanceTo('2026-03-02T09:01:30Z');
    expect(channel.posted).toHaveLength(1);
    expect(time.nextDue()?.toISOString()).toBe('2026-03-03T09:00:00.000Z');
    scheduler.stop();
  });

  it('posts once when two schedulers in one process fire together', async () => {
    // Both timers fire at 09:00 before either run has looked at the channel: without the per-channel
    // lock both would post, and one digest would appear and then vanish.
    const { time, channel, create } = setup();
    const one = create();
    const two = create();
    one.start();
    two.start();
    await time.advanceTo('2026-03-02T09:00:00Z');
    expect(channel.posted).toHaveLength(1);
    expect(channel.messages).toHaveLength(1);
    one.stop();
    two.stop();
  });

  it('runs two schedulers of one channel one after the other when called at once', async () => {
    const { time, channel, create } = setup();
    await time.advanceTo('2026-03-02T09:00:00Z');
    const outcomes = await Promise.all([create().runNow(), create().runNow()]);
    expect(outcomes).toEqual(['posted', 'already-posted']);
    expect(channel.posted).toHaveLength(1);
  });

  it('takes the day of a digest in DIGEST_TZ, not in UTC', async () => {
    // 21:00 on Monday in New York is 02:00 on Tuesday in UTC.
    const { time, channel, create, lines } = setup('2026-03-02T20:00:00Z');
    const options = { timeZone: 'America/New_York', cron: '0 0 21 * * *' };
    const first = create(options);
    first.start();
    await time.advanceTo('2026-03-03T02:00:00Z');
    expect(channel.posted.map((digest) => [digest.day, digest.timeZone])).toEqual([
      ['2026-03-02', 'America/New_York'],
    ]);
    first.stop();

    // A restart at 23:00 in New York (04:00 UTC on Tuesday) is still Monday there: nothing more to post.
    await time.advanceTo('2026-03-03T04:00:00Z');
    const restarted = create(options);
    restarted.start();
    await restarted.idle();
    expect(channel.posted).toHaveLength(1);
    expect(lines.some((line) => line.includes('already has the digest for 2026-03-02'))).toBe(true);
    restarted.stop();
  });

  it('withdraws its digest when another instance posted first in the same moment', async () => {
    const { time, channel, create, lines } = setup();
    channel.beforePost = () => {
      channel.beforePost = undefined;
      channel.add('2026-03-02', '2026-03-02T09:00:00.000Z');
    };
    const scheduler = create();
    await time.advanceTo('2026-03-02T09:00:00Z');
    await expect(scheduler.runNow()).resolves.toBe('withdrawn');
    expect(channel.messages).toHaveLength(1);
    expect(
      lines.some((line) => line.includes('another instance posted the digest for 2026-03-02 first')),
    ).toBe(true);
  });

  it('says when the next digest is due, once however often it is started, and posts nothing once stopped', async () => {
    const { time, channel, create, lines } = setup();
    const scheduler = create();
    scheduler.start();
    scheduler.start();
    expect(
      lines.filter((line) => line.includes('digest: next digest for C0DIGEST01 at 2026-03-02T09:00:00.000Z')),
    ).toHaveLength(1);
    scheduler.stop();
    expect(time.nextDue()).toBeUndefined();
    await time.advanceTo('2026-03-03T10:00:00Z');
    expect(channel.posted).toHaveLength(0);
  });

  it('stays stopped when stopped while a missed digest is being posted', async () => {
    const { time, channel, create, lines } = setup('2026-03-02T11:30:00Z');
    const scheduler = create();
    scheduler.start();
    scheduler.stop();
    await scheduler.idle();
    expect(
      lines.some((line) => line.includes("today's scheduled time (2026-03-02T09:00:00.000Z) has passed")),
    ).toBe(true);
    expect(channel.posted).toHaveLength(1);
    expect(time.nextDue()).toBeUndefined();
    await time.advanceTo('2026-03-04T10:00:00Z');
    expect(channel.posted).toHaveLength(1);
  });

  it('waits out a schedule months away in steps, posting only on the day', async () => {
    const { time, channel, create } = setup();
    const scheduler = create({ cron: '0 0 9 1 1 *' });
    scheduler.start();
    await time.advanceTo('2026-12-31T23:59:00Z');
    expect(channel.posted).toHaveLength(0);
    await time.advanceTo('2027-01-01T09:00:00Z');
    expect(channel.posted.map((digest) => digest.day)).toEqual(['2027-01-01']);
    scheduler.stop();
  });

  it('retries after 5 minutes, then 10, by default', async () => {
    const { time, channel, create } = setup();
    const failure = () =>
      new DigestChannelError('digest_channel_failed', 'chat.postMessage: Slack answered "fatal_error"');
    channel.failures.push(failure(), failure());
    const scheduler = create();
    scheduler.start();
    await time.advanceTo('2026-03-02T09:00:00Z');
    expect(time.nextDue()?.toISOString()).toBe('2026-03-02T09:05:00.000Z');
    await time.advanceTo('2026-03-02T09:05:00Z');
    expect(time.nextDue()?.toISOString()).toBe('2026-03-02T09:15:00.000Z');
    await time.advanceTo('2026-03-02T09:15:00Z');
    expect(channel.posted).toHaveLength(1);
    scheduler.stop();
  });

  it('keeps to the schedule when it comes before the retry', async () => {
    const { time, channel, create } = setup();
    channel.failures.push(
      new DigestChannelError('digest_channel_failed', 'chat.postMessage: Slack answered "fatal_error"'),
    );
    const scheduler = create({ cron: '0 0 * * * *', retryDelayMs: 90 * 60_000 });
    scheduler.start();
    await time.advanceTo('2026-03-02T07:00:00Z');
    expect(time.nextDue()?.toISOString()).toBe('2026-03-02T08:00:00.000Z');
    scheduler.stop();
  });

  it('does not retry into the next day, whose digest has its own time', async () => {
    const { time, channel, create, lines } = setup('2026-03-02T23:00:00Z');
    channel.failures.push(
      new DigestChannelError('digest_channel_failed', 'chat.postMessage: Slack answered "fatal_error"'),
    );
    const scheduler = create({ cron: '0 30 23 * * *', retryDelayMs: 60 * 60_000 });
    scheduler.start();
    await time.advanceTo('2026-03-02T23:30:00Z');
    expect(lines.some((line) => line.endsWith('retrying at the next scheduled time'))).toBe(true);
    expect(time.nextDue()?.toISOString()).toBe('2026-03-03T23:30:00.000Z');
    scheduler.stop();
  });

  it('says what each run did, and logs an unexpected error as one', async () => {
    const { time, create, lines, documents } = setup();
    await time.advanceTo('2026-03-02T09:00:00Z');
    const broken = create({
      engine: {
        documents: () => {
          throw new Error('corpus folder is gone');
        },
      },
    });
    await expect(broken.runNow()).resolves.toBe('failed');
    expect(lines.some((line) => line.includes('unexpected error: Error: corpus folder is gone'))).toBe(true);
    expect(documents).toHaveLength(2);
  });

  it('leaves the day to the replica that holds the digest lock', async () => {
    const { time, channel, create, lines } = setup();
    await time.advanceTo('2026-03-02T09:00:00Z');
    const held: string[] = [];
    const lock = {
      acquire: async (id: string, day: string) => {
        const key = `${id}/${day}`;
        if (held.includes(key)) return false;
        held.push(key);
        return true;
      },
    };
    expect(await create({ lock }).runNow()).toBe('posted');
    channel.messages.length = 0;
    expect(await create({ lock }).runNow()).toBe('already-posted');
    expect(channel.posted).toHaveLength(1);
    expect(lines.some((line) => line.includes('another replica holds the digest lock for 2026-03-02'))).toBe(
      true,
    );
  });

  it('keeps its digest when the earlier message of the day is the digest of another day', async () => {
    const { time, channel, create } = setup();
    // Yesterday's digest, posted late, just after midnight.
    channel.add('2026-03-01', '2026-03-02T00:30:00.000Z');
    await time.advanceTo('2026-03-02T09:00:00Z');
    await expect(create().runNow()).resolves.toBe('posted');
    expect(channel.messages.map((digest) => digest.day)).toEqual(['2026-03-01', '2026-03-02']);
  });

  it('starts, and says so, when DIGEST_CRON names a day that never comes', async () => {
    const { time, channel, create, lines } = setup();
    const scheduler = create({ cron: '0 0 9 30 2 *' });
    scheduler.start();
    expect(lines).toContainEqual(expect.stringContaining('digest: next digest for C0DIGEST01 at never'));
    expect(lines).toContainEqual(
      expect.stringContaining('DIGEST_CRON has no future run; no more digests will be posted'),
    );
    await time.advanceTo('2027-03-02T10:00:00Z');
    expect(channel.posted).toHaveLength(0);
    scheduler.stop();
  });

  it('skips an empty day with DIGEST_SKIP_EMPTY and says so in its outcome', async () => {
    const { time, channel, create, documents } = setup();
    channel.add(
      '2026-02-27',
      '2026-02-27T09:00:00.000Z',
      documents.map((doc) => ({ file: doc.file, hash: doc.contentHash.slice(0, 16) })),
    );
    await time.advanceTo('2026-03-02T09:00:00Z');
    await expect(create({ skipEmpty: true }).runNow()).resolves.toBe('skipped-empty');
  });
});
