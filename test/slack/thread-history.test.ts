import type { webApi } from '@slack/bolt';
import { silentLogger } from '../../src/logging/logger';
import { ANSWER_METADATA_TYPE, ThreadHistory } from '../../src/slack/thread-history';

const self = { botUserId: 'UBOT', botId: 'BBOT' };

function fakeClient(messages: unknown[]) {
  const replies = jest.fn(async () => ({ ok: true, messages }));
  return { client: { conversations: { replies } } as unknown as webApi.WebClient, replies };
}

const answerBy = (user: string, ts: string, question: string) => ({
  ts,
  user,
  bot_id: user === 'UBOT' ? 'BBOT' : undefined,
  metadata: { event_type: ANSWER_METADATA_TYPE, event_payload: { question_id: ts, question } },
});

describe('ThreadHistory', () => {
  it("reads a thread's questions from the bot's own answers before the message, oldest first", async () => {
    const { client } = fakeClient([
      { ts: '1.0', user: 'U1', text: 'first?' },
      answerBy('UBOT', '1.1', 'first?'),
      answerBy('UOTHER', '1.2', 'spoofed'),
      answerBy('UBOT', '1.3', 'second?'),
      answerBy('UBOT', '1.5', 'later'),
    ]);
    const history = new ThreadHistory(silentLogger);
    expect(
      await history.earlierQuestions(client, self, { channel: 'C1', threadTs: '1.0', ts: '1.4' }),
    ).toEqual(['first?', 'second?']);
  });

  it('remembers what it answered, so a follow-up needs no call to Slack', async () => {
    const { client, replies } = fakeClient([]);
    const history = new ThreadHistory(silentLogger);
    history.remember('C1', '1.0', 'first?');
    history.remember('C1', '1.0', 'second?');
    expect(
      await history.earlierQuestions(client, self, { channel: 'C1', threadTs: '1.0', ts: '9.9' }),
    ).toEqual(['first?', 'second?']);
    expect(replies).not.toHaveBeenCalled();
  });

  it('asks Slack again about a thread that was not ours once ten minutes have passed', async () => {
    let now = 0;
    const { client, replies } = fakeClient([{ ts: '1.0', user: 'U1', text: 'lunch?' }]);
    const history = new ThreadHistory(silentLogger, () => now);
    expect(
      await history.earlierQuestions(client, self, { channel: 'C1', threadTs: '1.0', ts: '1.1' }),
    ).toBeUndefined();
    now = 9 * 60 * 1000;
    expect(
      await history.earlierQuestions(client, self, { channel: 'C1', threadTs: '1.0', ts: '1.2' }),
    ).toBeUndefined();
    expect(replies).toHaveBeenCalledTimes(1);
    now = 11 * 60 * 1000;
    await history.earlierQuestions(client, self, { channel: 'C1', threadTs: '1.0', ts: '1.3' });
    expect(replies).toHaveBeenCalledTimes(2);
  });

  it('treats a thread it cannot read as not ours, without throwing', async () => {
    const client = {
      conversations: { replies: jest.fn(async () => Promise.reject(new Error('network down'))) },
    } as unknown as webApi.WebClient;
    expect(
      await new ThreadHistory(silentLogger).earlierQuestions(client, self, {
        channel: 'C1',
        threadTs: '1.0',
        ts: '1.1',
      }),
    ).toBeUndefined();
  });
});
