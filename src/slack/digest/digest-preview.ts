import type { webApi } from '@slack/bolt';
import type { DigestConfig } from '../../config/config';
import { createDigestPreviewer, type DigestPreviewOptions } from '../../digest/digest-preview';
import { DigestScheduler, type DigestSchedulerOptions } from '../../digest/digest-scheduler';
import type { SlackMessage } from '../blocks/mrkdwn';
import { buildDigestBlocks } from './build-digest-blocks';
import { SlackDigestChannel } from './slack-digest-channel';

/**
 * `/coop digest`: the next digest as an ephemeral Slack message marked as a preview. It only reads the
 * channel, so it never counts as the day's digest.
 */
export function createDigestPreview(options: DigestPreviewOptions): () => Promise<SlackMessage> {
  const preview = createDigestPreviewer(options);
  return async () => buildDigestBlocks(await preview(), { preview: true });
}

/** What {@link createSlackDigest} needs. */
export type SlackDigestOptions = Omit<
  DigestSchedulerOptions,
  'channel' | 'cron' | 'timeZone' | 'skipEmpty'
> & {
  /** The Bolt app's client (`app.client`). */
  client: webApi.WebClient;
  /** `config.digest`; when absent (no `DIGEST_CHANNEL`) there is no scheduler, but previews still work. */
  digest?: DigestConfig;
};

/**
 * The digest wired to Slack: the scheduler posting to `DIGEST_CHANNEL` (undefined without one; call its
 * `start()` once the app is up and `stop()` on shutdown) and the `/coop digest` preview.
 */
export function createSlackDigest(options: SlackDigestOptions): {
  scheduler?: DigestScheduler;
  previewDigest: () => Promise<SlackMessage>;
} {
  const { client, digest, ...rest } = options;
  const channel = digest ? new SlackDigestChannel(client, digest.channel) : undefined;
  const settings = { ...rest, cron: digest?.cron, timeZone: digest?.timeZone, channel };
  return {
    scheduler: channel
      ? new DigestScheduler({ ...settings, channel, skipEmpty: digest?.skipEmpty })
      : undefined,
    previewDigest: createDigestPreview(settings),
  };
}
