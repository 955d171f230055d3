import { type Logger, silentLogger } from '../logging/logger';
import { type Clock, systemClock } from './clock';
import { DigestSource, type DigestSourceOptions } from './digest-source';
import { renderDigestText } from './render-digest-text';
import type { Digest, DigestChannel, PostedDigest } from './types';

/** Options of the digest previews. */
export interface DigestPreviewOptions extends DigestSourceOptions {
  /** The digest channel, to diff against the latest digest posted there; without it, the schedule decides. */
  channel?: DigestChannel;
  clock?: Clock;
  logger?: Logger;
}

/**
 * A function composing the next digest as it would be posted now, against the latest digest in the channel.
 * It only reads: nothing is posted, so a preview never counts as the day's digest.
 */
export function createDigestPreviewer(options: DigestPreviewOptions): () => Promise<Digest> {
  const source = new DigestSource(options);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  return async () => {
    const now = clock.now();
    let previous: PostedDigest | undefined;
    if (options.channel) {
      try {
        previous = await source.findPrevious(options.channel, now);
      } catch (error) {
        logger.warn(
          `digest preview: cannot read the latest digest in ${options.channel.id} (${(error as Error).message}); previewing without it`,
        );
      }
    }
    return source.compose(now, previous);
  };
}

/** The offline console's `/digest`: the next digest as plain text. */
export function createDigestTextPreview(options: DigestPreviewOptions): () => Promise<string> {
  const preview = createDigestPreviewer(options);
  return async () => renderDigestText(await preview());
}
