import { type types, webApi } from '@slack/bolt';
import { type Digest, type DigestChannel, DigestChannelError, type PostedDigest } from '../../digest/types';
import { buildDigestBlocks } from './build-digest-blocks';
import { fromDigestMessage, type HistoryMessage, toDigestMetadata } from './digest-metadata';

/** History pages (200 messages each) read while looking for a digest, at the most. */
const MAX_HISTORY_PAGES = 25;

/**
 * The digest channel through the Slack Web API: `conversations.history` (with `include_all_metadata`) to
 * find earlier digests, `chat.postMessage` with metadata to post, `chat.delete` to withdraw a duplicate.
 *
 * Needs the `chat:write` scope and, to read the channel, `channels:history` (public) or `groups:history`
 * (private); the bot must be a member of the channel. Errors become {@link DigestChannelError}s whose
 * message says the cause and the fix.
 */
export class SlackDigestChannel implements DigestChannel {
  constructor(
    private readonly client: webApi.WebClient,
    readonly id: string,
  ) {}

  async findDigests(oldest: Date, options: { latestOnly?: boolean } = {}): Promise<PostedDigest[]> {
    const found: PostedDigest[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
      const history = await this.call('conversations.history', () =>
        this.client.conversations.history({
          channel: this.id,
          oldest: toSlackTs(oldest),
          include_all_metadata: true,
          limit: 200,
          cursor,
        }),
      );
      for (const message of history.messages ?? []) {
        const digest = fromDigestMessage(message as HistoryMessage);
        if (!digest) continue;
        found.push(digest);
        if (options.latestOnly) return found;
      }
      cursor = history.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return found;
  }

  async post(digest: Digest): Promise<PostedDigest> {
    const { text, blocks } = buildDigestBlocks(digest);
    const send = async (metadata: types.MessageMetadata) => {
      const result = await this.call('chat.postMessage', () =>
        this.client.chat.postMessage({
          channel: this.id,
          text,
          blocks,
          metadata,
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
      const posted = fromDigestMessage({ ts: result.ts, metadata });
      if (!posted)
        throw new DigestChannelError('digest_channel_failed', 'chat.postMessage: Slack returned no ts');
      return posted;
    };
    try {
      return await send(toDigestMetadata(digest));
    } catch (error) {
      // Should Slack refuse a large state, post without it: the next digest then compares file times.
      if (!(error instanceof DigestChannelError && error.reason?.includes('metadata'))) throw error;
      return send(toDigestMetadata(digest, { withState: false }));
    }
  }

  async remove(digest: PostedDigest): Promise<void> {
    await this.call('chat.delete', () => this.client.chat.delete({ channel: this.id, ts: digest.ts }));
  }

  private async call<T>(method: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw toDigestChannelError(error, method, this.id);
    }
  }
}

/** A Date as a Slack timestamp (`seconds.micros`). */
function toSlackTs(date: Date): string {
  return (date.getTime() / 1000).toFixed(6);
}

/** Turns a Web API failure into a {@link DigestChannelError} that says what to do about it. */
export function toDigestChannelError(error: unknown, method: string, channel: string): DigestChannelError {
  const coded = error as { code?: string; retryAfter?: number; data?: { error?: string; needed?: string } };
  const fail = (code: DigestChannelError['code'], message: string, retryAfterMs?: number, reason?: string) =>
    new DigestChannelError(code, `${method}: ${message}`, retryAfterMs, { cause: error, reason });

  if (coded.code === webApi.ErrorCode.RateLimitedError) {
    const seconds = coded.retryAfter ?? 60;
    return fail(
      'digest_rate_limited',
      `Slack rate-limited the call; it asked to wait ${seconds} s`,
      seconds * 1000,
    );
  }
  if (coded.code === webApi.ErrorCode.PlatformError) {
    const slackError = coded.data?.error ?? 'unknown_error';
    switch (slackError) {
      case 'not_in_channel':
        return fail(
          'digest_not_in_channel',
          `the bot is not a member of ${channel}; invite it there (/invite @coop) or change DIGEST_CHANNEL`,
          undefined,
          slackError,
        );
      case 'channel_not_found':
        return fail(
          'digest_channel_not_found',
          `channel ${channel} does not exist or the bot cannot see it (a private channel must invite the bot); check DIGEST_CHANNEL`,
          undefined,
          slackError,
        );
      case 'missing_scope':
        return fail(
          'digest_missing_scope',
          `the app lacks the scope ${coded.data?.needed ?? '(unknown)'}; add it under OAuth & Permissions and reinstall the app`,
          undefined,
          slackError,
        );
      case 'ratelimited':
        return fail('digest_rate_limited', 'Slack rate-limited the call', undefined, slackError);
      default:
        return fail('digest_channel_failed', `Slack answered "${slackError}"`, undefined, slackError);
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  const retryAfter = /rate limit was exceeded.*retry-after: (\d+)/i.exec(message);
  if (retryAfter) {
    return fail('digest_rate_limited', 'Slack rate-limited the call', Number(retryAfter[1]) * 1000);
  }
  return fail('digest_channel_failed', `Slack could not be reached (${message})`);
}
