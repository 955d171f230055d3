import type { RespondArguments, RespondFn, types, webApi } from '@slack/bolt';
import type { Logger } from '../../logging/logger';
import { isUnclearFailure, retryAfterSeconds, slackErrorCode } from '../slack-errors';
import { ANSWER_METADATA_TYPE } from '../thread-history';
import { ANSWER_RETRY_POLICY, backoffDelay, type RetryPolicy, retryAfterDelay, sleep } from './backoff';

/** A message to post, with the question id its metadata carries. */
export type AnswerPost = webApi.ChatPostMessageArguments & { channel: string; thread_ts?: string };

/** Options of {@link SlackDelivery}. */
export interface SlackDeliveryOptions {
  policy?: RetryPolicy;
  /** Waits between tries; injectable for tests. */
  wait?: (ms: number) => Promise<void>;
}

/** How many recent messages are searched for an answer that may already be posted. */
const LOOKBACK_MESSAGES = 100;

/**
 * Posts answers exactly once, however Slack fails.
 *
 * Its client makes each call once, with a timeout, and rejects a 429 at once; this class retries with
 * jittered backoff, waits out `Retry-After`, and after an unclear failure (a timeout, a broken connection,
 * a 5xx: Slack may have stored the message) reads the thread for a message carrying the answer's question
 * id before posting again. When a rate limit outlasts the tries, the error it throws is the rate limit,
 * so the user is told Slack is rate-limiting rather than unreachable.
 */
export class SlackDelivery {
  private readonly policy: RetryPolicy;
  private readonly wait: (ms: number) => Promise<void>;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
    options: SlackDeliveryOptions = {},
  ) {
    this.policy = options.policy ?? ANSWER_RETRY_POLICY;
    this.wait = options.wait ?? sleep;
  }

  /**
   * Posts `message` unless a message of the bot's with metadata `question_id` = `questionId` is already
   * in its thread (or, outside a thread, among the channel's latest messages). `lookFirst` looks before
   * the first try too: for an event being replayed after a restart, which may have been answered already.
   * Resolves with the message's ts; rejects with the last error when every try failed.
   */
  async postOnce(message: AnswerPost, questionId: string, lookFirst = false): Promise<string | undefined> {
    let mayBePosted = lookFirst;
    for (let attempt = 1; ; attempt++) {
      if (mayBePosted) {
        const found = await this.findPosted(message, questionId);
        if (found) {
          this.logger.info(`Answer ${questionId} is already in ${message.channel}; not posting it again`);
          return found;
        }
      }
      try {
        return (await this.client.chat.postMessage(message)).ts;
      } catch (error) {
        const retryAfter = retryAfterSeconds(error);
        const unclear = isUnclearFailure(error);
        if ((retryAfter === undefined && !unclear) || attempt >= this.policy.attempts) throw error;
        mayBePosted = unclear;
        const delay =
          retryAfter !== undefined ? retryAfterDelay(retryAfter) : backoffDelay(attempt, this.policy);
        this.logger.warn(
          `Posting answer ${questionId} in ${message.channel} failed (${slackErrorCode(error)}); try ${attempt + 1} in ${delay} ms`,
        );
        await this.wait(delay);
      }
    }
  }

  /**
   * Replies through a command's or a click's `response_url`; when that fails (expired, 4xx, 5xx, no
   * answer in time), tells the user with `chat.postEphemeral` in the conversation instead. Never
   * rejects: a failure of both is logged.
   */
  async reply(
    respond: RespondFn,
    target: { channel?: string; user: string },
    message: RespondArguments,
  ): Promise<void> {
    try {
      await respond({ response_type: 'ephemeral', ...message });
      return;
    } catch (error) {
      this.logger.warn(
        `Could not reply through response_url (${slackErrorCode(error)}); trying chat.postEphemeral`,
      );
    }
    if (!target.channel) return;
    const { text = '', blocks } = message as { text?: string; blocks?: unknown };
    try {
      await this.client.chat.postEphemeral({
        channel: target.channel,
        user: target.user,
        text,
        blocks: blocks as types.KnownBlock[] | undefined,
      });
    } catch (error) {
      this.logger.warn(
        `Could not reply to ${target.user} in ${target.channel} either (${slackErrorCode(error)})`,
        error,
      );
    }
  }

  /** The ts of the bot's message with the question id in the thread or channel, if there is one. */
  private async findPosted(message: AnswerPost, questionId: string): Promise<string | undefined> {
    try {
      const page = message.thread_ts
        ? await this.client.conversations.replies({
            channel: message.channel,
            ts: message.thread_ts,
            include_all_metadata: true,
            limit: LOOKBACK_MESSAGES,
          })
        : await this.client.conversations.history({
            channel: message.channel,
            include_all_metadata: true,
            limit: LOOKBACK_MESSAGES,
          });
      const posted = (page.messages ?? []).find(
        (candidate) =>
          candidate.metadata?.event_type === ANSWER_METADATA_TYPE &&
          (candidate.metadata.event_payload as { question_id?: unknown } | undefined)?.question_id ===
            questionId,
      );
      return posted?.ts;
    } catch (error) {
      // Not knowing is not a reason to stay silent: posting again risks a double, not posting loses the answer.
      this.logger.warn(
        `Could not look for answer ${questionId} in ${message.channel} (${slackErrorCode(error)})`,
      );
      return undefined;
    }
  }
}
