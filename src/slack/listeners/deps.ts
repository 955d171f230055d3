import type { AnswerEngine } from '../../answer/types';
import type { Logger } from '../../logging/logger';
import type { AnswerService } from '../answer-service';
import type { SlackMessage } from '../blocks/mrkdwn';
import type { RecentMap } from '../recent-map';
import type { ThreadHistory } from '../thread-history';

/** What the listeners share: the engine behind an {@link AnswerService}, thread memory and dedupe. */
export interface ListenerDeps {
  engine: AnswerEngine;
  answers: AnswerService;
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
