import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { App } from '@slack/bolt';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { silentLogger } from '../src/logging/logger';
import { registerListeners } from '../src/slack/listeners';
import type { ListenerDeps } from '../src/slack/listeners/deps';

interface Manifest {
  features: {
    bot_user: { display_name: string };
    slash_commands: Array<{ command: string; usage_hint?: string }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const repoRoot = path.resolve(__dirname, '..');
const manifest = parse(readFileSync(path.join(repoRoot, 'manifest.yml'), 'utf8')) as Manifest;

/** What the code registers, read by running the real registration against a recording app. */
function registeredListeners() {
  const registered = { commands: [] as string[], events: [] as string[], actions: [] as string[] };
  const recorder = {
    command: (name: string) => registered.commands.push(name),
    event: (type: string) => registered.events.push(type),
    action: (id: string) => registered.actions.push(id),
    message: () => registered.events.push('message'),
  };
  registerListeners(recorder as unknown as App, { logger: silentLogger } as ListenerDeps);
  return registered;
}

/** Conversation kinds the bot answers plain messages in: public and private channels, and its DMs. */
const MESSAGE_EVENTS = ['message.channels', 'message.groups', 'message.im'];

/** Scopes Slack requires for each bot event (api.slack.com/events). */
const EVENT_SCOPES: Record<string, string> = {
  app_mention: 'app_mentions:read',
  'message.channels': 'channels:history',
  'message.groups': 'groups:history',
  'message.im': 'im:history',
};

/**
 * Scopes of each Web API method the code calls with the bot token (api.slack.com/methods). Reading a
 * conversation's history or a thread's replies needs the history scope of that conversation, which the
 * message events already bring.
 */
const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.delete': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.postMessage': ['chat:write'],
  'conversations.history': [],
  'conversations.replies': [],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Web API methods called anywhere in the Slack code (digest included), found as `client.<family>.<method>(` calls. */
function calledMethods(): string[] {
  const methods = new Set<string>();
  for (const file of sourceFiles(path.join(repoRoot, 'src/slack'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bclient\.(\w+)\.(\w+)\(/g)) {
      methods.add(`${match[1]}.${match[2]}`);
    }
  }
  return [...methods].sort();
}

describe('manifest.yml', () => {
  it("is valid against Slack's published manifest schema", () => {
    const schemaFile = path.join(__dirname, 'fixtures/slack/manifest.schema.1.0.0.json');
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
    expect(validate(manifest) ? [] : validate.errors).toEqual([]);
  });

  it('names the bot coop and documents /coop with a usage hint', () => {
    expect(manifest.features.bot_user.display_name).toBe('coop');
    const coop = manifest.features.slash_commands.find((command) => command.command === '/coop');
    expect(coop?.usage_hint).toBeTruthy();
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('covers every command, event and button the code registers', () => {
    const registered = registeredListeners();
    const botEvents = manifest.settings.event_subscriptions.bot_events;

    expect(registered.commands.length).toBeGreaterThan(0);
    for (const command of registered.commands) {
      expect(manifest.features.slash_commands.map((declared) => declared.command)).toContain(command);
    }
    for (const type of registered.events) {
      const expected = type === 'message' ? MESSAGE_EVENTS : [type];
      expect(botEvents).toEqual(expect.arrayContaining(expected));
    }
    if (registered.actions.length > 0) expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('asks for exactly the scopes the subscribed events, the command and the called methods need', () => {
    const methods = calledMethods();
    expect(methods.length).toBeGreaterThan(0);
    const unknown = methods.filter((method) => !(method in METHOD_SCOPES));
    expect(unknown).toEqual([]);

    const needed = new Set<string>(['commands']);
    for (const event of manifest.settings.event_subscriptions.bot_events) needed.add(EVENT_SCOPES[event]);
    for (const method of methods) for (const scope of METHOD_SCOPES[method]) needed.add(scope);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });
});
