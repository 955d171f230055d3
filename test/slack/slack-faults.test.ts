import nock from 'nock';
import type { CorpusEngine } from '../../src/answer/engine';
import type { AnswerEngine } from '../../src/answer/types';
import { ANSWER_METADATA_TYPE } from '../../src/slack/thread-history';
import type { Inbox } from '../../src/store/types';
import { recordingLogger } from '../logging/recording-logger';
import { mentionEvent } from '../support/slack-request';
import { waitFor } from '../support/wait-for';
import {
  apiBody,
  BOT_ID,
  BOT_USER,
  delayedInbox,
  expectApi,
  expectResponse,
  HttpHarness,
  heldInbox,
  interceptSlack,
  loadSeedEngine,
  RESPONSE_URL_HOST,
  SLACK_API,
  TEAM,
  threadWithAnswer,
  visibleText,
} from './support/slack-harness';

const CHANNEL = 'C0GENERAL';
const ASKER = 'U0ASKER';
/** Each Web API and response_url call is given this long in these tests. */
const TIMEOUT_MS = 300;

let engine: CorpusEngine;
let harness: HttpHarness | undefined;
let slack: ReturnType<typeof interceptSlack>;

beforeAll(async () => {
  engine = await loadSeedEngine();
});

beforeEach(() => {
  slack = interceptSlack();
});

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
  slack.verify();
});

function start(options: Parameters<typeof HttpHarness.start>[1] = {}) {
  return HttpHarness.start(engine, { env: { SLACK_TIMEOUT_MS: String(TIMEOUT_MS) }, ...options });
}

const mention = (question: string, ts: string) => mentionEvent(question, ts, CHANNEL, ASKER);

describe('posting an answer when Slack fails', () => {
  it('posts once when Slack stored the message but its reply never came back', async () => {
    harness = await start();
    const posts: Record<string, unknown>[] = [];
    // Slack takes the message, then the reply hangs past the timeout.
    nock(SLACK_API)
      .post('/api/chat.postMessage')
      .delay(5000)
      .reply(200, (_uri, body) => {
        posts.push(apiBody(body));
        return { ok: true, ts: '1700000000.000200' };
      });
    nock(SLACK_API)
      .post('/api/conversations.replies')
      .reply(200, () => ({
        ok: true,
        messages: [
          { ts: '1700000000.000100', user: ASKER, text: 'who launched TSI' },
          { ts: '1700000000.000200', user: BOT_USER, bot_id: BOT_ID, metadata: posts[0]?.metadata },
        ],
      }));
    const started = Date.now();
    await harness.sendEvent(mention('who launched TSI', '1700000000.000100'));
    await harness.settle();
    expect(posts).toHaveLength(1);
    expect(posts[0]?.metadata).toMatchObject({ event_type: ANSWER_METADATA_TYPE });
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('gives up on a hung call after the timeout and answers on the next try', async () => {
    harness = await start();
    nock(SLACK_API).post('/api/chat.postMessage').delay(10_000).reply(200, { ok: true, ts: '1.1' });
    expectApi('conversations.replies', { ok: true, messages: [] });
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    const started = Date.now();
    await harness.sendEvent(mention('who launched TSI', '1700000000.000100'));
    await harness.settle();
    const elapsed = Date.now() - started;
    expect(posted.calls).toHaveLength(1);
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(elapsed).toBeLessThan(3000);
  });

  it('tells the asker that Slack is rate-limiting when the limit outlasts every try', async () => {
    harness = await start();
    nock(SLACK_API)
      .post('/api/chat.postMessage')
      .times(3)
      .reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '0' });
    const told = expectApi('chat.postEphemeral', { ok: true });
    await harness.sendEvent(mention('who launched TSI', '1700000000.000100'));
    await harness.settle();
    expect(told.calls[0]).toMatchObject({ channel: CHANNEL, user: ASKER });
    expect(String(told.calls[0]?.text)).toMatch(/rate-limiting/);
    expect(String(told.calls[0]?.text)).not.toMatch(/couldn't reach/);
  });
});

describe('a slash answer when response_url fails', () => {
  it.each([
    ['answers 500', (scope: nock.Interceptor) => scope.reply(500, 'oops')],
    ['answers 404 (expired)', (scope: nock.Interceptor) => scope.reply(404, 'expired_url')],
    ['hangs', (scope: nock.Interceptor) => scope.delay(10_000).reply(200, 'ok')],
  ])('reaches the asker through chat.postEphemeral when the response_url %s', async (_case, fail) => {
    harness = await start();
    fail(nock(RESPONSE_URL_HOST).post('/commands/failing'));
    const told = expectApi('chat.postEphemeral', { ok: true });
    await harness.sendCommand('who launched TSI', { responsePath: '/commands/failing' });
    await harness.settle();
    expect(told.calls[0]).toMatchObject({ channel: CHANNEL, user: ASKER });
    expect(visibleText(told.calls[0]?.blocks)).toMatch(/Technology Security Initiative|TSI/);
  });
});

describe('startup while Slack is down', () => {
  it('listens while auth.test fails, says Slack is unreachable, and answers once it succeeds', async () => {
    nock(SLACK_API).post('/api/auth.test').times(2).reply(503, 'down');
    harness = await start({
      expectAuth: false,
      options: { reconnectPolicy: { attempts: Number.POSITIVE_INFINITY, baseDelayMs: 150, maxDelayMs: 150 } },
    });
    expect(harness.slackApp.connection.problem()).toMatch(/Slack unreachable/);

    const acked = await harness.sendEvent(mention('who launched TSI', '1700000000.000100'));
    expect(acked.status).toBe(200);

    nock(SLACK_API)
      .post('/api/auth.test')
      .reply(200, { ok: true, user_id: BOT_USER, bot_id: BOT_ID, team_id: TEAM });
    // Kept events are replayed, and a replay looks in the thread before posting.
    expectApi('conversations.replies', { ok: true, messages: [] });
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    await waitFor(() => posted.calls.length === 1, 5000);
    await harness.settle();
    expect(harness.slackApp.connection.problem()).toBeUndefined();
    expect(posted.calls[0]).toMatchObject({ channel: CHANNEL, thread_ts: '1700000000.000100' });
  });
});

describe("Slack's retries", () => {
  it('answers a retry whose first delivery never arrived, and a retry of an answered event not again', async () => {
    harness = await start();
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    const event = mention('who launched TSI', '1700000000.000100');
    await harness.sendEvent(event, { eventId: 'Ev0NEVERSEEN', retryNum: 1 });
    await harness.sendEvent(event, { eventId: 'Ev0NEVERSEEN', retryNum: 2 });
    await harness.settle();
    expect(posted.calls).toHaveLength(1);
  });
});

describe('a delivery still being written to the inbox (a slow disk)', () => {
  /** Starts the app on an inbox whose writes finish only once `release` is called. */
  async function startHeld(engineUsed: AnswerEngine = engine) {
    let held!: ReturnType<typeof heldInbox>;
    const running = await HttpHarness.start(engineUsed, {
      env: { SLACK_TIMEOUT_MS: String(TIMEOUT_MS) },
      wrapInbox: (inbox) => {
        held = heldInbox(inbox);
        return held.inbox;
      },
    });
    harness = running;
    return { held, running };
  }

  /** A request on its way, and whether its response (the acknowledgement) has arrived. */
  function tracked(sent: Promise<{ status: number }>) {
    let acknowledged = false;
    const reply = sent.then((response) => {
      acknowledged = true;
      return response;
    });
    return { reply, acknowledged: () => acknowledged };
  }

  const aMoment = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Lets the held writes finish; `request` is then acknowledged and the app settles. */
  async function release(
    { held, running }: Awaited<ReturnType<typeof startHeld>>,
    request: ReturnType<typeof tracked>,
  ) {
    held.release();
    expect((await request.reply).status).toBe(200);
    await running.settle();
  }

  /**
   * Asserts that while the write is held `request` is not acknowledged and nothing went through `calls`,
   * releases it ({@link release}), and returns the one call made then.
   */
  async function sentOnlyOnceKept<T>(
    app: Awaited<ReturnType<typeof startHeld>>,
    request: ReturnType<typeof tracked>,
    calls: T[],
  ) {
    expect(request.acknowledged()).toBe(false);
    expect(calls).toHaveLength(0);
    await release(app, request);
    expect(calls).toHaveLength(1);
    return calls[0];
  }

  it('is answered meanwhile, but neither acknowledged nor posted until it is kept', async () => {
    let asked = 0;
    const app = await startHeld({
      answer: (question, options) => {
        asked++;
        return engine.answer(question, options);
      },
      documents: () => engine.documents(),
    });
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    const request = tracked(app.running.sendEvent(mention('who launched TSI', '1700000000.000100')));
    expect(await waitFor(() => asked === 1, 2000, 5)).toBe(true);
    await aMoment(50);
    const post = await sentOnlyOnceKept(app, request, posted.calls);
    expect(visibleText(post?.blocks)).toMatch(/Technology Security Initiative|TSI/);
  });

  it('answers a slash command through its response_url only once it is kept', async () => {
    const app = await startHeld();
    const answered = expectResponse('/commands/held');
    const request = tracked(app.running.sendCommand('who launched TSI', { responsePath: '/commands/held' }));
    await aMoment(150);
    const reply = await sentOnlyOnceKept(app, request, answered.calls);
    expect(visibleText(reply?.blocks)).toMatch(/Technology Security Initiative|TSI/);
  });

  it('reads the thread of a follow-up meanwhile, posting its answer only once it is kept', async () => {
    const app = await startHeld();
    const replies = threadWithAnswer('1700000000.000100', 'who launched TSI');
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000400' });
    const request = tracked(
      app.running.sendEvent({
        type: 'message',
        channel: CHANNEL,
        user: ASKER,
        text: 'and when was it signed?',
        ts: '1700000000.000300',
        thread_ts: '1700000000.000100',
      }),
    );
    expect(await waitFor(() => replies.calls.length === 1, 2000, 5)).toBe(true);
    await aMoment(50);
    const post = await sentOnlyOnceKept(app, request, posted.calls);
    expect(post).toMatchObject({ thread_ts: '1700000000.000100' });
  });
});

describe('a delivery acknowledged after Slack stopped waiting (the bot was busy)', () => {
  const busy = {
    wrapInbox: (inbox: Inbox) => delayedInbox(inbox, 150),
    options: { ackTimeoutMs: 20 },
  };

  it('answers a mention once all the same, and drops its repeat', async () => {
    const logger = recordingLogger();
    harness = await start({ ...busy, logger });
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    const event = mention('who launched TSI', '1700000000.000100');
    // Answered 404 before the delivery is even kept: settling waits for it all the same.
    const first = await harness.sendEvent(event, { eventId: 'Ev0LATE' });
    await harness.settle();
    expect(posted.calls).toHaveLength(1);
    // Slack counts the delivery failed and sends it again.
    await harness.sendEvent(event, { eventId: 'Ev0LATE', retryNum: 1 });
    await harness.settle();
    expect(first.status).toBe(404);
    expect(posted.calls).toHaveLength(1);
    expect(visibleText(posted.calls[0]?.blocks)).toMatch(/Technology Security Initiative|TSI/);
    expect(logger.text()).toMatch(/waited more than 20 ms for its acknowledgement/);
    expect(logger.text()).toMatch(/event:Ev0LATE was acknowledged after Slack had stopped waiting/);
    expect(logger.text()).toMatch(/Already received event:Ev0LATE/);
    expect(logger.text()).not.toMatch(/listener failed/);
  });

  it('answers a slash command all the same', async () => {
    harness = await start(busy);
    const answered = expectResponse('/commands/late');
    const reply = await harness.sendCommand('who launched TSI', { responsePath: '/commands/late' });
    await harness.settle();
    expect(reply.status).toBe(404);
    expect(answered.calls).toHaveLength(1);
    expect(visibleText(answered.calls[0]?.blocks)).toMatch(/Technology Security Initiative|TSI/);
  });
});
