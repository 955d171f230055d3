import type { webApi } from '@slack/bolt';
import type { Logger } from '../logging/logger';

/**
 * The reason a Slack call failed, as a short code: the Web API's own error (`not_in_channel`,
 * `channel_not_found`, …), or `rate_limited`, `timeout`, `network`, `http_<status>`, `unknown`.
 */
export function slackErrorCode(error: unknown): string {
  const coded = error as
    | { code?: unknown; data?: { error?: unknown }; statusCode?: unknown; original?: unknown }
    | undefined;
  switch (coded?.code) {
    case 'slack_webapi_platform_error':
      return typeof coded.data?.error === 'string' ? coded.data.error : 'unknown';
    case 'slack_webapi_rate_limited_error':
      return 'rate_limited';
    case 'coop_slack_timeout':
      return 'timeout';
    case 'slack_webapi_request_error': {
      // The client's own retries end with the last try's error wrapped: a rate limit that outlasted them, or a timeout.
      const inner =
        coded.original === undefined || coded.original === error ? 'unknown' : slackErrorCode(coded.original);
      return inner === 'unknown' ? 'network' : inner;
    }
    case 'slack_webapi_http_error':
    case 'slack_bolt_respond_error':
      return `http_${String(coded.statusCode ?? 'error')}`;
  }
  if (error instanceof Error && /rate limit/i.test(error.message)) return 'rate_limited';
  if (error instanceof TypeError) return 'network';
  return 'unknown';
}

/** What to tell the user when Slack would not take the bot's message, with how to fix it where they can. */
export function describeSlackFailure(error: unknown): string {
  const code = slackErrorCode(error);
  switch (code) {
    case 'not_in_channel':
      return "I'm not a member of this channel, so I can't post here. Invite me with `/invite @coop`, then try again.";
    case 'channel_not_found':
      return "I can't post in this conversation: it is private or a direct message I'm not part of. Invite me with `/invite @coop`, or ask me in a channel I'm in.";
    case 'is_archived':
      return "This channel is archived, so I can't post in it.";
    case 'restricted_action':
    case 'restricted_action_read_only_channel':
    case 'restricted_action_thread_only_channel':
      return "This channel's settings don't let me post here.";
    case 'rate_limited':
      return 'Slack is rate-limiting me right now; please try again in a minute.';
    case 'network':
      return "I couldn't reach Slack just now; please try again.";
    case 'timeout':
      return 'Slack did not answer in time just now; please try again.';
    default:
      return `Slack would not take my message (${code}); please try again, or tell whoever runs coop.`;
  }
}

/**
 * Whether a failed call may nonetheless have taken effect: it timed out, the connection broke, or Slack
 * answered 5xx. A message posted with such a failure may be in the channel; look before posting again.
 */
export function isUnclearFailure(error: unknown): boolean {
  const code = slackErrorCode(error);
  return code === 'timeout' || code === 'network' || /^http_5\d\d$/.test(code) || code === 'http_error';
}

/** Seconds Slack asked to wait in a rate-limit error, if it is one. */
export function retryAfterSeconds(error: unknown): number | undefined {
  if (slackErrorCode(error) !== 'rate_limited') return undefined;
  const seconds = (error as { retryAfter?: unknown }).retryAfter;
  if (typeof seconds === 'number') return seconds;
  const stated = /retry-after: (\d+)/i.exec(String((error as { original?: Error }).original?.message ?? ''));
  return stated ? Number(stated[1]) : 1;
}

/** Where to tell a user something only they see. */
export interface PrivateNoticeTarget {
  channel: string;
  user: string;
  threadTs?: string;
}

/**
 * Tells a user something privately (`chat.postEphemeral`). Best effort: when even that fails, the
 * failure is logged and swallowed, because there is no one left to tell.
 */
export async function tellPrivately(
  client: webApi.WebClient,
  target: PrivateNoticeTarget,
  text: string,
  logger: Logger,
): Promise<void> {
  try {
    await client.chat.postEphemeral({
      channel: target.channel,
      user: target.user,
      thread_ts: target.threadTs,
      text,
    });
  } catch (error) {
    logger.warn(
      `Could not tell ${target.user} privately in ${target.channel} (${slackErrorCode(error)})`,
      error,
    );
  }
}
