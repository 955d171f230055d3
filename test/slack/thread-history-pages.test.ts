import { webApi } from '@slack/bolt';
import nock from 'nock';
import { silentLogger } from '../../src/logging/logger';
import { ANSWER_METADATA_TYPE, ThreadHistory } from '../../src/slack/thread-history';
import { apiBody, BOT_ID, BOT_TOKEN, BOT_USER, interceptSlack, SLACK_API } from './support/slack-harness';

const answer = (ts: string, question: string) => ({
  ts,
  user: BOT_USER,
  bot_id: BOT_ID,
  metadata: { event_type: ANSWER_METADATA_TYPE, event_payload: { question_id: ts, question } },
});

describe('rebuilding a long thread from Slack', () => {
  let slack: ReturnType<typeof interceptSlack>;
  beforeEach(() => {
    slack = interceptSlack();
  });
  afterEach(() => {
    slack.verify();
  });

  it('reads every page of conversations.replies, following the cursor', async () => {
    const cursors: unknown[] = [];
    const pages = [
      { messages: [{ ts: '1.0', user: 'U1', text: 'first?' }, answer('1.1', 'first?')], next: 'page-2' },
      { messages: [answer('1.3', 'second?')], next: 'page-3' },
      { messages: [answer('1.5', 'third?'), answer('1.9', 'after the reply')], next: '' },
    ];
    nock(SLACK_API)
      .post('/api/conversations.replies')
      .times(pages.length)
      .reply(200, (_uri, body) => {
        const { cursor } = apiBody(body);
        cursors.push(cursor);
        const page = pages[cursors.length - 1];
        return { ok: true, messages: page.messages, response_metadata: { next_cursor: page.next } };
      });
    const client = new webApi.WebClient(BOT_TOKEN, {
      slackApiUrl: `${SLACK_API}/api/`,
      retryConfig: { retries: 0 },
      logLevel: webApi.LogLevel.ERROR,
    });

    const questions = await new ThreadHistory(silentLogger).earlierQuestions(
      client,
      { botUserId: BOT_USER, botId: BOT_ID },
      { channel: 'C0GENERAL', threadTs: '1.0', ts: '1.6' },
    );

    expect(questions).toEqual(['first?', 'second?', 'third?']);
    expect(cursors).toEqual([undefined, 'page-2', 'page-3']);
  });
});
