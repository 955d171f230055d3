import { webApi } from '@slack/bolt';
import type { Config } from '../../config/config';
import type { Clock, Timers } from '../../digest/clock';
import { createDigestPreviewer, type DigestPreviewOptions } from '../../digest/digest-preview';
import { DigestScheduler, type DigestSchedulerOptions } from '../../digest/digest-scheduler';
import type { SlackMessage } from '../blocks/mrkdwn';
import { toBoltLogger } from '../bolt-logger';
import { createTimedFetch, type FetchObserver } from '../delivery/timed-fetch';
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

/** What {@link createSlackDigest} builds on. */
export type SlackDigestDeps = Pick<
  DigestSchedulerOptions,
  'engine' | 'questionLog' | 'logger' | 'lock' | 'onPosted'
>;

/** Overrides for tests, and the metrics' observer of Web API calls. */
export interface SlackDigestOptions {
  /** Told of each Web API call the digest makes (for `/metrics`). */
  observeCall?: FetchObserver;
  /** The Web API client; by default one for the bot token and `SLACK_API_URL`. */
  client?: webApi.WebClient;
  clock?: Clock;
  timers?: Timers;
}

/** The digest wired to Slack. */
export interface SlackDigest {
  /** Posts to `DIGEST_CHANNEL` on schedule: `start()` once the app is up, `stop()` on shutdown. */
  scheduler: DigestScheduler;
  /** For the Slack app's `previewDigest` (`/coop digest`). */
  previewDigest: () => Promise<SlackMessage>;
}

/**
 * The digest for a configuration with `DIGEST_CHANNEL` and Slack credentials; undefined otherwise.
 *
 * Its client retries nothing itself and rejects rate-limited calls at once: the scheduler retries at its
 * own next tick, after Slack's `Retry-After`, rather than holding a request open for minutes.
 */
export function createSlackDigest(
  config: Config,
  deps: SlackDigestDeps,
  options: SlackDigestOptions = {},
): SlackDigest | undefined {
  if (!config.digest || config.slack.kind === 'console') return undefined;
  const client =
    options.client ??
    new webApi.WebClient(config.slack.botToken, {
      slackApiUrl: config.slackApiUrl,
      logger: deps.logger ? toBoltLogger(deps.logger, config.logLevel) : undefined,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      fetch: createTimedFetch(config.operations.slackTimeoutMs, options.observeCall),
    });
  const channel = new SlackDigestChannel(client, config.digest.channel);
  const settings = {
    ...deps,
    ...options,
    channel,
    cron: config.digest.cron,
    timeZone: config.digest.timeZone,
  };
  return {
    scheduler: new DigestScheduler({ ...settings, skipEmpty: config.digest.skipEmpty }),
    previewDigest: createDigestPreview(settings),
  };
}
