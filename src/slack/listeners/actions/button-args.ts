import type {
  AllMiddlewareArgs,
  BlockButtonAction,
  RespondArguments,
  RespondFn,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { Logger } from '../../../logging/logger';
import { type AnswerRef, decodeAnswerRef } from '../../answer-ref';
import { slackErrorCode } from '../../slack-errors';

/** What a button listener receives. */
export type ButtonArgs = SlackActionMiddlewareArgs & AllMiddlewareArgs;

/** The answer a clicked button refers to; undefined for a click on something that is not a button of ours. */
export function clickedAnswer({ action }: ButtonArgs): AnswerRef | undefined {
  return action.type === 'button' ? decodeAnswerRef(action.value) : undefined;
}

/** The user and conversation of a click on a message button. */
export function clickContext(args: ButtonArgs): { user: string; channel?: string } {
  const body = args.body as BlockButtonAction;
  return { user: body.user.id, channel: body.channel?.id };
}

/**
 * Replies to a click, visible only to whoever clicked, below the message rather than in its place.
 * A failure is logged: the response URL may have expired.
 */
export async function replyPrivately(
  respond: RespondFn,
  message: RespondArguments,
  logger: Logger,
): Promise<void> {
  try {
    await respond({ response_type: 'ephemeral', replace_original: false, ...message });
  } catch (error) {
    logger.warn(`Could not reply to a button click (${slackErrorCode(error)})`, error);
  }
}
