import type {
  AllMiddlewareArgs,
  BlockButtonAction,
  RespondArguments,
  RespondFn,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { Logger } from '../../../logging/logger';
import { type AnswerRef, decodeAnswerRef } from '../../answer-ref';
import { describeForeignId } from '../../question-ids';
import { slackErrorCode } from '../../slack-errors';
import type { ListenerDeps } from '../deps';

/** What a button listener receives. */
export type ButtonArgs = SlackActionMiddlewareArgs & AllMiddlewareArgs;

/**
 * The answer a clicked button refers to. A value that is not one of coop's answer references, or whose
 * question id coop did not issue (forged or mangled), is refused: logged (the id cut short) and the
 * clicker told privately that nothing was done; then undefined.
 */
export async function clickedAnswer(args: ButtonArgs, deps: ListenerDeps): Promise<AnswerRef | undefined> {
  const { action } = args;
  const value = action.type === 'button' ? action.value : undefined;
  const ref = decodeAnswerRef(value);
  if (ref && deps.answers.issued(ref)) return ref;
  const actionId = 'action_id' in action ? action.action_id : action.type;
  deps.logger.warn(
    `Refused a click on ${describeForeignId(actionId)}: ${
      ref
        ? `question id ${describeForeignId(ref.questionId)} was not issued by coop`
        : 'its value is not an answer of coop'
    } (value of ${value?.length ?? 0} characters)`,
  );
  await replyPrivately(
    args.respond,
    { text: 'Sorry, that button does not belong to an answer coop gave, so nothing was done.' },
    deps.logger,
  );
  return undefined;
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
