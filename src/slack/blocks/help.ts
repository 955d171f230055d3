import type { SlackMessage } from './mrkdwn';
import { sectionBlock } from './mrkdwn';

/** Usage of the bot, for `/coop`, `/coop help` and an empty mention. */
export function buildHelpBlocks(): SlackMessage {
  const usage = [
    '*coop answers questions about its documents by quoting the passages that answer them, with sources.*',
    '• `/coop <question>`: an answer only you see, with a button to share it in the channel',
    '• `@coop <question>` in a channel: an answer in a thread; reply in that thread to ask follow-ups',
    '• A direct message to coop: the same, in our conversation',
    '• `/coop sources`: the documents I know, with titles and dates',
    '• `/coop digest`: a preview of the digest',
    '• `/coop help`: this message',
  ].join('\n');
  return {
    text: 'coop answers questions about its documents: /coop <question>, @coop <question>, /coop sources.',
    blocks: [sectionBlock(usage)],
  };
}
