import nock from 'nock';
import { silentLogger } from '../../src/logging/logger';
import { ANSWER_METADATA_TYPE, ThreadHistory } from '../../src/slack/thread-history';
import { recordingLogger } from '../logging/recording-logger';
import {
  apiBody,
  BOT_ID,
  BOT_USER,
  interceptSlack,
  SLACK_API,
  singleTryClient,
} from './support/slack-harness';

const answer = (ts: string, question: string) => ({
  ts,
  user: BOT_USER,
  bot_id: BOT_ID,
  metadata: { event_type: ANSWER_METADATA_TYPE, event_payload: { question_id: ts, question } },
});

/** Answers `conversations.replies` with `messages`, one page, `times` times. */
function threadReplies(messages: unknown[], times = 1) {
  return nock(SLACK_API)
    .post('/api/conversations.replies')
    .times(times)
    .reply(200, { ok: true, messages, response_metadata: { next_cursor: '' } });
}

const reply = { channel: 'C0GENERAL', threadTs: '1.0', ts: '1.6' };

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
    const questions = await new ThreadHistory(silentLogger).earlierQuestions(
      singleTryClient(),
      { botUserId: BOT_USER, botId: BOT_ID },
      reply,
    );

    expect(questions).toEqual(['first?', 'second?', 'third?']);
    expect(cursors).toEqual([undefined, 'page-2', 'page-3']);
  });

  it('stops after ten pages of a thread that never ends', async () => {
    let page = 0;
    nock(SLACK_API)
      .post('/api/conversations.replies')
      .times(10)
      .reply(200, () => {
        page++;
        return {
          ok: true,
          messages: [answer(`1.${page}`, `question ${page}?`)],
          response_metadata: { next_cursor: `page-${page + 1}` },
        };
      });
    const questions = await new ThreadHistory(silentLogger).earlierQuestions(
      singleTryClient(),
      { botUserId: BOT_USER, botId: BOT_ID },
      { ...reply, ts: '9.0' },
    );
    expect(questions).toHaveLength(10);
  });
});

describe('which messages of a thread are the bot’s answers', () => {
  let slack: ReturnType<typeof interceptSlack>;
  beforeEach(() => {
    slack = interceptSlack();
  });
  afterEach(() => {
    slack.verify();
  });

  const metadata = (payload: unknown, eventType = ANSWER_METADATA_TYPE) => ({
    event_type: eventType,
    event_payload: payload,
  });

  it('knows the bot by its user ID alone, or by its bot ID alone', async () => {
    const messages = [
      { ts: '1.1', user: BOT_USER, metadata: metadata({ question: 'by user?' }) },
      { ts: '1.2', bot_id: BOT_ID, metadata: metadata({ question: 'by bot id?' }) },
      // Another app copying coop's metadata, with no user: not the bot.
      { ts: '1.3', bot_id: 'BOTHERAPP', metadata: metadata({ question: 'other app' }) },
      { ts: '1.4', user: 'U0PERSON', metadata: metadata({ question: 'person' }) },
    ];
    threadReplies(messages, 2);
    expect(
      await new ThreadHistory(silentLogger).earlierQuestions(
        singleTryClient(),
        { botUserId: BOT_USER },
        reply,
      ),
    ).toEqual(['by user?']);
    expect(
      await new ThreadHistory(silentLogger).earlierQuestions(singleTryClient(), { botId: BOT_ID }, reply),
    ).toEqual(['by bot id?']);
  });

  it('skips its own messages that are not answers or carry no question', async () => {
    threadReplies([
      { ts: '1.1', user: BOT_USER, text: 'I am not in this channel yet' },
      { ts: '1.2', user: BOT_USER, metadata: metadata({ question: 'a digest?' }, 'coop_digest') },
      { ts: '1.3', user: BOT_USER, metadata: { event_type: ANSWER_METADATA_TYPE } },
      { ts: '1.4', user: BOT_USER, metadata: metadata({ question: 42 }) },
      { ts: '1.5', user: BOT_USER, metadata: metadata({ question: 'the real one?' }) },
    ]);
    expect(
      await new ThreadHistory(silentLogger).earlierQuestions(
        singleTryClient(),
        { botUserId: BOT_USER },
        reply,
      ),
    ).toEqual(['the real one?']);
  });

  it('reads a thread once for replies that arrive together', async () => {
    threadReplies([answer('1.1', 'first?')]);
    const history = new ThreadHistory(silentLogger);
    const self = { botUserId: BOT_USER, botId: BOT_ID };
    const [one, two] = await Promise.all([
      history.earlierQuestions(singleTryClient(), self, reply),
      history.earlierQuestions(singleTryClient(), self, { ...reply, ts: '1.7' }),
    ]);
    expect(one).toEqual(['first?']);
    expect(two).toEqual(['first?']);
  });

  it('asks Slack again exactly ten minutes after finding a thread not ours', async () => {
    let now = 0;
    threadReplies([{ ts: '1.1', user: 'U0PERSON', text: 'lunch?' }], 2);
    const history = new ThreadHistory(silentLogger, () => now);
    const self = { botUserId: BOT_USER, botId: BOT_ID };
    expect(await history.earlierQuestions(singleTryClient(), self, reply)).toBeUndefined();
    now = 10 * 60 * 1000;
    expect(await history.earlierQuestions(singleTryClient(), self, reply)).toBeUndefined();
  });

  it('logs which thread it could not read', async () => {
    nock(SLACK_API).post('/api/conversations.replies').reply(200, { ok: false, error: 'channel_not_found' });
    const logger = recordingLogger();
    expect(
      await new ThreadHistory(logger).earlierQuestions(singleTryClient(), { botId: BOT_ID }, reply),
    ).toBeUndefined();
    expect(logger.text()).toContain('Could not read thread 1.0 in C0GENERAL');
  });
});
