import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { webApi } from '@slack/bolt';
import nock from 'nock';
import { type CorpusEngine, loadEngine } from '../../../src/answer/engine';
import type { AnswerEngine } from '../../../src/answer/types';
import { loadConfig } from '../../../src/config/config';
import { type Logger, silentLogger } from '../../../src/logging/logger';
import type { QuestionLogEvent, QuestionRecorder } from '../../../src/question-log/types';
import {
  createSlackApp,
  type SlackApp,
  type SlackAppDeps,
  type SlackAppOptions,
} from '../../../src/slack/app';
import { ANSWER_METADATA_TYPE } from '../../../src/slack/thread-history';
import { FileInbox } from '../../../src/store/file-inbox';
import type { Inbox } from '../../../src/store/types';
import {
  BOT_ID,
  BOT_TOKEN,
  BOT_USER,
  eventBody,
  type Reply,
  retryHeaders,
  SIGNING_SECRET,
  type SignedRequestOptions,
  sendSigned,
  TEAM,
} from '../../support/slack-request';

export const SLACK_API = 'https://slack.test';
export const RESPONSE_URL_HOST = 'https://hooks.slack.test';
export { BOT_ID, BOT_TOKEN, BOT_USER, SIGNING_SECRET, TEAM };

/** A question log kept in memory. */
export class MemoryQuestionLog implements QuestionRecorder {
  readonly events: QuestionLogEvent[] = [];
  private held?: Promise<void>;

  async record(event: QuestionLogEvent): Promise<void> {
    this.events.push(event);
    await this.held;
  }

  /** Holds every write until the function returned is called, as a slow disk would. */
  holdWrites(): () => void {
    let release = () => {};
    this.held = new Promise((resolve) => {
      release = resolve;
    });
    return () => {
      this.held = undefined;
      release();
    };
  }
}

/** A file inbox in a fresh temporary folder; `remove()` closes it and deletes the folder. */
export async function openTempInbox(): Promise<{ inbox: FileInbox; dir: string; remove(): Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'coop-inbox-'));
  const inbox = await FileInbox.open(dir);
  return {
    inbox,
    dir,
    async remove() {
      await inbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `inbox`, taking `delayMs` longer to take each delivery: a bot too busy to acknowledge in time. */
export function delayedInbox(inbox: Inbox, delayMs: number): Inbox {
  const delay = () => new Promise((resolve) => setTimeout(resolve, delayMs));
  return {
    ...passThrough(inbox),
    receive: async (entry) => {
      await delay();
      return inbox.receive(entry);
    },
    admit: async (entry) => {
      await delay();
      return inbox.admit(entry);
    },
  };
}

/**
 * `inbox`, whose writes of new deliveries finish only once `release` is called (a slow disk): whether a
 * delivery is new is still known at once.
 */
export function heldInbox(inbox: Inbox): { inbox: Inbox; release(): void } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const admit: Inbox['admit'] = async (entry) => {
    const { fresh, kept } = await inbox.admit(entry);
    return { fresh, kept: kept.then(() => released) };
  };
  return {
    inbox: {
      ...passThrough(inbox),
      admit,
      receive: async (entry) => {
        const { fresh, kept } = await admit(entry);
        await kept;
        return fresh;
      },
    },
    release,
  };
}

/** Every method of `inbox`, bound to it. */
function passThrough(inbox: Inbox): Inbox {
  return {
    receive: (entry) => inbox.receive(entry),
    admit: (entry) => inbox.admit(entry),
    complete: (key) => inbox.complete(key),
    release: (key) => inbox.release(key),
    claimUnanswered: () => inbox.claimUnanswered(),
  };
}

/** A trigger id as Slack makes one for each command and click: never the same twice. */
function uniqueTriggerId(): string {
  return `${Date.now()}.${Math.floor(Math.random() * 1e9)}.${Math.random().toString(16).slice(2, 10)}`;
}

/** Quick retries of answer posts, so failure tests take milliseconds. */
export const QUICK_DELIVERY = { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 };

/**
 * A real Web API client of Slack's test host making one try per call and refusing rate-limited calls at
 * once, as the bot's client for posting answers and signing in: retries are the caller's.
 */
export function singleTryClient(): webApi.WebClient {
  return new webApi.WebClient(BOT_TOKEN, {
    slackApiUrl: `${SLACK_API}/api/`,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: webApi.LogLevel.ERROR,
  });
}

/** Expects Bolt's `auth.test` at startup, as Slack answers it for the bot. */
export function expectAuthTest(): nock.Scope {
  return nock(SLACK_API)
    .post('/api/auth.test')
    .reply(200, { ok: true, user_id: BOT_USER, bot_id: BOT_ID, team_id: TEAM });
}

/** A Slack app in HTTP mode on an ephemeral port, and ways to send it signed requests. */
export class HttpHarness {
  readonly questionLog = new MemoryQuestionLog();
  private constructor(
    readonly slackApp: SlackApp,
    readonly port: number,
    questionLog: MemoryQuestionLog,
    private readonly removeInbox: () => Promise<void>,
  ) {
    this.questionLog = questionLog;
  }

  static async start(
    engine: AnswerEngine,
    options: {
      retryConfig?: webApi.RetryOptions;
      previewDigest?: SlackAppDeps['previewDigest'];
      logger?: Logger;
      env?: Record<string, string>;
      options?: SlackAppOptions;
      expectAuth?: boolean;
      /** What the app is given instead of the harness's inbox (a slow one, one holding writes back). */
      wrapInbox?: (inbox: Inbox) => Inbox;
    } = {},
  ): Promise<HttpHarness> {
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${SLACK_API}/api/`,
      PORT: '0',
      ...options.env,
    });
    const questionLog = new MemoryQuestionLog();
    const temp = await openTempInbox();
    const auth = options.expectAuth === false ? undefined : expectAuthTest();
    const slackApp = createSlackApp(
      config,
      {
        engine,
        questionLog,
        inbox: options.wrapInbox ? options.wrapInbox(temp.inbox) : temp.inbox,
        logger: options.logger ?? silentLogger,
        previewDigest: options.previewDigest,
      },
      {
        retryConfig: options.retryConfig ?? { retries: 0 },
        deliveryPolicy: QUICK_DELIVERY,
        ...options.options,
      },
    );
    const { port } = await slackApp.start();
    if (auth) expect(auth.isDone()).toBe(true);
    return new HttpHarness(slackApp, port ?? 0, questionLog, temp.remove);
  }

  /** Sends a request as Slack would, signed unless told otherwise; resolves when the HTTP response arrives. */
  send(body: string, contentType: string, options: SignedRequestOptions = {}): Promise<Reply> {
    return sendSigned(this.port, body, contentType, options);
  }

  /** Delivers an Events API event; `retryNum` makes it one of Slack's retries. */
  sendEvent(
    event: Record<string, unknown>,
    options: { eventId?: string; retryNum?: number; timestamp?: number } = {},
  ) {
    const body = eventBody(event, options.eventId ?? `Ev${Math.random().toString(36).slice(2, 12)}`);
    return this.send(body, 'application/json', {
      headers: retryHeaders(options.retryNum),
      timestamp: options.timestamp,
    });
  }

  /** Runs a slash command as `user` in `channel`; Slack's reply URL is `${RESPONSE_URL_HOST}${responsePath}`. */
  sendCommand(
    text: string,
    options: { user?: string; channel?: string; responsePath?: string; triggerId?: string } = {},
  ) {
    const body = new URLSearchParams({
      token: 'verification-token-unused',
      team_id: TEAM,
      channel_id: options.channel ?? 'C0GENERAL',
      channel_name: 'general',
      user_id: options.user ?? 'U0ASKER',
      user_name: 'asker',
      command: '/coop',
      text,
      api_app_id: 'A0COOP',
      response_url: `${RESPONSE_URL_HOST}${options.responsePath ?? '/commands/T0TEAM/1/command'}`,
      trigger_id: options.triggerId ?? uniqueTriggerId(),
    }).toString();
    return this.send(body, 'application/x-www-form-urlencoded');
  }

  /** Clicks a button of a message in `channel`; replies go to `${RESPONSE_URL_HOST}${responsePath}`. */
  clickButton(
    button: { action_id: string; value?: string },
    options: { user?: string; channel?: string; responsePath?: string; messageTs?: string } = {},
  ) {
    const payload = {
      type: 'block_actions',
      team: { id: TEAM, domain: 'team' },
      user: { id: options.user ?? 'U0ASKER', username: 'asker', team_id: TEAM },
      api_app_id: 'A0COOP',
      token: 'verification-token-unused',
      container: {
        type: 'message',
        message_ts: options.messageTs ?? '1700000000.000100',
        is_ephemeral: true,
      },
      trigger_id: uniqueTriggerId(),
      channel: { id: options.channel ?? 'C0GENERAL', name: 'general' },
      response_url: `${RESPONSE_URL_HOST}${options.responsePath ?? '/actions/T0TEAM/1/click'}`,
      actions: [
        {
          type: 'button',
          block_id: 'coop_answer_actions',
          action_id: button.action_id,
          value: button.value,
          text: { type: 'plain_text', text: 'button' },
          action_ts: '1700000001.000200',
        },
      ],
    };
    return this.send(
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      'application/x-www-form-urlencoded',
    );
  }

  /** Waits until the app has finished every request it received. */
  settle(): Promise<void> {
    return this.slackApp.whenIdle();
  }

  async stop(): Promise<void> {
    await this.slackApp.stop();
    await this.removeInbox();
  }
}

/**
 * Routes Slack through nock for one test: the network is closed except the app's own receiver on
 * 127.0.0.1, and requests nock had no interceptor for are collected. `verify()` (after the app has
 * stopped) asserts every expected call was made and no unexpected one, then restores the network.
 */
export function interceptSlack(): { verify(): void } {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  const unmatched: string[] = [];
  const onNoMatch = (req: { method?: string; path?: string; href?: string; options?: { href?: string } }) => {
    const target = `${req.method ?? ''} ${req.href ?? req.options?.href ?? req.path ?? ''}`;
    if (!/\/\/127\.0\.0\.1[:/]/.test(target)) unmatched.push(target);
  };
  nock.emitter.on('no match', onNoMatch);
  return {
    verify() {
      nock.emitter.removeListener('no match', onNoMatch);
      const pending = nock.pendingMocks();
      nock.cleanAll();
      nock.enableNetConnect();
      expect(pending).toEqual([]);
      expect(unmatched).toEqual([]);
    },
  };
}

/** Intercepts calls of one Web API method, recording each call's arguments. */
export function expectApi(method: string, reply: Record<string, unknown> = { ok: true }, times = 1) {
  const calls: Record<string, unknown>[] = [];
  const scope = nock(SLACK_API)
    .post(`/api/${method}`)
    .times(times)
    .reply(200, (_uri, body) => {
      calls.push(apiBody(body));
      return reply;
    });
  return { scope, calls };
}

/** Intercepts what the app sends to a response URL (`RESPONSE_URL_HOST` + `urlPath`), recording each body. */
export function expectResponse(urlPath: string) {
  const calls: Record<string, unknown>[] = [];
  const scope = nock(RESPONSE_URL_HOST)
    .post(urlPath)
    .reply(200, (_uri, body) => {
      calls.push(apiBody(body));
      return 'ok';
    });
  return { scope, calls };
}

/** The engine on the seed corpus, as `npm start` loads it. */
export function loadSeedEngine(): Promise<CorpusEngine> {
  return loadEngine(path.resolve(__dirname, '../../../seeds'));
}

/** The JSON or form body of an intercepted Web API call, as an object. */
export function apiBody(body: unknown): Record<string, unknown> {
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as Record<string, unknown>;
    } catch {
      const form = Object.fromEntries(new URLSearchParams(body));
      for (const key of ['blocks', 'metadata'])
        if (typeof form[key] === 'string') form[key] = JSON.parse(form[key]);
      return form;
    }
  }
  return body as Record<string, unknown>;
}

/** Every mrkdwn and plain text of a message's blocks, joined: what a reader sees. */
export function visibleText(blocks: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.text === 'string') texts.push(record.text);
      for (const value of Object.values(record)) if (typeof value === 'object') walk(value);
    }
  };
  walk(blocks);
  return texts.join('\n');
}

/** The buttons of a message's blocks. */
export function buttons(
  blocks: unknown,
): Array<{ action_id: string; value?: string; text: { text: string } }> {
  return ((blocks ?? []) as Array<{ type: string; elements?: unknown[] }>)
    .filter((block) => block.type === 'actions')
    .flatMap(
      (block) =>
        (block.elements ?? []) as Array<{ action_id: string; value?: string; text: { text: string } }>,
    );
}

/**
 * Expects `conversations.replies` for a thread in which coop answered `question`, asked by `U0ASKER`, and
 * answers it as Slack would.
 */
export function threadWithAnswer(parentTs: string, question: string) {
  return expectApi('conversations.replies', {
    ok: true,
    messages: [
      { ts: parentTs, user: 'U0ASKER', text: `<@${BOT_USER}> ${question}` },
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
