import nock from 'nock';
import type { CorpusEngine } from '../../src/answer/engine';
import { createLogger } from '../../src/logging/logger';
import { ANSWER_METADATA_TYPE } from '../../src/slack/thread-history';
import {
  apiBody,
  BOT_ID,
  BOT_TOKEN,
  BOT_USER,
  buttons,
  expectApi,
  expectResponse,
  HttpHarness,
  interceptSlack,
  loadSeedEngine,
  RESPONSE_URL_HOST,
  SIGNING_SECRET,
  SLACK_API,
  threadWithAnswer,
  visibleText,
} from './support/slack-harness';

const CHANNEL = 'C0GENERAL';
const ASKER = 'U0ASKER';

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
  jest.restoreAllMocks();
  slack.verify();
});

function mention(text: string, ts: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'app_mention',
    user: ASKER,
    text: `<@${BOT_USER}> ${text}`,
    ts,
    event_ts: ts,
    channel: CHANNEL,
    ...extra,
  };
}

function message(text: string, ts: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'message',
    channel_type: 'channel',
    user: ASKER,
    text,
    ts,
    event_ts: ts,
    channel: CHANNEL,
    ...extra,
  };
}

describe('HTTP receiver', () => {
  it('answers GET /healthz with 200', async () => {
    const response = await harness.send('', 'text/plain', {
      method: 'GET',
      path: '/healthz',
      signature: null,
    });
    expect(response.status).toBe(200);
  });

  it.each([
    ['a bad signature', { signature: 'v0=0123456789abcdef' }],
    ['no signature', { signature: null }],
    ['a timestamp six minutes old', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ['a timestamp six minutes ahead', { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 }],
  ])('refuses a request with %s: 401 and no answer', async (_case, options) => {
    const answer = jest.spyOn(engine, 'answer');
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: 'T0TEAM',
      event: mention('who launched TSI', '1.1'),
    });
    const response = await harness.send(body, 'application/json', options);
    await harness.settle();
    expect(response.status).toBe(401);
    expect(answer).not.toHaveBeenCalled();
  });

  it('accepts a correctly signed request within five minutes of now', async () => {
    const reply = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000900' });
    const response = await harness.sendEvent(mention('who launched TSI', '1700000000.000100'), {
      timestamp: Math.floor(Date.now() / 1000) + 2 * 60,
    });
    await harness.settle();
    expect(response.status).toBe(200);
    expect(reply.calls).toHaveLength(1);
  });
});

describe('/coop', () => {
  it('acknowledges at once, then answers privately with the passage, its source and a share button', async () => {
    const responsePath = '/commands/T0TEAM/1/who';
    // Slack's response URL holds the answer until the test lets it through: the acknowledgement must
    // not wait for it.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let sent: Record<string, unknown> = {};
    nock(RESPONSE_URL_HOST)
      .post(responsePath)
      .reply(200, async (_uri, body) => {
        sent = apiBody(body);
        await held;
        return 'ok';
      });

    const response = await harness.sendCommand('who launched TSI', { responsePath });
    let answered = false;
    const settled = harness.settle().then(() => {
      answered = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(response.status).toBe(200);
    expect(answered).toBe(false);
    release();
    await settled;

    await harness.settle();
    expect(sent.response_type).toBe('ephemeral');
    const text = visibleText(sent.blocks);
    expect(text).toMatch(/^> .*\*[^*]*launch[^*]*\*/im);
    expect(text).toMatch(/00[123]_[0-9a-f]+\.txt/);
    expect(buttons(sent.blocks).map((button) => button.text.text)).toContain('Share in channel');
    expect(harness.questionLog.events).toEqual([
      expect.objectContaining({
        kind: 'question',
        user: ASKER,
        question: 'who launched TSI',
        answered: true,
        followUp: false,
      }),
    ]);
  });

  it('answers before the question log has written the question, and finishes once it has', async () => {
    const responsePath = '/commands/T0TEAM/1/slowdisk';
    const reply = expectResponse(responsePath);
    const release = harness.questionLog.holdWrites();
    await harness.sendCommand('who launched TSI', { responsePath });
    let settled = false;
    const settling = harness.settle().then(() => {
      settled = true;
    });
    // The answer is out while the write is still held, and the delivery is not yet done.
    for (let i = 0; i < 50 && reply.calls.length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(visibleText(reply.calls[0]?.blocks)).toMatch(/00[123]_[0-9a-f]+\.txt/);
    expect(settled).toBe(false);
    release();
    await settling;
    expect(harness.questionLog.events).toEqual([expect.objectContaining({ question: 'who launched TSI' })]);
  });

  it('gives usage for /coop alone and /coop help', async () => {
    const first = expectResponse('/commands/1');
    const second = expectResponse('/commands/2');
    await harness.sendCommand('', { responsePath: '/commands/1' });
    await harness.sendCommand('help', { responsePath: '/commands/2' });
    await harness.settle();
    for (const call of [...first.calls, ...second.calls]) expect(String(call.text)).toContain('/coop');
    expect(first.calls).toHaveLength(1);
    expect(second.calls).toHaveLength(1);
  });

  it('lists the documents of the corpus for /coop sources', async () => {
    const reply = expectResponse('/commands/sources');
    await harness.sendCommand('sources', { responsePath: '/commands/sources' });
    await harness.settle();
    const text = visibleText(reply.calls[0].blocks);
    for (const document of engine.documents()) expect(text).toContain(document.file);
    expect(text).toContain('2023-06-05');
  });

  it('says the digest is not configured when there is none', async () => {
    const reply = expectResponse('/commands/digest');
    await harness.sendCommand('digest', { responsePath: '/commands/digest' });
    await harness.settle();
    expect(String(reply.calls[0].text)).toMatch(/not configured/);
  });

  it('says plainly when the corpus has no answer, citing nothing', async () => {
    const reply = expectResponse('/commands/none');
    await harness.sendCommand('what is the boiling point of mercury on Venus', {
      responsePath: '/commands/none',
    });
    await harness.settle();
    const text = visibleText(reply.calls[0].blocks);
    expect(text).toMatch(/corpus doesn't answer/);
    expect(text).toContain('/coop sources');
    expect(text).not.toMatch(/\.txt/);
    expect(harness.questionLog.events[0]).toMatchObject({ answered: false, sources: [] });
  });

  it('never echoes a broadcast or a mention from the question', async () => {
    const reply = expectResponse('/commands/escape');
    await harness.sendCommand('<!channel> <!here> <@U0OTHER> who launched TSI &amp; why &lt;b&gt;', {
      responsePath: '/commands/escape',
    });
    await harness.settle();
    const shown = `${reply.calls[0].text}\n${visibleText(reply.calls[0].blocks)}`;
    expect(shown).not.toMatch(/<!channel>|<!here>|<@U0OTHER>|<b>/);
    expect(visibleText(reply.calls[0].blocks)).toContain('who launched TSI &amp; why &lt;b&gt;');
  });
});

describe('answer buttons', () => {
  async function privateAnswer(question: string) {
    const reply = expectResponse('/commands/ask');
    await harness.sendCommand(question, { responsePath: '/commands/ask' });
    await harness.settle();
    return buttons(reply.calls[0].blocks);
  }

  it('shares an answer in the channel, removes the private copy, and takes follow-ups in its thread', async () => {
    const share = (await privateAnswer('who launched TSI')).find(
      (button) => button.action_id === 'coop_share',
    );
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000100.000100' });
    const removed = expectResponse('/actions/share');
    await harness.clickButton(
      { action_id: 'coop_share', value: share?.value },
      { responsePath: '/actions/share' },
    );
    await harness.settle();

    // shared without link previews, which would bury the answer under cards of the cited pages
    expect(posted.calls[0]).toMatchObject({ channel: CHANNEL, unfurl_links: 'false', unfurl_media: 'false' });
    expect(posted.calls[0].thread_ts).toBeUndefined();
    expect(visibleText(posted.calls[0].blocks)).toContain(`<@${ASKER}> asked`);
    expect(removed.calls[0]).toMatchObject({ delete_original: true });

    const answer = jest.spyOn(engine, 'answer');
    const followUp = expectApi('chat.postMessage', { ok: true, ts: '1700000100.000300' });
    await harness.sendEvent(
      message('when was it launched?', '1700000100.000200', { thread_ts: '1700000100.000100' }),
    );
    await harness.settle();
    expect(followUp.calls[0]).toMatchObject({ thread_ts: '1700000100.000100' });
    expect(answer).toHaveBeenCalledWith('when was it launched?', { history: ['who launched TSI'] });
  });

  it('tells the user privately how to fix it when the bot is not in the channel', async () => {
    const share = (await privateAnswer('who launched TSI')).find(
      (button) => button.action_id === 'coop_share',
    );
    expectApi('chat.postMessage', { ok: false, error: 'not_in_channel' });
    const told = expectResponse('/actions/share');
    await harness.clickButton(
      { action_id: 'coop_share', value: share?.value },
      { responsePath: '/actions/share' },
    );
    await harness.settle();
    expect(told.calls[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(told.calls[0].text)).toContain('/invite @coop');
  });

  it('shows the next passages for "More results"', async () => {
    const more = (await privateAnswer('who launched TSI')).find((button) => button.action_id === 'coop_more');
    expect(more).toBeDefined();
    const reply = expectResponse('/actions/more');
    await harness.clickButton(
      { action_id: 'coop_more', value: more?.value },
      { responsePath: '/actions/more' },
    );
    await harness.settle();
    const shown = engine.answer('who launched TSI').morePassages[0];
    expect(visibleText(reply.calls[0].blocks)).toContain('More results');
    expect(visibleText(reply.calls[0].blocks)).toContain(shown.citations[0].file);
  });

  it('records 👍 and 👎 in the question log and thanks the user', async () => {
    const answerButtons = await privateAnswer('who launched TSI');
    const questionId = harness.questionLog.events[0].questionId;
    const thanks = expectResponse('/actions/up');
    const thanksAgain = expectResponse('/actions/down');
    const up = answerButtons.find((button) => button.action_id === 'coop_feedback_up');
    const down = answerButtons.find((button) => button.action_id === 'coop_feedback_down');
    await harness.clickButton(
      { action_id: 'coop_feedback_up', value: up?.value },
      { responsePath: '/actions/up', user: 'U0READER' },
    );
    await harness.clickButton(
      { action_id: 'coop_feedback_down', value: down?.value },
      { responsePath: '/actions/down' },
    );
    await harness.settle();
    expect(harness.questionLog.events.slice(1)).toEqual([
      expect.objectContaining({ kind: 'feedback', questionId, user: 'U0READER', rating: 'up' }),
      expect.objectContaining({ kind: 'feedback', questionId, user: ASKER, rating: 'down' }),
    ]);
    expect(String(thanks.calls[0].text)).toContain('👍');
    expect(String(thanksAgain.calls[0].text)).toContain('👎');
  });
});

describe('mentions and threads', () => {
  it('answers a mention in a thread on it, with metadata that keeps the question', async () => {
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    await harness.sendEvent(mention('who is the Indian High Commissioner to the UK?', '1700000000.000100'));
    await harness.settle();
    expect(posted.calls).toHaveLength(1);
    expect(posted.calls[0]).toMatchObject({ channel: CHANNEL, thread_ts: '1700000000.000100' });
    expect(posted.calls[0].metadata).toMatchObject({
      event_type: ANSWER_METADATA_TYPE,
      event_payload: { question: 'who is the Indian High Commissioner to the UK?' },
    });
    expect(visibleText(posted.calls[0].blocks)).toContain('Doraiswami');
    expect(visibleText(posted.calls[0].blocks)).toContain('000_7543d9cbc6d5a972.txt');
  });

  it('answers a mention inside a thread in that thread', async () => {
    expectApi('conversations.replies', {
      ok: true,
      messages: [{ ts: '1700000000.000050', user: 'U0SOMEONE', text: 'hi' }],
    });
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000300' });
    await harness.sendEvent(
      mention('who launched TSI', '1700000000.000100', { thread_ts: '1700000000.000050' }),
    );
    await harness.settle();
    expect(posted.calls[0]).toMatchObject({ thread_ts: '1700000000.000050' });
  });

  it('answers a reply in its thread without a mention, with the earlier questions as context', async () => {
    const answer = jest.spyOn(engine, 'answer');
    expectApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    await harness.sendEvent(
      mention('What is the US-India defence industrial cooperation roadmap?', '1700000000.000100'),
    );
    await harness.settle();

    const followUp = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000400' });
    await harness.sendEvent(
      message('Which areas will it fast-track?', '1700000000.000300', { thread_ts: '1700000000.000100' }),
    );
    await harness.settle();
    expect(followUp.calls[0]).toMatchObject({ thread_ts: '1700000000.000100' });
    expect(answer).toHaveBeenLastCalledWith('Which areas will it fast-track?', {
      history: ['What is the US-India defence industrial cooperation roadmap?'],
    });
    expect(visibleText(followUp.calls[0].blocks)).toContain('004_9daa931a54f4c2db.txt');
    expect(harness.questionLog.events[1]).toMatchObject({ followUp: true, threadTs: '1700000000.000100' });
  });

  it('rebuilds the context of a follow-up from the thread after a restart', async () => {
    await harness.stop();
    harness = await HttpHarness.start(engine);
    const answer = jest.spyOn(engine, 'answer');
    const replies = expectApi('conversations.replies', {
      ok: true,
      messages: [
        {
          ts: '1700000000.000100',
          user: ASKER,
          text: `<@${BOT_USER}> What is the US-India defence industrial cooperation roadmap?`,
        },
        {
          ts: '1700000000.000200',
          user: BOT_USER,
          bot_id: BOT_ID,
          text: 'answer',
          metadata: {
            event_type: ANSWER_METADATA_TYPE,
            event_payload: {
              question_id: 'q1',
              question: 'What is the US-India defence industrial cooperation roadmap?',
            },
          },
        },
        { ts: '1700000000.000300', user: ASKER, text: 'Which areas will it fast-track?' },
      ],
    });
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000400' });
    await harness.sendEvent(
      message('Which areas will it fast-track?', '1700000000.000300', { thread_ts: '1700000000.000100' }),
    );
    await harness.settle();

    expect(replies.calls[0]).toMatchObject({
      channel: CHANNEL,
      ts: '1700000000.000100',
      include_all_metadata: 'true',
    });
    expect(answer).toHaveBeenCalledWith('Which areas will it fast-track?', {
      history: ['What is the US-India defence industrial cooperation roadmap?'],
    });
    expect(posted.calls[0]).toMatchObject({ thread_ts: '1700000000.000100' });
    expect(visibleText(posted.calls[0].blocks)).toContain('004_9daa931a54f4c2db.txt');
  });

  it('ignores replies in threads where the bot has not answered, and asks Slack only once per thread', async () => {
    const replies = expectApi('conversations.replies', {
      ok: true,
      messages: [
        { ts: '1700000000.000100', user: 'U0SOMEONE', text: 'lunch?' },
        {
          ts: '1700000000.000150',
          user: 'U0OTHERBOT',
          bot_id: 'B0OTHER',
          text: 'x',
          metadata: { event_type: ANSWER_METADATA_TYPE, event_payload: { question: 'spoofed' } },
        },
      ],
    });
    await harness.sendEvent(message('pizza', '1700000000.000200', { thread_ts: '1700000000.000100' }));
    await harness.sendEvent(message('sushi', '1700000000.000300', { thread_ts: '1700000000.000100' }));
    await harness.settle();
    expect(replies.calls).toHaveLength(1);
  });

  it("ignores channel messages outside threads, its own and other bots' messages, and subtypes", async () => {
    const answer = jest.spyOn(engine, 'answer');
    await harness.sendEvent(message('who launched TSI', '1700000000.000100'));
    await harness.sendEvent(
      message('who launched TSI', '1700000000.000200', {
        user: BOT_USER,
        bot_id: BOT_ID,
        channel_type: 'im',
      }),
    );
    await harness.sendEvent(
      message('who launched TSI', '1700000000.000300', {
        user: 'U0OTHERBOT',
        bot_id: 'B0OTHER',
        channel_type: 'im',
      }),
    );
    await harness.sendEvent(
      message('who launched TSI', '1700000000.000400', { subtype: 'message_changed', channel_type: 'im' }),
    );
    await harness.sendEvent(message('', '1700000000.000500', { subtype: 'channel_join' }));
    await harness.sendEvent(
      mention('who launched TSI', '1700000000.000600', { user: BOT_USER, bot_id: BOT_ID }),
    );
    await harness.settle();
    expect(answer).not.toHaveBeenCalled();
  });

  it('answers a mention once when Slack also sends it as a message event', async () => {
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000300' });
    const ts = '1700000000.000100';
    await harness.sendEvent(message(`<@${BOT_USER}> who launched TSI`, ts));
    await harness.sendEvent(mention('who launched TSI', ts));
    await harness.sendEvent(message(`<@${BOT_USER}> who launched TSI`, ts));
    await harness.settle();
    expect(posted.calls).toHaveLength(1);
  });

  it("acknowledges Slack's retries and never answers twice", async () => {
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000300' });
    const event = mention('who launched TSI', '1700000000.000100');
    const first = await harness.sendEvent(event, { eventId: 'Ev0RETRY' });
    const retry = await harness.sendEvent(event, { eventId: 'Ev0RETRY', retryNum: 1 });
    const again = await harness.sendEvent(event, { eventId: 'Ev0RETRY' });
    await harness.settle();
    expect([first.status, retry.status, again.status]).toEqual([200, 200, 200]);
    expect(posted.calls).toHaveLength(1);
  });

  it('answers direct messages in a thread, and their replies as follow-ups', async () => {
    const dm = { channel: 'D0DIRECT', channel_type: 'im' };
    const answer = jest.spyOn(engine, 'answer');
    const first = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    await harness.sendEvent(message('who launched TSI', '1700000000.000100', dm));
    await harness.settle();
    expect(first.calls[0]).toMatchObject({ channel: 'D0DIRECT', thread_ts: '1700000000.000100' });

    const second = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000400' });
    await harness.sendEvent(
      message('and when?', '1700000000.000300', { ...dm, thread_ts: '1700000000.000100' }),
    );
    await harness.settle();
    expect(second.calls[0]).toMatchObject({ channel: 'D0DIRECT', thread_ts: '1700000000.000100' });
    expect(answer).toHaveBeenLastCalledWith('and when?', { history: ['who launched TSI'] });
  });

  it('escapes broadcasts and markup in a mention so nobody is pinged', async () => {
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    await harness.sendEvent(mention('<!everyone> <!here> who launched TSI?', '1700000000.000100'));
    await harness.settle();
    expect(JSON.stringify(posted.calls[0])).not.toMatch(/<!everyone>|<!here>|<!channel>/);
    expect(posted.calls[0].metadata).toMatchObject({ event_payload: { question: 'who launched TSI?' } });
  });
});

describe('Slack API failures', () => {
  it('waits out a rate limit (429 with Retry-After) and then answers', async () => {
    await harness.stop();
    harness = await HttpHarness.start(engine, { retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 } });
    nock(SLACK_API)
      .post('/api/chat.postMessage')
      .reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' });
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    // The wait out of the limit is taken with the global timer: Slack's second, plus up to a second of
    // spread so that answers limited together do not return together. It is recorded and taken at once.
    const realSetTimeout = global.setTimeout;
    const waits: number[] = [];
    jest.spyOn(global, 'setTimeout').mockImplementation(((callback: () => void, ms?: number) => {
      if (ms === undefined || ms < 1000 || ms > 2000) return realSetTimeout(callback, ms);
      waits.push(ms);
      return realSetTimeout(callback, 0);
    }) as typeof setTimeout);
    await harness.sendEvent(mention('who launched TSI', '1700000000.000100'));
    await harness.settle();
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(1000);
    expect(posted.calls).toHaveLength(1);
  });

  it('tells the user privately when it cannot post in the conversation', async () => {
    expectApi('chat.postMessage', { ok: false, error: 'channel_not_found' });
    const told = expectApi('chat.postEphemeral', { ok: true });
    await harness.sendEvent(mention('who launched TSI', '1700000000.000100'));
    await harness.settle();
    expect(told.calls[0]).toMatchObject({ channel: CHANNEL, user: ASKER, thread_ts: '1700000000.000100' });
    expect(String(told.calls[0].text)).toContain('/invite @coop');
  });

  it('never writes a token to the log, even at debug level and on failures', async () => {
    await harness.stop();
    let log = '';
    harness = await HttpHarness.start(engine, {
      logger: createLogger('debug', { write: (line: string) => (log += line) }),
    });
    expectApi('chat.postMessage', { ok: false, error: 'not_in_channel' });
    expectApi('chat.postEphemeral', { ok: false, error: 'not_in_channel' });
    await harness.sendEvent(mention('who launched TSI', '1700000000.000100'));
    await harness.settle();
    expect(log).toContain('not_in_channel');
    expect(log).not.toContain(BOT_TOKEN);
    expect(log).not.toContain(SIGNING_SECRET);
  });

  it('stays up after a network error', async () => {
    // Each broken post may have reached Slack, so the thread is read before the next try.
    nock(SLACK_API).post('/api/chat.postMessage').times(3).replyWithError('socket hang up');
    expectApi('conversations.replies', { ok: true, messages: [] }, 2);
    nock(SLACK_API).post('/api/chat.postEphemeral').replyWithError('socket hang up');
    await harness.sendEvent(mention('who launched TSI', '1700000000.000100'));
    await harness.settle();
    const health = await harness.send('', 'text/plain', { method: 'GET', path: '/healthz', signature: null });
    expect(health.status).toBe(200);
  });
});

const DM = { channel: 'D0DIRECT', channel_type: 'im' };

describe('/coop subcommands in detail', () => {
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

describe('mentions in detail', () => {
  it('gives the usage in the thread for a mention without a question', async () => {
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    await harness.sendEvent(mention('', '1700000000.000100'));
    await harness.settle();
    expect(posted.calls[0]).toMatchObject({ channel: CHANNEL, thread_ts: '1700000000.000100' });
    expect(String(posted.calls[0].text)).toMatch(/^coop answers questions about its documents/);
    expect(harness.questionLog.events).toEqual([]);
  });

  it('posts answers without link previews, and logs a first question as no follow-up', async () => {
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    await harness.sendEvent(mention('who launched TSI', '1700000000.000100'));
    await harness.settle();
    expect(posted.calls[0]).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
    expect(harness.questionLog.events[0]).toMatchObject({ question: 'who launched TSI', followUp: false });
  });

  it('ignores mentions by other bots and without a user', async () => {
    await harness.sendEvent(
      mention('who launched TSI', '1700000000.000100', {
        user: 'U0OTHERBOT',
        bot_id: 'B0OTHER',
      }),
    );
    await harness.sendEvent(mention('who launched TSI', '1700000000.000200', { user: undefined }));
    await harness.settle();
    expect(harness.questionLog.events).toEqual([]);
  });

  it('answers a mention delivered twice under two event ids once', async () => {
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    const twice = mention('who launched TSI', '1700000000.000100');
    await harness.sendEvent(twice, { eventId: 'Ev0FIRST' });
    await harness.sendEvent(twice, { eventId: 'Ev0SECOND' });
    await harness.settle();
    expect(posted.calls).toHaveLength(1);
  });

  it("answers a mention in someone else's thread even when its message event comes first", async () => {
    expectApi('conversations.replies', {
      ok: true,
      messages: [{ ts: '1700000000.000100', user: 'U0SOMEONE', text: 'lunch?' }],
    });
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000300' });
    const inThread = { thread_ts: '1700000000.000100' };
    await harness.sendEvent(message(`<@${BOT_USER}> who launched TSI`, '1700000000.000200', inThread));
    await harness.sendEvent(mention('who launched TSI', '1700000000.000200', inThread));
    await harness.settle();
    expect(posted.calls[0]).toMatchObject({ thread_ts: '1700000000.000100' });
    // the thread holds no answer of coop's, so this is a first question
    expect(harness.questionLog.events[0]).toMatchObject({ followUp: false });
  });

  it("takes a mention inside coop's thread as a follow-up of the thread's questions", async () => {
    const replies = threadWithAnswer('1700000000.000100', 'who launched TSI');
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000400' });
    await harness.sendEvent(
      mention('and when?', '1700000000.000300', {
        thread_ts: '1700000000.000100',
      }),
    );
    await harness.settle();
    expect(posted.calls[0]).toMatchObject({ thread_ts: '1700000000.000100' });
    expect(harness.questionLog.events[0]).toMatchObject({ question: 'and when?', followUp: true });
    expect(replies.calls[0]).toMatchObject({ channel: CHANNEL, ts: '1700000000.000100' });
  });

  it('apologises, privately, when answering fails', async () => {
    jest.spyOn(engine, 'answer').mockImplementation(() => {
      throw new Error('index unreadable');
    });
    const slash = expectResponse('/commands/1');
    const ephemeral = expectApi('chat.postEphemeral', { ok: true });
    await harness.sendCommand('who launched TSI', { responsePath: '/commands/1' });
    await harness.sendEvent(mention('who launched TSI', '1700000000.000100'));
    await harness.settle();
    expect(String(slash.calls[0].text)).toMatch(/^Sorry, something went wrong while answering/);
    expect(ephemeral.calls[0]).toMatchObject({ channel: CHANNEL, user: ASKER });
    expect(String(ephemeral.calls[0].text)).toMatch(/^Sorry, something went wrong while answering/);
  });
});

describe('messages in detail', () => {
  it('answers a direct message that mentions coop, as a first question', async () => {
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    await harness.sendEvent(message(`<@${BOT_USER}> who launched TSI`, '1700000000.000100', DM));
    await harness.settle();
    expect(posted.calls[0]).toMatchObject({ channel: 'D0DIRECT', thread_ts: '1700000000.000100' });
    expect(harness.questionLog.events[0]).toMatchObject({ question: 'who launched TSI', followUp: false });
  });

  it('ignores a direct message that is only a mention', async () => {
    await harness.sendEvent(message(`<@${BOT_USER}>`, '1700000000.000100', DM));
    await harness.settle();
    expect(harness.questionLog.events).toEqual([]);
  });

  it('ignores the first message of a thread in a channel without asking Slack for the thread', async () => {
    await harness.sendEvent(
      message('who launched TSI', '1700000000.000100', { thread_ts: '1700000000.000100' }),
    );
    await harness.settle();
    expect(harness.questionLog.events).toEqual([]);
  });

  it('answers the first message of a direct-message thread with no context to look up', async () => {
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    await harness.sendEvent(
      message('who launched TSI', '1700000000.000100', { ...DM, thread_ts: '1700000000.000100' }),
    );
    await harness.settle();
    expect(posted.calls[0]).toMatchObject({ thread_ts: '1700000000.000100' });
    expect(harness.questionLog.events[0]).toMatchObject({ followUp: false });
  });

  it("answers a reply in coop's thread once when it arrives twice under two event ids", async () => {
    threadWithAnswer('1700000000.000100', 'who launched TSI');
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000400' });
    const reply = message('and when?', '1700000000.000300', { thread_ts: '1700000000.000100' });
    await harness.sendEvent(reply, { eventId: 'Ev0FIRST' });
    await harness.sendEvent(reply, { eventId: 'Ev0SECOND' });
    await harness.settle();
    expect(posted.calls).toHaveLength(1);
  });
});
