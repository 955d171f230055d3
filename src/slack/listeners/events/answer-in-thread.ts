import type { webApi } from '@slack/bolt';
import type { GivenAnswer } from '../../answer-service';
import { buildAnswerBlocks } from '../../blocks/answer';
import { buildHelpBlocks } from '../../blocks/help';
import type { DeliveryContext } from '../../durable-delivery';
import { describeSlackFailure, slackErrorCode, tellPrivately } from '../../slack-errors';
import { answerMetadata } from '../../thread-history';
import type { ListenerDeps } from '../deps';

/** A question asked in a conversation, to be answered in a thread. */
export interface ThreadQuestion {
  channel: string;
  user: string;
  /** The thread to answer in: the message's thread, or the message itself to start one. */
  threadTs: string;
  question: string;
  /** Earlier questions of the thread, oldest first. */
  history: string[];
  /** The delivery that asked, from Bolt's context: its question id, and whether it is a replay. */
  delivery?: DeliveryContext;
}

/**
 * Answers in the thread and remembers the question for follow-ups. The answer carries metadata with
 * the question, so the thread's questions can be rebuilt after a restart. An empty question gets the
 * usage; a failure is logged and, where the user can act on it, told to them privately.
 */
export async function answerInThread(
  client: webApi.WebClient,
  asked: ThreadQuestion,
  deps: ListenerDeps,
): Promise<void> {
  const { channel, user, threadTs, question, history, delivery } = asked;
  const privately = (text: string) => tellPrivately(client, { channel, user, threadTs }, text, deps.logger);
  if (question === '') {
    try {
      await client.chat.postMessage({ channel, thread_ts: threadTs, ...buildHelpBlocks() });
    } catch (error) {
      deps.logger.warn(`Could not post usage in ${channel} (${slackErrorCode(error)})`, error);
    }
    return;
  }

  let given: GivenAnswer;
  try {
    given = deps.answers.ask(question, {
      user,
      channel,
      threadTs,
      history,
      deliveryKey: delivery?.deliveryKey,
    });
  } catch (error) {
    deps.logger.error('Answering a question failed', error);
    await privately('Sorry, something went wrong while answering. It has been logged; please try again.');
    return;
  }
  try {
    await deps.delivery.postOnce(
      {
        channel,
        thread_ts: threadTs,
        ...buildAnswerBlocks(given.answer, { ref: given.ref }),
        metadata: answerMetadata(given.ref.questionId, question),
        unfurl_links: false,
        unfurl_media: false,
      },
      given.ref.questionId,
      delivery?.replayed,
    );
    deps.answers.delivered(given);
    deps.threads.remember(channel, threadTs, question);
  } catch (error) {
    deps.logger.warn(`Could not post an answer in ${channel} (${slackErrorCode(error)})`, error);
    await privately(describeSlackFailure(error));
  } finally {
    await given.recorded;
  }
}
