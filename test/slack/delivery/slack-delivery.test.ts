import type { RespondFn } from '@slack/bolt';
import nock from 'nock';
import { SlackDelivery } from '../../../src/slack/delivery/slack-delivery';
import { ANSWER_METADATA_TYPE } from '../../../src/slack/thread-history';
import { recordingLogger } from '../../logging/recording-logger';
import { apiBody, interceptSlack, SLACK_API, singleTryClient } from '../support/slack-harness';

let slack: ReturnType<typeof interceptSlack>;
beforeEach(() => {
  slack = interceptSlack();
});
afterEach(() => {
  slack.verify();
});

const MESSAGE = { channel: 'C0GENERAL', thread_ts: '1700000000.000100', text: 'The answer.' };
const QUESTION_ID = 'q-1';

/** A delivery over a real Web API client making one try per call, as the bot's; waits are recorded. */
function delivery() {
  const logger = recordingLogger();
  const waits: number[] = [];
  const posting = new SlackDelivery(singleTryClient(), logger, {
    policy: { attempts: 3, baseDelayMs: 10, maxDelayMs: 40 },
    wait: async (ms) => {
      waits.push(ms);
    },
  });
  return { posting, logger, waits };
}

/** A thread whose replies do, or do not, hold the answer already. */
function threadHolding(questionId: string | undefined) {
  const messages = [{ ts: '1700000000.000100', text: 'who launched TSI?' }];
  if (questionId)
    messages.push({
      ts: '1700000000.000300',
      text: 'The answer.',
      metadata: { event_type: ANSWER_METADATA_TYPE, event_payload: { question_id: questionId } },
    } as (typeof messages)[number]);
  return nock(SLACK_API).post('/api/conversations.replies').reply(200, { ok: true, messages });
}

describe('SlackDelivery.postOnce', () => {
  it('posts and gives back the message ts', async () => {
    nock(SLACK_API).post('/api/chat.postMessage').reply(200, { ok: true, ts: '1700000000.000200' });
    const { posting, waits } = delivery();
    expect(await posting.postOnce(MESSAGE, QUESTION_ID)).toBe('1700000000.000200');
    expect(waits).toEqual([]);
  });

  it('after a failure that may have posted, looks in the thread and does not post again when it did', async () => {
    nock(SLACK_API).post('/api/chat.postMessage').reply(503, 'unavailable');
    threadHolding(QUESTION_ID);
    const { posting, logger, waits } = delivery();

    expect(await posting.postOnce(MESSAGE, QUESTION_ID)).toBe('1700000000.000300');
    expect(waits).toHaveLength(1);
    expect(logger.lines.at(-1)).toBe(`Answer ${QUESTION_ID} is already in C0GENERAL; not posting it again`);
  });

  it('posts again after a failure that may have posted when the thread holds another answer', async () => {
    nock(SLACK_API).post('/api/chat.postMessage').reply(503, 'unavailable');
    threadHolding('q-other');
    nock(SLACK_API).post('/api/chat.postMessage').reply(200, { ok: true, ts: '1700000000.000400' });
    const { posting } = delivery();
    expect(await posting.postOnce(MESSAGE, QUESTION_ID)).toBe('1700000000.000400');
  });

  it('looks in the channel, not a thread, for an answer posted outside one', async () => {
    nock(SLACK_API)
      .post('/api/conversations.history')
      .reply(200, {
        ok: true,
        messages: [
          {
            ts: '1700000000.000500',
            metadata: { event_type: ANSWER_METADATA_TYPE, event_payload: { question_id: QUESTION_ID } },
          },
        ],
      });
    const { posting } = delivery();
    const { thread_ts: _inThread, ...outsideThread } = MESSAGE;
    expect(await posting.postOnce(outsideThread, QUESTION_ID, true)).toBe('1700000000.000500');
  });

  it('waits out a rate limit for as long as Slack asks, without looking for a post', async () => {
    nock(SLACK_API).post('/api/chat.postMessage').reply(429, {}, { 'Retry-After': '2' });
    nock(SLACK_API).post('/api/chat.postMessage').reply(200, { ok: true, ts: '1700000000.000600' });
    const { posting, logger, waits } = delivery();

    expect(await posting.postOnce(MESSAGE, QUESTION_ID)).toBe('1700000000.000600');
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(2000);
    expect(logger.lines[0]).toMatch(
      /^Posting answer q-1 in C0GENERAL failed \(rate_limited\); try 2 in \d+ ms$/,
    );
  });

  it('gives up at once on a failure that no retry mends', async () => {
    nock(SLACK_API).post('/api/chat.postMessage').reply(200, { ok: false, error: 'channel_not_found' });
    const { posting, waits } = delivery();
    await expect(posting.postOnce(MESSAGE, QUESTION_ID)).rejects.toThrow(/channel_not_found/);
    expect(waits).toEqual([]);
  });

  it('gives up after its tries, with the last error', async () => {
    nock(SLACK_API).post('/api/chat.postMessage').times(3).reply(503, 'unavailable');
    nock(SLACK_API).post('/api/conversations.replies').times(2).reply(200, { ok: true, messages: [] });
    const { posting, waits } = delivery();
    await expect(posting.postOnce(MESSAGE, QUESTION_ID)).rejects.toThrow(/503/);
    expect(waits).toHaveLength(2);
  });

  it('posts when it cannot tell whether the answer is there: a lost answer is worse than a double', async () => {
    nock(SLACK_API).post('/api/conversations.replies').reply(200, { ok: false, error: 'missing_scope' });
    nock(SLACK_API).post('/api/chat.postMessage').reply(200, { ok: true, ts: '1700000000.000700' });
    const { posting, logger } = delivery();
    expect(await posting.postOnce(MESSAGE, QUESTION_ID, true)).toBe('1700000000.000700');
    expect(logger.lines[0]).toBe('Could not look for answer q-1 in C0GENERAL (missing_scope)');
  });
});

describe('SlackDelivery.reply', () => {
  const target = { channel: 'C0GENERAL', user: 'U0ASKER' };

  it('replies through response_url, ephemeral unless told otherwise', async () => {
    const { posting } = delivery();
    const sent: unknown[] = [];
    const respond: RespondFn = async (message) => {
      sent.push(message);
      return new Response('ok');
    };
    await posting.reply(respond, target, { text: 'Only you see this.' });
    expect(sent).toEqual([{ response_type: 'ephemeral', text: 'Only you see this.' }]);
  });

  it('tells the user with chat.postEphemeral when response_url fails', async () => {
    const calls: Record<string, unknown>[] = [];
    nock(SLACK_API)
      .post('/api/chat.postEphemeral')
      .reply(200, (_uri, body) => {
        calls.push(apiBody(body));
        return { ok: true };
      });
    const { posting, logger } = delivery();
    await posting.reply(
      async () => {
        throw new Error('expired_url');
      },
      target,
      { text: 'Only you see this.', blocks: [{ type: 'divider' }] },
    );
    expect(calls).toEqual([
      expect.objectContaining({ channel: 'C0GENERAL', user: 'U0ASKER', text: 'Only you see this.' }),
    ]);
    expect(calls[0]?.blocks).toEqual([{ type: 'divider' }]);
    expect(logger.lines[0]).toMatch(
      /^Could not reply through response_url \(.+\); trying chat\.postEphemeral$/,
    );
  });

  it('logs, and does not throw, when both ways fail or there is no conversation to post in', async () => {
    nock(SLACK_API).post('/api/chat.postEphemeral').reply(200, { ok: false, error: 'user_not_in_channel' });
    const { posting, logger } = delivery();
    const failing = async () => {
      throw new Error('expired_url');
    };
    await posting.reply(failing, target, { text: 'x' });
    expect(logger.lines.at(-1)).toMatch(
      /^Could not reply to U0ASKER in C0GENERAL either \(user_not_in_channel\)/,
    );
    await posting.reply(failing, { user: 'U0ASKER' }, { text: 'x' });
    expect(logger.lines).toHaveLength(3);
  });
});
