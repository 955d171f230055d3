import { NO_ANSWER_TEXT } from '../../answer/plain-text';
import { escapeMrkdwn, type SlackMessage, sectionBlock } from './mrkdwn';

const NO_ANSWER_HINT = 'Try `/coop sources` to see which documents I know.';

/** The reply when the corpus does not answer a question: a plain sentence saying so and a hint. It cites nothing. */
export function buildNoAnswerBlocks(): SlackMessage {
  const text = `${escapeMrkdwn(NO_ANSWER_TEXT)} ${NO_ANSWER_HINT}`;
  return { text, blocks: [sectionBlock(text)] };
}
