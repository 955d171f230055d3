import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildAnswerBlocks } from '../../blocks/answer';
import { buildHelpBlocks } from '../../blocks/help';
import { buildNoticeBlocks, type SlackMessage } from '../../blocks/mrkdwn';
import { buildSourcesBlocks } from '../../blocks/sources';
import { questionFromSlackText } from '../../message-text';
import { deliveryOf, type ListenerDeps } from '../deps';

/** The bot's one slash command. */
export const COOP_COMMAND = '/coop';

/**
 * `/coop`: acknowledges at once, then answers privately through the command's `response_url`.
 * `/coop` alone or `help` gives usage, `sources` the documents, `digest` a preview of the digest;
 * anything else is a question, answered with a "Share in channel" button.
 */
export async function handleCoopCommand(
  { command, ack, respond, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs,
  deps: ListenerDeps,
): Promise<void> {
  await ack();
  // A failed response_url (expired, 4xx, 5xx, no answer in time) falls back to chat.postEphemeral.
  const send = (message: SlackMessage) =>
    deps.delivery.reply(respond, { channel: command.channel_id, user: command.user_id }, message);

  const text = command.text.trim();
  const subcommand = text.toLowerCase();
  try {
    if (subcommand === '' || subcommand === 'help') return await send(buildHelpBlocks());
    if (subcommand === 'sources') return await send(buildSourcesBlocks(deps.engine.documents()));
    if (subcommand === 'digest') {
      if (!deps.previewDigest) {
        return await send(
          buildNoticeBlocks(
            'The digest is not configured: whoever runs coop can set `DIGEST_CHANNEL` to turn it on.',
          ),
        );
      }
      return await send(await deps.previewDigest());
    }
    const question = questionFromSlackText(text);
    const given = deps.answers.ask(question, {
      user: command.user_id,
      channel: command.channel_id,
      history: [],
      deliveryKey: deliveryOf(context).deliveryKey,
    });
    try {
      await send(buildAnswerBlocks(given.answer, { ref: given.ref, shareable: true, echo: {} }));
      deps.answers.delivered(given);
    } finally {
      await given.recorded;
    }
  } catch (error) {
    deps.logger.error(`${COOP_COMMAND} failed`, error);
    await send(
      buildNoticeBlocks('Sorry, something went wrong while answering. It has been logged; please try again.'),
    );
  }
}
