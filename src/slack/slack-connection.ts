import type { webApi } from '@slack/bolt';
import type { Logger } from '../logging/logger';
import { backoffDelay, type RetryPolicy } from './delivery/backoff';
import { slackErrorCode } from './slack-errors';

/** Who the bot is in Slack, learnt from `auth.test`. */
export interface BotAuthorization {
  botToken: string;
  botUserId?: string;
  botId?: string;
  teamId?: string;
}

/** Thrown by {@link SlackConnection.connect} when Slack refuses the bot token: waiting will not help. */
export class SlackStartError extends Error {
  readonly code = 'coop_slack_start_failed';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SlackStartError';
  }
}

/** Answers of `auth.test` that mean the token itself is wrong, not that Slack is down. */
const REFUSED_TOKEN = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
]);

/** Waits between `auth.test` tries while Slack is unreachable: from 1 s, doubling to a minute. */
const RECONNECT_POLICY: RetryPolicy = {
  attempts: Number.POSITIVE_INFINITY,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
};

/**
 * The bot's sign-in to Slack (`auth.test`). coop listens whether or not Slack answers: while it does not,
 * {@link SlackConnection.problem} says so (for `/readyz`), `auth.test` is retried with jittered backoff,
 * and the callbacks given to {@link SlackConnection.onConnected} run as soon as it succeeds.
 */
export class SlackConnection {
  private authorization?: BotAuthorization;
  private lastError = 'not signed in yet';
  private readonly connectedListeners: Array<() => void> = [];
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly botToken: string,
    private readonly logger: Logger,
    private readonly policy: RetryPolicy = RECONNECT_POLICY,
  ) {}

  /**
   * Tries `auth.test` once. Resolves whether Slack answered or not (retrying in the background when it
   * did not); rejects with {@link SlackStartError} only when Slack refuses the token.
   */
  async connect(): Promise<void> {
    await this.attempt(1);
  }

  /** Who the bot is, for Bolt's `authorize`; throws while Slack has not been reached. */
  authorize = async (): Promise<BotAuthorization> => {
    if (!this.authorization) throw new Error(`Slack is unreachable (${this.lastError})`);
    return this.authorization;
  };

  /** Whether `auth.test` has succeeded. */
  get connected(): boolean {
    return this.authorization !== undefined;
  }

  /** Why Slack is not usable, or undefined when it is. */
  problem(): string | undefined {
    return this.authorization ? undefined : `Slack unreachable (${this.lastError})`;
  }

  /** Runs `listener` once connected (at once if already). */
  onConnected(listener: () => void): void {
    if (this.authorization) listener();
    else this.connectedListeners.push(listener);
  }

  /** Stops retrying. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async attempt(attempt: number): Promise<void> {
    if (this.stopped) return;
    try {
      const result = await this.client.auth.test({ token: this.botToken });
      this.authorization = {
        botToken: this.botToken,
        botUserId: result.user_id,
        botId: result.bot_id,
        teamId: result.team_id,
      };
    } catch (error) {
      const code = slackErrorCode(error);
      if (REFUSED_TOKEN.has(code)) {
        throw new SlackStartError(
          `coop cannot sign in to Slack (${code}): check SLACK_BOT_TOKEN (see .env.example).`,
          { cause: error },
        );
      }
      this.lastError = code;
      const delay = backoffDelay(attempt, this.policy);
      this.logger.warn(
        `Slack is unreachable (auth.test: ${code}); coop keeps listening and tries again in ${delay} ms`,
      );
      this.timer = setTimeout(() => {
        this.attempt(attempt + 1).catch((refused: unknown) => this.logger.error(String(refused)));
      }, delay);
      this.timer.unref();
      return;
    }
    if (attempt > 1) this.logger.info('Slack is reachable again; answering');
    for (const listener of this.connectedListeners.splice(0)) listener();
  }
}
