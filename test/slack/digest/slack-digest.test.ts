import { webApi } from '@slack/bolt';
import nock from 'nock';
import type { DocumentSummary } from '../../../src/answer/types';
import { loadConfig } from '../../../src/config/config';
import type { QuestionLogEvent } from '../../../src/question-log/types';
import { createSlackDigest, type SlackDigest } from '../../../src/slack/digest/slack-digest';
import { FakeTime } from '../../digest/fake-time';
import { asked, documentSummary, memoryQuestionLog } from '../../digest/fixtures';
import { recordingLogger } from '../../logging/recording-logger';
import { nockOnly } from '../../support/nock-only';

const API = 'http://slack.test';
const CHANNEL = 'C0DIGEST01';
/** Friday 27 February 2026 and Monday 2 March 2026 at 09:00 UTC, the default weekday schedule. */
const FRIDAY = '2026-02-27T09:00:00.000Z';
const MONDAY = '2026-03-02T09:00:00.000Z';
const seconds = (iso: string) => (Date.parse(iso) / 1000).toFixed(6);

/** The request body as nock hands it over (form-encoded, so nested values are JSON strings). */
type Body = Record<string, string>;

function digestMessage(postedAt: string, day: string, documents: DocumentSummary[]) {
  return {
    type: 'message',
    ts: seconds(postedAt),
    bot_id: 'B0COOP',
    text: `Coop digest for ${day}`,
    metadata: {
      event_type: 'coop_digest',
      event_payload: {
        day,
        posted_at: postedAt,
        document_count: documents.length,
        documents: documents.map((doc) => ({ f: doc.file, h: doc.contentHash.slice(0, 16) })),
      },
    },
  };
}

function setup(start: string, env: Record<string, string> = {}) {
  const logger = recordingLogger();
  const documents = [documentSummary('a.txt'), documentSummary('b.txt')];
  const events: QuestionLogEvent[] = [];
  let digest: SlackDigest | undefined;
  const time = new FakeTime(start, async () => {
    await digest?.scheduler.idle();
  });
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: '0123456789abcdef0123',
    SLACK_API_URL: `${API}/api/`,
    DIGEST_CHANNEL: CHANNEL,
    ...env,
  });
  const client = new webApi.WebClient('xoxb-test-token', {
    slackApiUrl: `${API}/api/`,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  digest = createSlackDigest(
    config,
    {
      engine: { documents: () => documents },
      questionLog: memoryQuestionLog(events),
      logger,
    },
    { client, clock: time, timers: time },
  );
  if (!digest) throw new Error('digest not configured');
  return { time, digest, documents, events, lines: logger.lines, scheduler: digest.scheduler };
}

/** `conversations.history` for the channel, answered with `messages` (newest first). */
function history(messages: unknown[], check: (body: Body) => boolean = () => true) {
  return nock(API)
    .post(
      '/api/conversations.history',
      (body: Body) => body.channel === CHANNEL && body.include_all_metadata === 'true' && check(body),
    )
    .reply(200, { ok: true, messages, has_more: false });
}

/** `chat.postMessage`, capturing what was posted. */
function postMessage(posted: Body[], ts: string) {
  return nock(API)
    .post('/api/chat.postMessage', (body: Body) => {
      posted.push(body);
      return body.channel === CHANNEL;
    })
    .reply(200, { ok: true, channel: CHANNEL, ts });
}

function metadataOf(body: Body | undefined) {
  return JSON.parse(body?.metadata ?? '{}') as { event_type: string; event_payload: Record<string, unknown> };
}

describe('Slack digest, against a faked Web API', () => {
  nockOnly();

  it('is not set up without DIGEST_CHANNEL, nor in the offline console', () => {
    const deps = { engine: { documents: () => [] }, questionLog: memoryQuestionLog([]) };
    const slack = { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: '0123456789abcdef0123' };
    expect(createSlackDigest(loadConfig(slack), deps)).toBeUndefined();
    expect(createSlackDigest(loadConfig({ DIGEST_CHANNEL: CHANNEL }), deps)).toBeUndefined();
  });

  it('posts at the scheduled time with the metadata the next digest diffs against', async () => {
    const { time, scheduler, documents, events } = setup('2026-03-02T08:00:00Z');
    const fridayCorpus = [documents[0] as DocumentSummary];
    events.push(asked('Who is on strike?', { at: '2026-02-28T10:00:00Z', answered: false }));
    const posted: Body[] = [];
    history([
      { type: 'message', ts: seconds('2026-03-01T10:00:00Z'), text: 'hello' },
      digestMessage(FRIDAY, '2026-02-27', fridayCorpus),
    ]);
    postMessage(posted, '1772442000.000100');
    history(
      [{ ...digestMessage(MONDAY, '2026-03-02', documents), ts: '1772442000.000100' }],
      (body) => body.oldest === seconds('2026-03-02T00:00:00Z'),
    );

    scheduler.start();
    await time.advanceTo('2026-03-02T08:59:59Z');
    expect(posted).toHaveLength(0);
    await time.advanceTo(MONDAY);
    scheduler.stop();

    expect(posted).toHaveLength(1);
    const metadata = metadataOf(posted[0]);
    expect(metadata.event_type).toBe('coop_digest');
    expect(metadata.event_payload).toMatchObject({ day: '2026-03-02', posted_at: MONDAY, document_count: 2 });
    expect(metadata.event_payload.documents).toEqual([
      { f: 'a.txt', h: 'atxt000000000000' },
      { f: 'b.txt', h: 'btxt000000000000' },
    ]);
    // b.txt came after Friday's digest; the unanswered question too.
    expect(posted[0]?.blocks).toContain('*Title of b.txt*');
    expect(posted[0]?.blocks).not.toContain('*Title of a.txt*');
    expect(posted[0]?.blocks).toContain('Who is on strike?');
    expect(posted[0]?.text).toMatch(/^Coop digest for Monday 2 March 2026: 1 new document/);
  });

  it('does not post again after a restart when the channel has today’s digest', async () => {
    const { scheduler, documents, lines } = setup('2026-03-02T10:15:00Z');
    history([digestMessage(MONDAY, '2026-03-02', documents)]);

    scheduler.start();
    await scheduler.idle();
    scheduler.stop();
    // No chat.postMessage interceptor exists: a post would have failed the run and been logged.
    expect(lines.join('\n')).toContain(`${CHANNEL} already has the digest for 2026-03-02; not posting again`);
    expect(lines.join('\n')).not.toMatch(/could not post/);
  });

  it('posts a digest missed while down at startup, once', async () => {
    const { scheduler, documents } = setup('2026-03-02T11:30:00Z');
    const posted: Body[] = [];
    history([digestMessage(FRIDAY, '2026-02-27', documents)]);
    postMessage(posted, '1772451000.000200');
    history([
      { ...digestMessage('2026-03-02T11:30:00.000Z', '2026-03-02', documents), ts: '1772451000.000200' },
    ]);

    scheduler.start();
    await scheduler.idle();
    await scheduler.runNow();
    scheduler.stop();
    expect(posted).toHaveLength(1);
    expect(metadataOf(posted[0]).event_payload.day).toBe('2026-03-02');
  });

  it('previews the next digest without posting, and the day’s digest still goes out', async () => {
    const { time, digest, scheduler, documents } = setup('2026-03-02T08:00:00Z');
    const fridayCorpus = [documents[0] as DocumentSummary];
    history([digestMessage(FRIDAY, '2026-02-27', fridayCorpus)]);

    const preview = await digest.previewDigest();
    expect(JSON.stringify(preview.blocks)).toContain('Preview of the next digest');
    expect(JSON.stringify(preview.blocks)).toContain('Title of b.txt');
    expect(nock.pendingMocks()).toEqual([]);

    const posted: Body[] = [];
    history([digestMessage(FRIDAY, '2026-02-27', fridayCorpus)]);
    postMessage(posted, '1772442000.000100');
    history([{ ...digestMessage(MONDAY, '2026-03-02', documents), ts: '1772442000.000100' }]);
    scheduler.start();
    await time.advanceTo(MONDAY);
    scheduler.stop();
    expect(posted).toHaveLength(1);
    expect(posted[0]?.blocks).not.toContain('Preview');
  });

  it('posts a "from the corpus" item on an empty day, and nothing with DIGEST_SKIP_EMPTY', async () => {
    const quiet = setup(MONDAY);
    const posted: Body[] = [];
    history([digestMessage(FRIDAY, '2026-02-27', quiet.documents)]);
    postMessage(posted, '1772442000.000100');
    history([{ ...digestMessage(MONDAY, '2026-03-02', quiet.documents), ts: '1772442000.000100' }]);
    await quiet.scheduler.runNow();
    expect(posted[0]?.blocks).toContain('*From the corpus*');
    expect(posted[0]?.text).toMatch(/nothing new\. From the corpus: Title of [ab]\.txt\./);

    const skipping = setup(MONDAY, { DIGEST_SKIP_EMPTY: 'true' });
    history([digestMessage(FRIDAY, '2026-02-27', skipping.documents)]);
    await expect(skipping.scheduler.runNow()).resolves.toBe('skipped-empty');
  });

  it('logs "not in channel" with the fix and retries at the next tick', async () => {
    const { time, scheduler, documents, lines } = setup('2026-03-02T08:00:00Z');
    nock(API).post('/api/conversations.history').reply(200, { ok: false, error: 'not_in_channel' });

    scheduler.start();
    await time.advanceTo(MONDAY);
    expect(lines.join('\n')).toMatch(
      /could not post to C0DIGEST01: conversations.history: the bot is not a member of C0DIGEST01; invite it there .*\[digest_not_in_channel\]; retrying at 2026-03-02T09:05:00/,
    );

    const posted: Body[] = [];
    history([digestMessage(FRIDAY, '2026-02-27', documents)]);
    postMessage(posted, '1772442300.000100');
    history([
      { ...digestMessage('2026-03-02T09:05:00.000Z', '2026-03-02', documents), ts: '1772442300.000100' },
    ]);
    await time.advanceTo('2026-03-02T09:05:00Z');
    scheduler.stop();
    expect(posted).toHaveLength(1);
  });

  it('waits out a rate limit for as long as Slack asks', async () => {
    const { time, scheduler, lines } = setup('2026-03-02T08:00:00Z');
    nock(API)
      .post('/api/conversations.history')
      .reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '42' });

    scheduler.start();
    await time.advanceTo(MONDAY);
    expect(lines.join('\n')).toMatch(
      /rate-limited the call; it asked to wait 42 s \[digest_rate_limited\]; retrying at 2026-03-02T09:00:42/,
    );
    expect(time.nextDue()?.toISOString()).toBe('2026-03-02T09:00:42.000Z');
    scheduler.stop();
  });
});
