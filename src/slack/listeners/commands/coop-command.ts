import type { AllMiddlewareArgs, RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildAnswerBlocks } from '../../blocks/answer';
import { buildHelpBlocks } from '../../blocks/help';
import { buildNoticeBlocks, type SlackMessage } from '../../blocks/mrkdwn';
import { buildSourcesBlocks } from '../../blocks/sources';
import { questionFromSlackText } from '../../message-text';
import { slackErrorCode } from '../../slack-errors';
import type { ListenerDeps } from '../deps';

/** The bot's one slash command. */
export const COOP_COMMAND = '/coop';

/**
 * `/coop`: acknowledges at once, then answers privately through the command's `response_url`.
 * `/coop` alone or `help` gives usage, `sources` the documents, `digest` a preview of the digest;
 * anything else is a question, answered with a "Share in channel" button.
 */
export async function handleCoopCommand(
  { command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs,
  deps: ListenerDeps,
): Promise<void> {
  await ack();
  const send = async (message: SlackMessage) => {
    const reply: RespondArguments = { response_type: 'ephemeral', ...message };
    try {
      await respond(reply);
    } catch (error) {
      deps.logger.warn(`Could not reply to ${COOP_COMMAND} (${slackErrorCode(error)})`, error);
    }
  };

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
    const { answer, ref } = await deps.answers.ask(question, {
      user: command.user_id,
      channel: command.channel_id,
      history: [],
    });
    await send(buildAnswerBlocks(answer, { ref, shareable: true, echo: {} }));
  } catch (error) {
    deps.logger.error(`${COOP_COMMAND} failed`, error);
    await send(
      buildNoticeBlocks('Sorry, something went wrong while answering. It has been logged; please try again.'),
    );
  }
}
