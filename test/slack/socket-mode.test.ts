import type { AddressInfo } from 'node:net';
import { HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import nock from 'nock';
import { type WebSocket, WebSocketServer } from 'ws';
import type { CorpusEngine } from '../../src/answer/engine';
import { loadConfig } from '../../src/config/config';
import { silentLogger } from '../../src/logging/logger';
import { createSlackApp } from '../../src/slack/app';
import { sendMention } from '../support/socket-mode';
import {
  BOT_TOKEN,
  expectApi,
  expectAuthTest,
  interceptSlack,
  loadSeedEngine,
  MemoryQuestionLog,
  openTempInbox,
  SIGNING_SECRET,
  SLACK_API,
  visibleText,
} from './support/slack-harness';

const APP_TOKEN = 'xapp-1-A0COOP-1234-testtoken';

let engine: CorpusEngine;
let server: WebSocketServer;
let slack: ReturnType<typeof interceptSlack>;
let temp: Awaited<ReturnType<typeof openTempInbox>>;

beforeAll(async () => {
  engine = await loadSeedEngine();
});

beforeEach(async () => {
  temp = await openTempInbox();
  slack = interceptSlack();
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
});

afterEach(async () => {
  for (const client of server.clients) client.terminate();
  await new Promise((resolve) => server.close(resolve));
  await temp.remove();
  slack.verify();
});

describe('mode selection', () => {
  it('uses Socket Mode when an app token is set, HTTP when only the bot token and signing secret are', () => {
    const deps = { engine, questionLog: new MemoryQuestionLog(), inbox: temp.inbox, logger: silentLogger };
    const socket = createSlackApp(
      loadConfig({ SLACK_APP_TOKEN: APP_TOKEN, SLACK_BOT_TOKEN: BOT_TOKEN }),
      deps,
    );
    const http = createSlackApp(
      loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET }),
      deps,
    );
    expect(socket.receiver).toBeInstanceOf(SocketModeReceiver);
    expect(http.receiver).toBeInstanceOf(HTTPReceiver);
    expect(() => createSlackApp(loadConfig({}), deps)).toThrow(/console/);
  });
});

describe('startup', () => {
  it('fails with a message naming the setting to check when Slack refuses the bot token', async () => {
    nock(SLACK_API).post('/api/auth.test').reply(200, { ok: false, error: 'invalid_auth' });
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${SLACK_API}/api/`,
    });
    const slackApp = createSlackApp(
      config,
      { engine, questionLog: new MemoryQuestionLog(), inbox: temp.inbox, logger: silentLogger },
      { retryConfig: { retries: 0 } },
    );
    const started = slackApp.start();
    await expect(started).rejects.toThrow(/invalid_auth.*SLACK_BOT_TOKEN/);
    await expect(started).rejects.not.toThrow(BOT_TOKEN);
  });
});

describe('Socket Mode', () => {
  it('connects through apps.connections.open, acknowledges an event envelope and answers the mention', async () => {
    const port = (server.address() as AddressInfo).port;
    const opened = nock(SLACK_API)
      .post('/api/apps.connections.open')
      .matchHeader('authorization', `Bearer ${APP_TOKEN}`)
      .reply(200, { ok: true, url: `ws://127.0.0.1:${port}/link` });
    expectAuthTest();
    const connected = new Promise<WebSocket>((resolve) =>
      server.once('connection', (socket) => {
        socket.send(
          JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0COOP' } }),
        );
        resolve(socket);
      }),
    );

    const config = loadConfig({
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: `${SLACK_API}/api/`,
    });
    const slackApp = createSlackApp(
      config,
      { engine, questionLog: new MemoryQuestionLog(), inbox: temp.inbox, logger: silentLogger },
      { retryConfig: { retries: 0 } },
    );
    try {
      await slackApp.start();
      const socket = await connected;
      expect(opened.isDone()).toBe(true);

      const { calls: posted } = expectApi('chat.postMessage', { ok: true, ts: '1700000000.000200' });
      expect(await sendMention(socket, 'who launched TSI')).toMatchObject({ envelope_id: 'envelope-1' });
      await slackApp.whenIdle();
      expect(posted).toHaveLength(1);
      expect(posted[0]).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700000000.000100' });
      expect(visibleText(posted[0].blocks)).toMatch(/00[13]_[0-9a-f]+\.txt/);
    } finally {
      await slackApp.stop();
    }
  });
});
