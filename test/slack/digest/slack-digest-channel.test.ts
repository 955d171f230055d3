import { webApi } from '@slack/bolt';
import nock from 'nock';
import { DigestChannelError } from '../../../src/digest/types';
import { SlackDigestChannel, toDigestChannelError } from '../../../src/slack/digest/slack-digest-channel';
import { digestOf } from '../../digest/fixtures';
import { nockOnly } from '../../support/nock-only';

const API = 'http://slack.test';
const CHANNEL = 'C0DIGEST01';

/** The request body as nock hands it over (form-encoded, so nested values are JSON strings). */
type Body = Record<string, string>;

function channel() {
  const client = new webApi.WebClient('xoxb-test-token', {
    slackApiUrl: `${API}/api/`,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  return new SlackDigestChannel(client, CHANNEL);
}

/** A digest message as `conversations.history` returns it. */
function digestMessage(day: string) {
  return {
    type: 'message',
    ts: `${Date.parse(`${day}T09:00:00Z`) / 1000}.000100`,
    metadata: { event_type: 'coop_digest', event_payload: { day, posted_at: `${day}T09:00:00.000Z` } },
  };
}

/** One page of `conversations.history`, the next page's cursor with it when there is one. */
function historyPage(messages: unknown[], cursor: string | undefined, next?: string) {
  return nock(API)
    .post('/api/conversations.history', (body: Body) => body.channel === CHANNEL && body.cursor === cursor)
    .reply(200, { ok: true, messages, response_metadata: { next_cursor: next ?? '' } });
}

function postMessage(posted: Body[], reply: Record<string, unknown>) {
  return nock(API)
    .post('/api/chat.postMessage', (body: Body) => {
      posted.push(body);
      return true;
    })
    .reply(200, reply);
}

describe('the digest channel in Slack', () => {
  nockOnly();

  it('finds the digests on every page of the history, skipping other messages', async () => {
    historyPage(
      [{ type: 'message', ts: '1.000100', text: 'hello' }, digestMessage('2026-03-02')],
      undefined,
      'p2',
    );
    historyPage([digestMessage('2026-02-27')], 'p2');
    const found = await channel().findDigests(new Date('2026-02-01T00:00:00Z'));
    expect(found.map((digest) => digest.day)).toEqual(['2026-03-02', '2026-02-27']);
  });

  it('stops at the first digest when only the latest is wanted', async () => {
    historyPage([digestMessage('2026-03-02'), digestMessage('2026-02-27')], undefined, 'p2');
    const found = await channel().findDigests(new Date('2026-02-01T00:00:00Z'), { latestOnly: true });
    expect(found.map((digest) => digest.day)).toEqual(['2026-03-02']);
  });

  it('reads at most 25 pages of a channel with no digest in it', async () => {
    const scope = nock(API)
      .post('/api/conversations.history')
      .times(25)
      .reply(200, {
        ok: true,
        messages: [{ type: 'message', ts: '1.000100' }],
        response_metadata: { next_cursor: 'more' },
      });
    expect(await channel().findDigests(new Date('2026-02-01T00:00:00Z'))).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('posts the digest without link previews and returns where it was posted', async () => {
    const posted: Body[] = [];
    postMessage(posted, { ok: true, channel: CHANNEL, ts: '1772442000.000100' });
    const result = await channel().post(digestOf({ state: [{ file: 'a.txt', hash: '0123' }] }));
    expect(result).toMatchObject({
      ts: '1772442000.000100',
      day: '2026-03-02',
      documents: [{ file: 'a.txt', hash: '0123' }],
    });
    expect(posted[0]).toMatchObject({ channel: CHANNEL, unfurl_links: 'false', unfurl_media: 'false' });
    expect(posted[0]?.text).toMatch(/^Coop digest for Monday 2 March 2026/);
  });

  it('posts again without the corpus state when Slack refuses the metadata', async () => {
    const posted: Body[] = [];
    postMessage(posted, { ok: false, error: 'invalid_metadata_schema' });
    postMessage(posted, { ok: true, channel: CHANNEL, ts: '1772442000.000100' });
    const result = await channel().post(digestOf({ state: [{ file: 'a.txt', hash: '0123' }] }));
    expect(result.documents).toBeUndefined();
    expect(JSON.parse(posted[0]?.metadata ?? '{}').event_payload).toHaveProperty('documents');
    expect(JSON.parse(posted[1]?.metadata ?? '{}').event_payload).not.toHaveProperty('documents');
  });

  it('posts once and says how to fix it when the bot is not in the channel', async () => {
    const posted: Body[] = [];
    postMessage(posted, { ok: false, error: 'not_in_channel' });
    const failure = channel().post(digestOf());
    await expect(failure).rejects.toMatchObject({ code: 'digest_not_in_channel' });
    await expect(failure).rejects.toThrow(
      /chat\.postMessage: the bot is not a member of C0DIGEST01; invite it/,
    );
    expect(posted).toHaveLength(1);
  });

  it('fails plainly when Slack says it posted but gives no timestamp', async () => {
    postMessage([], { ok: true, channel: CHANNEL });
    await expect(channel().post(digestOf())).rejects.toThrow('chat.postMessage: Slack returned no ts');
  });

  it('reads a history page that has no cursor at all as the last', async () => {
    nock(API)
      .post('/api/conversations.history')
      .reply(200, { ok: true, messages: [digestMessage('2026-03-02')] });
    const found = await channel().findDigests(new Date('2026-02-01T00:00:00Z'));
    expect(found.map((digest) => digest.day)).toEqual(['2026-03-02']);
  });

  it('names the call that failed when a duplicate cannot be withdrawn', async () => {
    nock(API).post('/api/chat.delete').reply(200, { ok: false, error: 'message_not_found' });
    const removal = channel().remove({ ts: '1.0', day: '2026-03-02', postedAt: '2026-03-02T09:00:00.000Z' });
    await expect(removal).rejects.toThrow('chat.delete: Slack answered "message_not_found"');
  });

  it('withdraws a duplicate digest by its timestamp', async () => {
    const deleted: Body[] = [];
    nock(API)
      .post('/api/chat.delete', (body: Body) => {
        deleted.push(body);
        return true;
      })
      .reply(200, { ok: true });
    await channel().remove({
      ts: '1772442000.000100',
      day: '2026-03-02',
      postedAt: '2026-03-02T09:00:00.000Z',
    });
    expect(deleted).toEqual([{ channel: CHANNEL, ts: '1772442000.000100' }]);
  });
});

describe('toDigestChannelError', () => {
  const platform = (error: string, needed?: string) =>
    Object.assign(new Error(`An API error occurred: ${error}`), {
      code: webApi.ErrorCode.PlatformError,
      data: { ok: false, error, needed },
    });

  it.each([
    [
      'channel_not_found',
      'digest_channel_not_found',
      /channel C0DIGEST01 does not exist .* check DIGEST_CHANNEL/,
    ],
    [
      'missing_scope',
      'digest_missing_scope',
      /lacks the scope \(unknown\); add it under OAuth & Permissions/,
    ],
    ['ratelimited', 'digest_rate_limited', /^chat\.postMessage: Slack rate-limited the call$/],
    ['is_archived', 'digest_channel_failed', /^chat\.postMessage: Slack answered "is_archived"$/],
  ])('says what Slack’s %s means and what to do', (slackError, code, message) => {
    const error = toDigestChannelError(platform(slackError), 'chat.postMessage', CHANNEL);
    expect(error).toBeInstanceOf(DigestChannelError);
    expect(error).toMatchObject({ code, reason: slackError, name: 'DigestChannelError' });
    expect(error.message).toMatch(message);
  });

  it('names the scope Slack says is missing', () => {
    const error = toDigestChannelError(
      platform('missing_scope', 'channels:history'),
      'conversations.history',
      CHANNEL,
    );
    expect(error.message).toContain('lacks the scope channels:history');
  });

  it('waits as long as a rate limit asks, a minute when it does not say', () => {
    const limited = (retryAfter?: number) =>
      Object.assign(new Error('rate limited'), { code: webApi.ErrorCode.RateLimitedError, retryAfter });
    expect(toDigestChannelError(limited(30), 'chat.postMessage', CHANNEL)).toMatchObject({
      code: 'digest_rate_limited',
      retryAfterMs: 30_000,
    });
    expect(toDigestChannelError(limited(), 'chat.postMessage', CHANNEL).retryAfterMs).toBe(60_000);
    const worded = new Error('A rate limit was exceeded (url: chat.postMessage, retry-after: 12)');
    expect(toDigestChannelError(worded, 'chat.postMessage', CHANNEL)).toMatchObject({
      code: 'digest_rate_limited',
      message: 'chat.postMessage: Slack rate-limited the call',
      retryAfterMs: 12_000,
    });
  });

  it('says Slack could not be reached, with the cause, for any other failure', () => {
    const error = toDigestChannelError(new Error('socket hang up'), 'chat.postMessage', CHANNEL);
    expect(error).toMatchObject({
      code: 'digest_channel_failed',
      message: 'chat.postMessage: Slack could not be reached (socket hang up)',
    });
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('reads a platform error that carries no data as an unknown Slack error', () => {
    const bare = Object.assign(new Error('An API error occurred'), { code: webApi.ErrorCode.PlatformError });
    expect(toDigestChannelError(bare, 'chat.postMessage', CHANNEL).message).toBe(
      'chat.postMessage: Slack answered "unknown_error"',
    );
    const noScope = Object.assign(new Error('An API error occurred'), {
      code: webApi.ErrorCode.PlatformError,
      data: { error: 'missing_scope' },
    });
    expect(toDigestChannelError(noScope, 'chat.postMessage', CHANNEL).message).toContain(
      'the scope (unknown)',
    );
  });
});
