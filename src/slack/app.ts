import { App, type CustomRoute, type HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { AnswerEngine } from '../answer/types';
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import type { CoopMetrics } from '../operations/metrics';
import type { QuestionRecorder } from '../question-log/types';
import type { Inbox } from '../store/types';
import { AnswerService } from './answer-service';
import type { SlackMessage } from './blocks/mrkdwn';
import { toBoltLogger } from './bolt-logger';
import type { RetryPolicy } from './delivery/backoff';
import { SlackDelivery } from './delivery/slack-delivery';
import { createTimedFetch } from './delivery/timed-fetch';
import { DurableDelivery } from './durable-delivery';
import { InFlight } from './in-flight';
import { registerListeners } from './listeners';
import { QuestionIds } from './question-ids';
import { createHttpReceiver } from './receiver';
import { RecentMap } from './recent-map';
import { SlackConnection } from './slack-connection';
import { ThreadHistory } from './thread-history';

export { SlackStartError } from './slack-connection';

/** What the Slack app is built on. */
export interface SlackAppDeps {
  engine: AnswerEngine;
  /** Where every question and every 👍/👎 is recorded. */
  questionLog: QuestionRecorder;
  /** Where deliveries are kept until answered (`DATA_DIR` file or PostgreSQL). */
  inbox: Inbox;
  logger: Logger;
  metrics?: CoopMetrics;
  /** The digest as it would be posted now, for `/coop digest`; absent when the digest is not configured. */
  previewDigest?: () => Promise<SlackMessage>;
  /** Extra HTTP routes (`/readyz`, `/metrics`) in HTTP mode. */
  routes?: CustomRoute[];
}

/** Tuning of the Slack app, for tests. */
export interface SlackAppOptions {
  /** Retries of the reading calls Bolt's client makes (threads, ephemeral notices). Default: two, jittered. */
  retryConfig?: webApi.RetryOptions;
  /** Tries of posting an answer. Default {@link ANSWER_RETRY_POLICY}. */
  deliveryPolicy?: RetryPolicy;
  /** Waits between `auth.test` tries while Slack is unreachable. Default from 1 s doubling to a minute. */
  reconnectPolicy?: RetryPolicy;
  /** How long an HTTP request may wait for its acknowledgement. Default: Slack's three seconds. */
  ackTimeoutMs?: number;
}

/** The running Slack app. */
export interface SlackApp {
  app: App;
  /** Bolt's HTTP receiver or its Socket Mode receiver, as the configuration chose. */
  receiver: HTTPReceiver | SocketModeReceiver;
  /** The bot's sign-in to Slack; says whether Slack is reachable. */
  connection: SlackConnection;
  /**
   * Listens on `PORT` (HTTP) or connects (Socket Mode) and signs in (`auth.test`); resolves with the port
   * listened on, if any. When Slack cannot be reached, keeps listening and signs in as soon as it can.
   * Throws {@link SlackStartError} when Slack refuses the bot token.
   */
  start(): Promise<{ port?: number }>;
  /** Stops receiving, then waits for the requests still being handled. */
  stop(): Promise<void>;
  /** Resolves once no request is being handled. */
  whenIdle(): Promise<void>;
}

const HANDLED_MESSAGES = 5000;
/**
 * Web API methods coop calls that change nothing anyone sees (signing in, connecting, reading a thread):
 * they need not wait for deliveries to be kept, so a thread is read while the question's delivery is
 * written, and a disk slow to sync holds up no reconnection.
 */
const ONLY_READING = new Set([
  'auth.test',
  'apps.connections.open',
  'conversations.replies',
  'conversations.history',
]);
/** Bolt client retries for reads and notices: jittered, so callers that failed together spread out. */
const READ_RETRIES: webApi.RetryOptions = { retries: 2, factor: 2, minTimeout: 500, randomize: true };

/**
 * The Bolt app: Socket Mode when an app token is configured, otherwise HTTP on `PORT` with
 * `/slack/events` and `/healthz`. Every Web API and `response_url` call has a timeout
 * (`SLACK_TIMEOUT_MS`); deliveries pass through the inbox ({@link DurableDelivery}); answers are posted
 * once ({@link SlackDelivery}); listener errors are logged, and the app keeps running.
 */
export function createSlackApp(config: Config, deps: SlackAppDeps, options: SlackAppOptions = {}): SlackApp {
  const { slack } = config;
  if (slack.kind === 'console')
    throw new Error('createSlackApp needs Slack credentials; use the console instead');
  const logger = toBoltLogger(deps.logger, config.logLevel);
  const durable = new DurableDelivery({
    inbox: deps.inbox,
    slackReachable: () => connection.connected,
    logger: deps.logger,
    metrics: deps.metrics,
  });
  // Slack is told or shown anything only once the deliveries received so far are kept: listeners answer
  // while the inbox writes.
  const timedFetch = createTimedFetch(
    config.operations.slackTimeoutMs,
    deps.metrics?.observeSlackCall,
    (method) => (ONLY_READING.has(method) ? undefined : durable.kept()),
  );
  const clientOptions = (): webApi.WebClientOptions => ({
    slackApiUrl: config.slackApiUrl,
    retryConfig: options.retryConfig ?? READ_RETRIES,
    fetch: timedFetch,
    logger,
  });
  // Posting answers and signing in: one try per call; SlackDelivery and SlackConnection decide on retries.
  const singleTryClient = new webApi.WebClient(slack.botToken, {
    ...clientOptions(),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  const connection = new SlackConnection(
    singleTryClient,
    slack.botToken,
    deps.logger,
    options.reconnectPolicy,
  );
  const receiver =
    slack.kind === 'socket'
      ? new SocketModeReceiver({
          appToken: slack.appToken,
          logger,
          installerOptions: { clientOptions: clientOptions() },
        })
      : createHttpReceiver({
          signingSecret: slack.signingSecret,
          logger,
          routes: deps.routes,
          ackTimeoutMs: options.ackTimeoutMs,
        });
  const app = new App({
    authorize: connection.authorize,
    receiver,
    logger,
    clientOptions: clientOptions(),
    convoStore: false,
    deferInitialization: true,
  });

  durable.install(app);
  const inFlight = new InFlight();
  app.use(inFlight.middleware);
  app.error(async (error) => {
    deps.logger.error('A Slack listener failed', error);
  });
  registerListeners(app, {
    engine: deps.engine,
    answers: new AnswerService(
      deps.engine,
      deps.questionLog,
      deps.logger,
      undefined,
      // Keyed by the bot token, so answers given before a restart, or by another replica, take their buttons' clicks.
      new QuestionIds(slack.botToken),
      deps.metrics,
    ),
    delivery: new SlackDelivery(singleTryClient, deps.logger, { policy: options.deliveryPolicy }),
    threads: new ThreadHistory(deps.logger),
    handledMessages: new RecentMap(HANDLED_MESSAGES),
    logger: deps.logger,
    previewDigest: deps.previewDigest,
  });

  return {
    app,
    receiver,
    connection,
    async start() {
      await app.init();
      const started: unknown = slack.kind === 'http' ? await app.start(slack.port) : await app.start();
      const port = listeningPort(started);
      try {
        await connection.connect();
      } catch (error) {
        await app.stop().catch(() => undefined);
        throw error;
      }
      connection.onConnected(() => durable.start());
      deps.logger.info(
        slack.kind === 'http'
          ? `coop is listening for Slack on port ${port}`
          : 'coop is connected to Slack (Socket Mode)',
      );
      return { port };
    },
    async stop() {
      connection.stop();
      durable.stop();
      // Bolt's Socket Mode receiver resolves before the socket has closed, leaving its close-handshake timer to hold the process.
      if (receiver instanceof SocketModeReceiver) await receiver.client.disconnect();
      else await app.stop();
      await Promise.all([inFlight.whenIdle(), durable.whenIdle()]);
    },
    whenIdle: async () => {
      await Promise.all([inFlight.whenIdle(), durable.whenIdle()]);
    },
  };
}

function listeningPort(started: unknown): number | undefined {
  const address = (started as { address?: () => unknown } | undefined)?.address?.();
  return typeof address === 'object' && address !== null ? (address as { port?: number }).port : undefined;
}
