import nock from 'nock';
import { sleep } from '../../src/slack/delivery/backoff';
import { SlackConnection, SlackStartError } from '../../src/slack/slack-connection';
import { recordingLogger } from '../logging/recording-logger';
import { waitFor } from '../support/wait-for';
import { BOT_TOKEN, interceptSlack, SLACK_API, singleTryClient } from './support/slack-harness';

let slack: ReturnType<typeof interceptSlack>;
let connection: SlackConnection | undefined;
beforeEach(() => {
  slack = interceptSlack();
});
afterEach(() => {
  connection?.stop();
  connection = undefined;
  slack.verify();
});

const SIGNED_IN = { ok: true, user_id: 'U0COOP', bot_id: 'B0COOP', team_id: 'T0TEAM' };

/** A connection over a real Web API client of Slack's test host, retrying every few milliseconds. */
function connect() {
  const logger = recordingLogger();
  connection = new SlackConnection(singleTryClient(), BOT_TOKEN, logger, {
    attempts: Number.POSITIVE_INFINITY,
    baseDelayMs: 5,
    maxDelayMs: 10,
  });
  return { connection, logger };
}

describe('SlackConnection', () => {
  it('signs in once, learns who the bot is, and runs what waited for it', async () => {
    nock(SLACK_API).post('/api/auth.test').reply(200, SIGNED_IN);
    const { connection, logger } = connect();
    const ran: string[] = [];
    connection.onConnected(() => ran.push('before'));
    expect(connection.problem()).toBe('Slack unreachable (not signed in yet)');

    await connection.connect();
    connection.onConnected(() => ran.push('after'));

    expect(connection.connected).toBe(true);
    expect(connection.problem()).toBeUndefined();
    expect(await connection.authorize()).toEqual({
      botToken: BOT_TOKEN,
      botUserId: 'U0COOP',
      botId: 'B0COOP',
      teamId: 'T0TEAM',
    });
    expect(ran).toEqual(['before', 'after']);
    expect(logger.lines).toEqual([]);
  });

  it.each(['invalid_auth', 'token_revoked', 'not_allowed_token_type'])(
    'stops startup naming SLACK_BOT_TOKEN when Slack answers %s',
    async (code) => {
      nock(SLACK_API).post('/api/auth.test').reply(200, { ok: false, error: code });
      const { connection } = connect();
      const connecting = connection.connect();
      await expect(connecting).rejects.toThrow(SlackStartError);
      await expect(connecting).rejects.toThrow(
        `coop cannot sign in to Slack (${code}): check SLACK_BOT_TOKEN`,
      );
    },
  );

  it('keeps listening while Slack is unreachable, says why, and signs in once it is back', async () => {
    nock(SLACK_API).post('/api/auth.test').reply(503, 'unavailable');
    nock(SLACK_API).post('/api/auth.test').reply(200, SIGNED_IN);
    const { connection, logger } = connect();
    let connectedCalls = 0;
    connection.onConnected(() => {
      connectedCalls += 1;
    });

    await connection.connect();
    expect(connection.connected).toBe(false);
    expect(connection.problem()).toMatch(/^Slack unreachable \(.+\)$/);
    await expect(connection.authorize()).rejects.toThrow(/^Slack is unreachable \(.+\)$/);
    expect(logger.lines[0]).toMatch(
      /^Slack is unreachable \(auth\.test: .+\); coop keeps listening and tries again in \d+ ms$/,
    );

    await waitFor(() => connection.connected, 5000);
    expect(connectedCalls).toBe(1);
    expect(logger.lines.filter((line) => line.startsWith('Slack is unreachable'))).toHaveLength(1);
    expect(logger.lines.at(-1)).toBe('Slack is reachable again; answering');
  });

  it('tries no more once stopped', async () => {
    nock(SLACK_API).post('/api/auth.test').reply(503, 'unavailable');
    const { connection } = connect();
    await connection.connect();
    connection.stop();
    await sleep(50);
    // A second try would have found no reply waiting for it, and the check after the test would say so.
    expect(connection.connected).toBe(false);
  });

  it('logs a token refused on a later try rather than leaving it unhandled', async () => {
    nock(SLACK_API).post('/api/auth.test').reply(503, 'unavailable');
    nock(SLACK_API).post('/api/auth.test').reply(200, { ok: false, error: 'account_inactive' });
    const { connection, logger } = connect();
    await connection.connect();
    await waitFor(() => logger.text().includes('account_inactive'), 5000);
    expect(logger.lines.at(-1)).toMatch(
      /coop cannot sign in to Slack \(account_inactive\): check SLACK_BOT_TOKEN/,
    );
    expect(connection.connected).toBe(false);
  });
});
