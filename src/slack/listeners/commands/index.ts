import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps';
import { COOP_COMMAND, handleCoopCommand } from './coop-command';

/** Registers the slash command. */
export function register(app: App, deps: ListenerDeps): void {
  app.command(COOP_COMMAND, (args) => handleCoopCommand(args, deps));
}
