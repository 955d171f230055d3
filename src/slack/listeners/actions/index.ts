import type { App } from '@slack/bolt';
import { ANSWER_ACTIONS } from '../../blocks/answer';
import type { ListenerDeps } from '../deps';
import { handleFeedback } from './feedback';
import { handleMoreResults } from './more-results';
import { handleShareAnswer } from './share-answer';

/** Registers the listeners of an answer's buttons. */
export function register(app: App, deps: ListenerDeps): void {
  app.action(ANSWER_ACTIONS.share, (args) => handleShareAnswer(args, deps));
  app.action(ANSWER_ACTIONS.more, (args) => handleMoreResults(args, deps));
  app.action(ANSWER_ACTIONS.feedbackUp, (args) => handleFeedback(args, 'up', deps));
  app.action(ANSWER_ACTIONS.feedbackDown, (args) => handleFeedback(args, 'down', deps));
}
