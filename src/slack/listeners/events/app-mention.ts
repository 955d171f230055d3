import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { questionFromSlackText } from '../../message-text';
import { deliveryOf, type ListenerDeps, messageKey } from '../deps';
import { answerInThread } from './answer-in-thread';

/**
 * `@coop <question>`: answered in a thread (the mention's thread, or one started on the mention). A
 * mention inside a thread where the bot answered before is a follow-up of the thread's questions.
 */
export async function handleAppMention(
  { event, context, client }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs,
  deps: ListenerDeps,
): Promise<void> {
  if (event.bot_id || !event.user) return;
  if (!deps.handledMessages.firstSighting(messageKey(event.channel, event.ts), true)) return;

  const history = event.thread_ts
    ? ((await deps.threads.earlierQuestions(client, context, {
        channel: event.channel,
        threadTs: event.thread_ts,
        ts: event.ts,
      })) ?? [])
    : [];
  await answerInThread(
    client,
    {
      channel: event.channel,
      user: event.user,
      threadTs: event.thread_ts ?? event.ts,
      question: questionFromSlackText(event.text, context.botUserId),
      history,
      delivery: deliveryOf(context),
    },
    deps,
  );
}
