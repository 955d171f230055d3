import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { mentionsUser, questionFromSlackText } from '../../message-text';
import { deliveryOf, type ListenerDeps, messageKey } from '../deps';
import { answerInThread } from './answer-in-thread';

/**
 * A message without a mention. Answered when it is a direct message to the bot (in a thread on it,
 * whose replies are follow-ups) or a reply in a thread where the bot has answered (a follow-up of the
 * thread's questions, read back from Slack after a restart).
 *
 * Ignored: the bot's own and other bots' messages, subtypes (edits, joins, deletions…), channel messages
 * outside the bot's threads, and channel messages that mention the bot, which `app_mention` answers.
 */
export async function handleMessage(
  { message, context, client }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs,
  deps: ListenerDeps,
): Promise<void> {
  if (message.subtype !== undefined) return;
  if (message.bot_id || !message.user || message.user === context.botUserId) return;
  const direct = message.channel_type === 'im';
  if (!direct && mentionsUser(message.text, context.botUserId)) return;
  const threadTs =
    message.thread_ts !== undefined && message.thread_ts !== message.ts ? message.thread_ts : undefined;
  if (!direct && !threadTs) return;
  const question = questionFromSlackText(message.text ?? '', context.botUserId);
  if (question === '') return;
  if (!deps.handledMessages.firstSighting(messageKey(message.channel, message.ts), true)) return;

  let history: string[] = [];
  if (threadTs) {
    const reply = { channel: message.channel, threadTs, ts: message.ts };
    const earlier = await deps.threads.earlierQuestions(client, context, reply);
    if (!earlier && !direct) return;
    history = earlier ?? [];
  }
  await answerInThread(
    client,
    {
      channel: message.channel,
      user: message.user,
      threadTs: threadTs ?? message.ts,
      question,
      history,
      delivery: deliveryOf(context),
    },
    deps,
  );
}
