import type { CorpusEngine } from '../../src/answer/engine';
import { createLogger } from '../../src/logging/logger';
import {
  BOT_USER,
  buttons,
  expectApi,
  expectResponse,
  HttpHarness,
  interceptSlack,
  loadSeedEngine,
} from './support/slack-harness';

/**
 * Requests that are correctly signed but not what Slack sends, and text that must not be kept: each is
 * refused or cleaned at once, and coop keeps answering everyone else.
 */

let engine: CorpusEngine;
let harness: HttpHarness;
let slack: ReturnType<typeof interceptSlack>;
let log: string;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  engine = await loadSeedEngine();
  process.on('unhandledRejection', onUnhandled);
});

afterAll(() => {
  process.removeListener('unhandledRejection', onUnhandled);
});

beforeEach(async () => {
  slack = interceptSlack();
  log = '';
  unhandled.length = 0;
  harness = await HttpHarness.start(engine, {
    logger: createLogger('debug', { write: (line: string) => (log += line) }),
  });
});

afterEach(async () => {
  await harness.stop();
  jest.restoreAllMocks();
  slack.verify();
});

/** A click's form body, as Slack posts it, with `payload` as given. */
function clickBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

/** The buttons of a private `/coop` answer to `question`. */
async function answerButtons(question: string) {
  const reply = expectResponse('/commands/ask');
  await harness.sendCommand(question, { responsePath: '/commands/ask' });
  await harness.settle();
  return buttons(reply.calls[0]?.blocks);
}

describe('malformed signed requests', () => {
  it.each([
    ['null', 'null', JSON_TYPE],
    ['a JSON list', '[]', JSON_TYPE],
    ['a JSON number', '1', JSON_TYPE],
    ['an empty object', '{}', JSON_TYPE],
    ['an event without its event', '{"type":"event_callback","team_id":"T0TEAM"}', JSON_TYPE],
    ['an event that is null', '{"type":"event_callback","event":null}', JSON_TYPE],
    ['a URL check without a challenge', '{"type":"url_verification"}', JSON_TYPE],
    ['a payload that is null', 'payload=null', FORM_TYPE],
    ['a click without actions', clickBody({ type: 'block_actions', user: { id: 'U0ASKER' } }), FORM_TYPE],
    [
      'a click whose actions are null',
      clickBody({ type: 'block_actions', user: { id: 'U0ASKER' }, actions: null }),
      FORM_TYPE,
    ],
    ['a command without its text', 'command=%2Fcoop&user_id=U0ASKER', FORM_TYPE],
    ['an empty form', '', FORM_TYPE],
  ])('answers %s with 400 at once, reaching no listener', async (_case, body, contentType) => {
    const answer = jest.spyOn(engine, 'answer');
    const response = await harness.send(body, contentType);
    await harness.settle();
    // 400, not Bolt's 404 three seconds later, nor a connection held open.
    expect(response.status).toBe(400);
    expect(answer).not.toHaveBeenCalled();
    expect(log).toMatch(/WARN Refused a signed Slack request: /);
    expect(unhandled).toEqual([]);
  });

  it('still refuses an unsigned malformed request with 401, and keeps answering', async () => {
    expect((await harness.send('null', JSON_TYPE, { signature: null })).status).toBe(401);
    expect((await harness.send('null', JSON_TYPE)).status).toBe(400);
    const reply = expectResponse('/commands/after');
    await harness.sendCommand('who launched TSI', { responsePath: '/commands/after' });
    await harness.settle();
    expect(reply.calls).toHaveLength(1);
    expect(unhandled).toEqual([]);
  });
});

describe('button values', () => {
  it('refuses a forged 5,000-entry history at the door, without answering it', async () => {
    const more = (await answerButtons('who launched TSI')).find((button) => button.action_id === 'coop_more');
    const real = JSON.parse(String(more?.value)) as { id: string; q: string };
    const forged = JSON.stringify({
      ...real,
      h: Array.from({ length: 5000 }, (_, n) => `who launched TSI ${n}`),
    });
    const answer = jest.spyOn(engine, 'answer');
    const response = await harness.clickButton({ action_id: 'coop_more', value: forged });
    await harness.settle();
    expect(response.status).toBe(400);
    expect(answer).not.toHaveBeenCalled();
    expect(log).toMatch(/button value of \d+ characters \(Slack allows 2000\)/);
  });

  it("refuses a value within Slack's size but with more history than coop ever writes", async () => {
    const more = (await answerButtons('who launched TSI')).find((button) => button.action_id === 'coop_more');
    const real = JSON.parse(String(more?.value)) as { id: string; q: string };
    const forged = JSON.stringify({ ...real, h: Array.from({ length: 300 }, () => 'x') });
    expect(forged.length).toBeLessThanOrEqual(2000);
    const told = expectResponse('/actions/long');
    const answer = jest.spyOn(engine, 'answer');
    await harness.clickButton({ action_id: 'coop_more', value: forged }, { responsePath: '/actions/long' });
    await harness.settle();
    expect(answer).not.toHaveBeenCalled();
    expect(String(told.calls[0]?.text)).toMatch(/does not belong to an answer coop gave/);
  });
});

describe('feedback', () => {
  it('refuses a vote on a question id coop never issued, and logs the id cut short', async () => {
    const up = (await answerButtons('who launched TSI')).find(
      (button) => button.action_id === 'coop_feedback_up',
    );
    const real = JSON.parse(String(up?.value)) as Record<string, unknown>;
    const told = expectResponse('/actions/forged');
    const longId = `q-${'z'.repeat(1500)}`;
    await harness.clickButton(
      { action_id: 'coop_feedback_down', value: JSON.stringify({ ...real, id: longId }) },
      { responsePath: '/actions/forged' },
    );
    await harness.settle();
    expect(harness.questionLog.events.filter((event) => event.kind === 'feedback')).toEqual([]);
    expect(String(told.calls[0]?.text)).toMatch(/nothing was done/);
    expect(log).toMatch(/Refused a click on "coop_feedback_down": question id "q-z+"… \(1502 characters\)/);
    expect(Math.max(...log.split('\n').map((line) => line.length))).toBeLessThan(400);
  });

  it('refuses a 1 MB question id before reading it, logging a short line', async () => {
    const response = await harness.clickButton({
      action_id: 'coop_feedback_up',
      value: JSON.stringify({ id: 'x'.repeat(1024 * 1024), q: 'who launched TSI', h: [] }),
    });
    await harness.settle();
    expect(response.status).toBe(400);
    expect(harness.questionLog.events).toEqual([]);
    expect(Math.max(...log.split('\n').map((line) => line.length))).toBeLessThan(400);
  });

  it('records a vote on an answer given before a restart', async () => {
    const up = (await answerButtons('who launched TSI')).find(
      (button) => button.action_id === 'coop_feedback_up',
    );
    await harness.stop();
    harness = await HttpHarness.start(engine);
    const thanks = expectResponse('/actions/after-restart');
    await harness.clickButton(
      { action_id: 'coop_feedback_up', value: up?.value },
      { responsePath: '/actions/after-restart' },
    );
    await harness.settle();
    expect(harness.questionLog.events).toEqual([expect.objectContaining({ kind: 'feedback', rating: 'up' })]);
    expect(String(thanks.calls[0]?.text)).toContain('👍');
  });
});

describe('secrets typed into a question', () => {
  const TOKEN = 'xoxp-2222-3333-typedtoken';
  const HEX = '0123456789abcdef0123456789abcdef01234567';

  it('are redacted in the message metadata, the buttons and the question log', async () => {
    const posted = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
    const ts = '1700000000.000100';
    await harness.sendEvent({
      type: 'app_mention',
      user: 'U0ASKER',
      text: `<@${BOT_USER}> who launched TSI? my token is ${TOKEN} and key ${HEX}`,
      ts,
      event_ts: ts,
      channel: 'C0GENERAL',
    });
    await harness.settle();
    const sent = JSON.stringify(posted.calls[0]);
    expect(sent).toContain('"event_type":"coop_answer"');
    expect(sent).toContain('[redacted]');
    expect(sent).not.toContain('typedtoken');
    expect(sent).not.toContain(HEX);
    expect(JSON.stringify(harness.questionLog.events)).not.toMatch(/typedtoken|0123456789abcdef0123/);
    expect(log).not.toMatch(/typedtoken|0123456789abcdef0123/);
  });
});
