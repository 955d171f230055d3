import type { App } from '@slack/bolt';
import * as actions from './actions';
import * as commands from './commands';
import type { ListenerDeps } from './deps';
import * as events from './events';

/** Registers every listener of the bot: the `/coop` command, mentions and messages, answer buttons. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  commands.register(app, deps);
  events.register(app, deps);
  actions.register(app, deps);
}
