import type { CorpusEngine } from '../../src/answer/engine';
import { ANSWER_METADATA_TYPE } from '../../src/slack/thread-history';
import {
  BOT_ID,
  BOT_USER,
  expectApi,
  expectResponse,
  HttpHarness,
  interceptSlack,
  loadSeedEngine,
  visibleText,
} from './support/slack-harness';

// What the listeners answer, and what they leave alone, as a user in Slack sees it. Each test lets
// through no Web API call it does not expect (`slack.verify()`).
const CHANNEL = 'C0GENERAL';
const ASKER = 'U0ASKER';
const DM = { channel: 'D0DIRECT', channel_type: 'im' };

let engine: CorpusEngine;
let harness: HttpHarness;
let slack: ReturnType<typeof interceptSlack>;

beforeAll(async () => {
  engine = await loadSeedEngine();
});

beforeEach(async () => {
  slack = interceptSlack();
  harness = await HttpHarness.start(engine);
});

afterEach(async () => {
  await harness.stop();
  slack.verify();
});

function event(
  type: 'message' | 'app_mention',
  text: string,
  ts: string,
  extra: Record<string, unknown> = {},
) {
  const base = { type, user: ASKER, text, ts, event_ts: ts, channel: CHANNEL };
  return type === 'message' ? { ...base, channel_type: 'channel', ...extra } : { ...base, ...extra };
}

/** A thread in which coop answered `question`, as `conversations.replies` returns it. */
function threadWithAnswer(parentTs: string, question: string) {
  return expectApi('conversations.replies', {
    ok: true,
    messages: [
      { ts: parentTs, user: ASKER, text: `<@${BOT_USER}> ${question}` },
      {
        ts: `${parentTs}1`,
        user: BOT_USER,
        bot_id: BOT_ID,
        text: 'answer',
        metadata: { event_type: ANSWER_METADATA_TYPE, event_payload: { question_id: 'q1', question } },
      },
    ],
  });
}

describe('/coop subcommands', () => {
  it('gives the usage, not an answer, for /coop and /coop help, however spaced or cased', async () => {
    const paths = ['/commands/1', '/commands/2', '/commands/3'];
    const replies = paths.map((path) => expectResponse(path));
    await harness.sendCommand('', { responsePath: paths[0] });
    await harness.sendCommand('  Help ', { responsePath: paths[1] });
    await harness.sendCommand('help', { responsePath: paths[2] });
    await harness.settle();
    for (const reply of replies) {
      expect(reply.calls).toHaveLength(1);
      expect(String(reply.calls[0].text)).toMatch(/^coop answers questions about its documents/);
      expect(visibleText(reply.calls[0].blocks as never)).toContain('/coop sources');
    }
    expect(harness.questionLog.events).toEqual([]);
  });

  it('lists the sources for " sources "', async () => {
    const reply = expectResponse('/commands/1');
    await harness.sendCommand(' sources ', { responsePath: '/commands/1' });
    await harness.settle();
    expect(visibleText(reply.calls[0].blocks as never)).toContain('000_7543d9cbc6d5a972.txt');
  });

  it('previews the digest when one is configured', async () => {
    await harness.stop();
    harness = await HttpHarness.start(engine, {
      previewDigest: async () => ({ text: 'Digest preview: 3 new documents', blocks: [] }),
    });
    const reply = expectResponse('/commands/1');
    await harness.sendCommand('digest', { responsePath: '/commands/1' });
    await harness.settle();
    expect(reply.calls[0].text).toBe('Digest preview: 3 new documents');
  });
});

describe('mentions', () => {
  it('gives the usage in the thread for a mention without a question', async () => {
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    await harness.sendEvent(event('app_mention', `<@${BOT_USER}>`, '1700000000.000100'));
    await harness.settle();
    expect(posted.calls[0]).toMatchObject({ channel: CHANNEL, thread_ts: '1700000000.000100' });
    expect(String(posted.calls[0].text)).toMatch(/^coop answers questions about its documents/);
    expect(harness.questionLog.events).toEqual([]);
  });

  it('posts answers without link previews, and logs a first question as no follow-up', async () => {
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    await harness.sendEvent(event('app_mention', `<@${BOT_USER}> who launched TSI`, '1700000000.000100'));
    await harness.settle();
    expect(posted.calls[0]).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
    expect(harness.questionLog.events[0]).toMatchObject({ question: 'who launched TSI', followUp: false });
  });

  it('ignores mentions by other bots and without a user', async () => {
    await harness.sendEvent(
      event('app_mention', `<@${BOT_USER}> who launched TSI`, '1700000000.000100', {
        user: 'U0OTHERBOT',
        bot_id: 'B0OTHER',
      }),
    );
    await harness.sendEvent(
      event('app_mention', `<@${BOT_USER}> who launched TSI`, '1700000000.000200', { user: undefined }),
    );
    await harness.settle();
    expect(harness.questionLog.events).toEqual([]);
  });

  it('answers a mention delivered twice under two event ids once', async () => {
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    const mention = event('app_mention', `<@${BOT_USER}> who launched TSI`, '1700000000.000100');
    await harness.sendEvent(mention, { eventId: 'Ev0FIRST' });
    await harness.sendEvent(mention, { eventId: 'Ev0SECOND' });
    await harness.settle();
    expect(posted.calls).toHaveLength(1);
  });

  it("answers a mention in someone else's thread even when its message event comes first", async () => {
    expectApi('conversations.replies', {
      ok: true,
      messages: [{ ts: '1700000000.000100', user: 'U0SOMEONE', text: 'lunch?' }],
    });
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000300' });
    const text = `<@${BOT_USER}> who launched TSI`;
    const inThread = { thread_ts: '1700000000.000100' };
    await harness.sendEvent(event('message', text, '1700000000.000200', inThread));
    await harness.sendEvent(event('app_mention', text, '1700000000.000200', inThread));
    await harness.settle();
    expect(posted.calls[0]).toMatchObject({ thread_ts: '1700000000.000100' });
  });

  it("takes a mention inside coop's thread as a follow-up of the thread's questions", async () => {
    threadWithAnswer('1700000000.000100', 'who launched TSI');
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000400' });
    await harness.sendEvent(
      event('app_mention', `<@${BOT_USER}> and when?`, '1700000000.000300', {
        thread_ts: '1700000000.000100',
      }),
    );
    await harness.settle();
    expect(posted.calls[0]).toMatchObject({ thread_ts: '1700000000.000100' });
    expect(harness.questionLog.events[0]).toMatchObject({ question: 'and when?', followUp: true });
  });
});

describe('messages', () => {
  it('answers a direct message that mentions coop, as a first question', async () => {
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    await harness.sendEvent(event('message', `<@${BOT_USER}> who launched TSI`, '1700000000.000100', DM));
    await harness.settle();
    expect(posted.calls[0]).toMatchObject({ channel: 'D0DIRECT', thread_ts: '1700000000.000100' });
    expect(harness.questionLog.events[0]).toMatchObject({ question: 'who launched TSI', followUp: false });
  });

  it('ignores a direct message that is only a mention', async () => {
    await harness.sendEvent(event('message', `<@${BOT_USER}>`, '1700000000.000100', DM));
    await harness.settle();
    expect(harness.questionLog.events).toEqual([]);
  });

  it('ignores the first message of a thread in a channel without asking Slack for the thread', async () => {
    await harness.sendEvent(
      event('message', 'who launched TSI', '1700000000.000100', { thread_ts: '1700000000.000100' }),
    );
    await harness.settle();
    expect(harness.questionLog.events).toEqual([]);
  });

  it('answers the first message of a direct-message thread with no context to look up', async () => {
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    await harness.sendEvent(
      event('message', 'who launched TSI', '1700000000.000100', { ...DM, thread_ts: '1700000000.000100' }),
    );
    await harness.settle();
    expect(posted.calls[0]).toMatchObject({ thread_ts: '1700000000.000100' });
    expect(harness.questionLog.events[0]).toMatchObject({ followUp: false });
  });

  it("answers a reply in coop's thread once when it arrives twice under two event ids", async () => {
    threadWithAnswer('1700000000.000100', 'who launched TSI');
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000400' });
    const reply = event('message', 'and when?', '1700000000.000300', { thread_ts: '1700000000.000100' });
    await harness.sendEvent(reply, { eventId: 'Ev0FIRST' });
    await harness.sendEvent(reply, { eventId: 'Ev0SECOND' });
    await harness.settle();
    expect(posted.calls).toHaveLength(1);
  });
});
