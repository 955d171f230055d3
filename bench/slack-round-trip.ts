import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AnswerEngine } from '../src/answer/types';
import { loadConfig } from '../src/config/config';
import { silentLogger } from '../src/logging/logger';
import type { QuestionRecorder } from '../src/question-log/types';
import { createSlackApp } from '../src/slack/app';
import { FileInbox } from '../src/store/file-inbox';

/** The signing secret the bench's Slack apps verify requests with. */
export const SIGNING_SECRET = '8f742231b10e8888abcd99edabcd00d1';
const BOT_USER = 'UCOOPBOT';
const TEAM = 'T0BENCH';

/**
 * Times coop's Slack app end to end: a signed `app_mention` event is posted to its HTTP receiver on
 * loopback, and the clock stops when the `chat.postMessage` carrying the answer reaches a local HTTP
 * server standing in for the Slack Web API. Returns one duration per question, in milliseconds.
 */
export async function slackRoundTrips(engine: AnswerEngine, questions: string[]): Promise<number[]> {
  const api = await fakeWebApi();
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-1111-2222-benchtoken',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `http://127.0.0.1:${api.port}/api/`,
    PORT: '0',
  });
  const questionLog: QuestionRecorder = { record: async () => {} };
  // The inbox fsyncs each event before it is acknowledged, as `npm start` does.
  const inboxDir = mkdtempSync(path.join(os.tmpdir(), 'coop-bench-inbox-'));
  const inbox = await FileInbox.open(inboxDir);
  const slack = createSlackApp(
    config,
    { engine, questionLog, inbox, logger: silentLogger },
    { retryConfig: { retries: 0 } },
  );
  const { port } = await slack.start();
  const durations: number[] = [];
  try {
    for (const question of questions) {
      durations.push(await mentionRoundTrip(api, port ?? 0, question));
    }
  } finally {
    await slack.stop();
    await inbox.close();
    rmSync(inboxDir, { recursive: true, force: true });
    api.server.close();
  }
  return durations;
}

/** A local server standing in for the Slack Web API. */
export interface FakeWebApi {
  server: Server;
  port: number;
  /** Resolves when the next `chat.postMessage` request arrives. */
  nextPostMessage(): Promise<void>;
}

/** Answers every Web API method with `ok`, as Slack would for a bot allowed to post. */
export async function fakeWebApi(): Promise<FakeWebApi> {
  let waiting: (() => void) | undefined;
  const server = createServer((incoming, response) => {
    const method = incoming.url?.replace(/^\/api\//, '').split('?')[0] ?? '';
    if (method === 'chat.postMessage') {
      waiting?.();
      waiting = undefined;
    }
    incoming.resume();
    incoming.on('end', () => {
      const body =
        method === 'auth.test'
          ? { ok: true, user_id: BOT_USER, bot_id: 'BCOOPBOT', team_id: TEAM }
          : { ok: true, channel: 'C0BENCH', ts: '1700000001.000100', messages: [] };
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    nextPostMessage: () =>
      new Promise<void>((resolve) => {
        waiting = resolve;
      }),
  };
}

/** Events sent by this process: each gets its own id, as a bot's inbox drops an id it has seen. */
let eventsSent = 0;
/** How long an answer may take before the round trip is given up. */
const ANSWER_TIMEOUT_MS = 60_000;

/**
 * Mentions coop with `question` on the receiver at `port` and resolves with the milliseconds until the
 * `chat.postMessage` carrying its answer reaches `api`.
 */
export async function mentionRoundTrip(api: FakeWebApi, port: number, question: string) {
  eventsSent++;
  const ts = `1700000000.${String(eventsSent).padStart(6, '0')}`;
  let timer: NodeJS.Timeout | undefined;
  const posted = Promise.race([
    api.nextPostMessage(),
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer to "${question}" in ${ANSWER_TIMEOUT_MS} ms`)),
        ANSWER_TIMEOUT_MS,
      );
    }),
  ]).finally(() => clearTimeout(timer));
  const started = performance.now();
  await postEvent(port, {
    type: 'app_mention',
    user: 'U0ASKER',
    text: `<@${BOT_USER}> ${question}`,
    ts,
    event_ts: ts,
    channel: 'C0BENCH',
  });
  await posted;
  return performance.now() - started;
}

/** Sends an Events API callback signed as Slack signs it; resolves on the receiver's response. */
function postEvent(port: number, event: Record<string, unknown>): Promise<void> {
  const body = JSON.stringify({
    token: 'unused',
    team_id: TEAM,
    api_app_id: 'A0BENCH',
    type: 'event_callback',
    event_id: `Ev${event.ts}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM, user_id: BOT_USER, is_bot: true }],
    event,
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/slack/events',
        headers: {
          'Content-Type': 'application/json',
          'X-Slack-Request-Timestamp': String(timestamp),
          'X-Slack-Signature': signature,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve());
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
