import type { AnswerEngine } from '../../answer/types';
import type { Logger } from '../../logging/logger';
import type { AnswerService } from '../answer-service';
import type { SlackMessage } from '../blocks/mrkdwn';
import type { SlackDelivery } from '../delivery/slack-delivery';
import type { DeliveryContext } from '../durable-delivery';
import type { RecentMap } from '../recent-map';
import type { ThreadHistory } from '../thread-history';

/** What the listeners share: the engine behind an {@link AnswerService}, thread memory and dedupe. */
export interface ListenerDeps {
  engine: AnswerEngine;
  answers: AnswerService;
  /** Posts answers once, and replies through `response_url` with a fallback. */
  delivery: SlackDelivery;
  threads: ThreadHistory;
  /** Messages already handled (`channel:ts`), so a message Slack delivers twice is answered once. */
  handledMessages: RecentMap<string, true>;
  logger: Logger;
  /** The digest as it would be posted now; absent when the digest is not configured. */
  previewDigest?: () => Promise<SlackMessage>;
}

/** Key of a message in {@link ListenerDeps.handledMessages}. */
export function messageKey(channel: string, ts: string): string {
  return `${channel}:${ts}`;
}

/** The inbox key and replay flag {@link DurableDelivery} puts in Bolt's context. */
export function deliveryOf(context: object): DeliveryContext {
  const { deliveryKey, replayed } = context as DeliveryContext;
  return { deliveryKey, replayed };
}
