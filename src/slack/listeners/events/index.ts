import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps';
import { handleAppMention } from './app-mention';
import { handleMessage } from './message';

/** Registers the mention and message listeners. */
export function register(app: App, deps: ListenerDeps): void {
  app.event('app_mention', (args) => handleAppMention(args, deps));
  app.event('message', (args) => handleMessage(args, deps));
}
