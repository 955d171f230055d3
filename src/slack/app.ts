import {
  type AnyMiddlewareArgs,
  App,
  type HTTPReceiver,
  type Middleware,
  SocketModeReceiver,
  webApi,
} from '@slack/bolt';
import type { AnswerEngine } from '../answer/types';
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import type { QuestionRecorder } from '../question-log/types';
import { AnswerService } from './answer-service';
import type { SlackMessage } from './blocks/mrkdwn';
import { toBoltLogger } from './bolt-logger';
import { InFlight } from './in-flight';
import { registerListeners } from './listeners';
import { QuestionIds } from './question-ids';
import { createHttpReceiver } from './receiver';
import { RecentMap } from './recent-map';
import { slackErrorCode } from './slack-errors';
import { ThreadHistory } from './thread-history';

/** What the Slack app is built on. */
export interface SlackAppDeps {
  engine: AnswerEngine;
  /** Where every question and every 👍/👎 is recorded. */
  questionLog: QuestionRecorder;
  logger: Logger;
  /** The digest as it would be posted now, for `/coop digest`; absent when the digest is not configured. */
  previewDigest?: () => Promise<SlackMessage>;
}

/** Tuning of the Slack app, for tests. */
export interface SlackAppOptions {
  /**
   * Retries of Web API calls, including waits after a 429 (Retry-After). Default: five retries over
   * about five minutes; a user waiting for an answer is not served by Bolt's thirty.
   */
  retryConfig?: webApi.RetryOptions;
}

/** The running Slack app. */
export interface SlackApp {
  app: App;
  /** Bolt's HTTP receiver or its Socket Mode receiver, as the configuration chose. */
  receiver: HTTPReceiver | SocketModeReceiver;
  /**
   * Signs in (`auth.test`), then connects (Socket Mode) or listens on `PORT` (HTTP); resolves with the
   * port listened on, if any. Throws {@link SlackStartError} when Slack refuses the bot token.
   */
  start(): Promise<{ port?: number }>;
  /** Stops receiving, then waits for the requests still being handled. */
  stop(): Promise<void>;
  /** Resolves once no request is being handled. */
  whenIdle(): Promise<void>;
}

/** Thrown by {@link SlackApp.start} when Slack does not accept the bot token (`auth.test` fails). */
export class SlackStartError extends Error {
  readonly code = 'coop_slack_start_failed';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SlackStartError';
  }
}

const HANDLED_MESSAGES = 5000;

/**
 * The Bolt app: Socket Mode when an app token is configured, otherwise HTTP on `PORT` with
 * `/slack/events` and `/healthz`. The Web API client goes to `SLACK_API_URL` when set. Slack's retries
 * of events are acknowledged and dropped, listener errors are logged, and the app keeps running.
 */
export function createSlackApp(config: Config, deps: SlackAppDeps, options: SlackAppOptions = {}): SlackApp {
  const { slack } = config;
  if (slack.kind === 'console')
    throw new Error('createSlackApp needs Slack credentials; use the console instead');
  const logger = toBoltLogger(deps.logger, config.logLevel);
  const clientOptions = (): webApi.WebClientOptions => ({
    slackApiUrl: config.slackApiUrl,
    retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
  });
  const receiver =
    slack.kind === 'socket'
      ? new SocketModeReceiver({
          appToken: slack.appToken,
          logger,
          installerOptions: { clientOptions: clientOptions() },
        })
      : createHttpReceiver({ signingSecret: slack.signingSecret, logger });
  const app = new App({
    token: slack.botToken,
    receiver,
    logger,
    clientOptions: clientOptions(),
    convoStore: false,
    deferInitialization: true,
  });

  const inFlight = new InFlight();
  app.use(inFlight.middleware);
  app.use(ignoreRetries(deps.logger));
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
      // Keyed by the bot token, so answers given before a restart still take their buttons' clicks.
      new QuestionIds(slack.botToken),
    ),
    threads: new ThreadHistory(deps.logger),
    handledMessages: new RecentMap(HANDLED_MESSAGES),
    logger: deps.logger,
    previewDigest: deps.previewDigest,
  });

  return {
    app,
    receiver,
    async start() {
      try {
        await app.init();
      } catch (error) {
        throw new SlackStartError(
          `coop cannot sign in to Slack (${slackErrorCode(error)}): check SLACK_BOT_TOKEN${
            config.slackApiUrl ? ' and SLACK_API_URL' : ''
          } (see .env.example).`,
          { cause: error },
        );
      }
      const started: unknown = slack.kind === 'http' ? await app.start(slack.port) : await app.start();
      const port = listeningPort(started);
      deps.logger.info(
        slack.kind === 'http'
          ? `coop is listening for Slack on port ${port}`
          : 'coop is connected to Slack (Socket Mode)',
      );
      return { port };
    },
    async stop() {
      // Bolt's Socket Mode receiver resolves before the socket has closed, leaving its close-handshake timer to hold the process.
      if (receiver instanceof SocketModeReceiver) await receiver.client.disconnect();
      else await app.stop();
      await inFlight.whenIdle();
    },
    whenIdle: () => inFlight.whenIdle(),
  };
}

/**
 * Slack retries an event it thinks was not acknowledged in time. Bolt has already acknowledged the
 * retry; the first delivery is being (or was) answered, so answering the retry would answer twice.
 */
function ignoreRetries(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ context, next }) => {
    if (context.retryNum !== undefined && context.retryNum > 0) {
      logger.debug(
        `Ignored Slack's retry #${context.retryNum} (${context.retryReason ?? 'no reason given'})`,
      );
      return;
    }
    await next();
  };
}

function listeningPort(started: unknown): number | undefined {
  const address = (started as { address?: () => unknown } | undefined)?.address?.();
  return typeof address === 'object' && address !== null ? (address as { port?: number }).port : undefined;
}
