import { buildAnswerBlocks } from '../../blocks/answer';
import { describeSlackFailure, slackErrorCode } from '../../slack-errors';
import { answerMetadata } from '../../thread-history';
import { deliveryOf, type ListenerDeps } from '../deps';
import { type ButtonArgs, clickContext, clickedAnswer, replyPrivately } from './button-args';

/**
 * "Share in channel" on a private `/coop` answer: posts the answer publicly, naming who asked, and
 * removes the private copy. Its thread then takes follow-ups. When the bot cannot post there
 * (`not_in_channel`, `channel_not_found`…) the user is told privately how to fix it.
 */
export async function handleShareAnswer(args: ButtonArgs, deps: ListenerDeps): Promise<void> {
  await args.ack();
  const ref = await clickedAnswer(args, deps);
  const { user, channel } = clickContext(args);
  if (!ref || !channel) return;
  const answer = deps.answers.recall(ref);
  let postedTs: string | undefined;
  try {
    postedTs = await deps.delivery.postOnce(
      {
        channel,
        ...buildAnswerBlocks(answer, { ref, echo: { askedBy: user } }),
        metadata: answerMetadata(ref.questionId, ref.question),
        unfurl_links: false,
        unfurl_media: false,
      },
      ref.questionId,
      deliveryOf(args.context).replayed,
    );
  } catch (error) {
    deps.logger.warn(`Could not share an answer in ${channel} (${slackErrorCode(error)})`, error);
    await replyPrivately(args.respond, { text: describeSlackFailure(error) }, deps.logger);
    return;
  }
  if (postedTs) deps.threads.remember(channel, postedTs, ref.question);
  try {
    await args.respond({ delete_original: true });
  } catch (error) {
    deps.logger.debug(
      `Could not remove the private copy of a shared answer (${slackErrorCode(error)})`,
      error,
    );
  }
}
