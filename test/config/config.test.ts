import path from 'node:path';
import { ConfigError, DEFAULT_DIGEST_CRON, loadConfig } from '../../src/config/config';

/** The problems `loadConfig` reports for `env`, or [] when it accepts it. */
function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('loadConfig: digest settings', () => {
  it('has no digest without DIGEST_CHANNEL', () => {
    expect(loadConfig({}).digest).toBeUndefined();
  });

  it('defaults to weekdays at 09:00 UTC, posting on empty days', () => {
    expect(loadConfig({ DIGEST_CHANNEL: 'C0123456789' }).digest).toEqual({
      channel: 'C0123456789',
      cron: DEFAULT_DIGEST_CRON,
      timeZone: 'UTC',
      skipEmpty: false,
    });
  });

  it('reads the schedule, the zone and DIGEST_SKIP_EMPTY', () => {
    const config = loadConfig({
      DIGEST_CHANNEL: 'G0123456789',
      DIGEST_CRON: '30 8 * * 1-5',
      DIGEST_TZ: 'Europe/London',
      DIGEST_SKIP_EMPTY: 'yes',
    });
    expect(config.digest).toEqual({
      channel: 'G0123456789',
      cron: '30 8 * * 1-5',
      timeZone: 'Europe/London',
      skipEmpty: true,
    });
  });

  it('reports every bad digest setting at once, with how to fix it', () => {
    const found = problems({
      DIGEST_CHANNEL: '#general',
      DIGEST_CRON: 'every morning',
      DIGEST_TZ: 'Mars/Olympus_Mons',
      DIGEST_SKIP_EMPTY: 'sometimes',
    });
    expect(found).toHaveLength(4);
    expect(found[0]).toMatch(/^DIGEST_CHANNEL must be a channel ID such as C0123456789/);
    expect(found[1]).toMatch(/^DIGEST_CRON is not a valid cron expression/);
    expect(found[2]).toMatch(/^DIGEST_TZ "Mars\/Olympus_Mons" is not an IANA time zone/);
    expect(found[3]).toBe('DIGEST_SKIP_EMPTY must be true or false (default false).');
  });

  it('validates the schedule even when the digest is off', () => {
    expect(problems({ DIGEST_CRON: '61 * * * *' })).toEqual([expect.stringMatching(/^DIGEST_CRON/)]);
  });

  it('puts the question log in DATA_DIR, rotated past QUESTION_LOG_MAX_BYTES', () => {
    const config = loadConfig({ DATA_DIR: 'var/coop', QUESTION_LOG_MAX_BYTES: '2048' }, '/srv');
    expect(config.dataDir).toBe(path.resolve('/srv', 'var/coop'));
    expect(config.questionLogMaxBytes).toBe(2048);
    expect(loadConfig({}, '/srv').dataDir).toBe(path.resolve('/srv', '.data'));
    expect(loadConfig({}).questionLogMaxBytes).toBe(5 * 1024 * 1024);
    expect(problems({ QUESTION_LOG_MAX_BYTES: '10' })).toEqual([
      expect.stringMatching(/^QUESTION_LOG_MAX_BYTES/),
    ]);
  });

  it('re-scans the corpus every CORPUS_RESCAN_SECONDS, five minutes unless told', () => {
    expect(loadConfig({}).corpusRescanSeconds).toBe(300);
    expect(loadConfig({ CORPUS_RESCAN_SECONDS: '60' }).corpusRescanSeconds).toBe(60);
    expect(problems({ CORPUS_RESCAN_SECONDS: '0' })).toEqual([
      expect.stringMatching(/^CORPUS_RESCAN_SECONDS/),
    ]);
    expect(problems({ CORPUS_RESCAN_SECONDS: 'often' })).toEqual([
      expect.stringMatching(/^CORPUS_RESCAN_SECONDS/),
    ]);
  });
});

describe('loadConfig: Slack credentials', () => {
  const BOT = 'xoxb-1111-2222-abcdefghijkl';
  const APP = 'xapp-1-A0COOP-3333-abcdef';
  const SECRET = '8f742231b10e8888abcd99edabcd00d1';

  it('opens the offline console when no Slack variable is set', () => {
    expect(loadConfig({}).slack).toEqual({ kind: 'console' });
  });

  it('picks Socket Mode with an app token and HTTP mode with a signing secret', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }).slack).toEqual({
      kind: 'socket',
      botToken: BOT,
      appToken: APP,
      signingSecret: undefined,
    });
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '8080' }).slack).toEqual({
      kind: 'http',
      botToken: BOT,
      signingSecret: SECRET,
      port: 8080,
    });
  });

  it('refuses a user token as the bot token, saying which token to copy instead', () => {
    const found = problems({ SLACK_BOT_TOKEN: 'xoxp-1111-2222-3333-abcdef', SLACK_SIGNING_SECRET: SECRET });
    expect(found).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN is a user token \(xoxp-…\)/)]);
    expect(found[0]).toContain('Bot User OAuth Token (xoxb-…)');
    expect(found[0]).not.toContain('1111-2222');
  });

  it('refuses a token of any other kind as the bot token', () => {
    expect(problems({ SLACK_BOT_TOKEN: APP, SLACK_SIGNING_SECRET: SECRET })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN is malformed: it must start with "xoxb-"/),
    ]);
  });

  it('stops, naming SLACK_SIGNING_SECRET, when a bot token comes without it and without an app token', () => {
    expect(problems({ SLACK_BOT_TOKEN: BOT })).toEqual([
      expect.stringMatching(/^SLACK_SIGNING_SECRET is missing: .*Basic Information > App Credentials/),
    ]);
  });

  it('stops, naming the bot token, when a signing secret or an app token comes without it', () => {
    expect(problems({ SLACK_SIGNING_SECRET: SECRET })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN is missing/),
    ]);
    expect(problems({ SLACK_APP_TOKEN: APP })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN is missing: Socket Mode needs it/),
    ]);
  });

  it('reports malformed app tokens, signing secrets and ports without echoing them', () => {
    const found = problems({
      SLACK_BOT_TOKEN: BOT,
      SLACK_APP_TOKEN: 'xoxa-not-an-app-token',
      SLACK_SIGNING_SECRET: 'not hex at all',
      PORT: '99999',
    });
    expect(found).toEqual([
      expect.stringMatching(/^SLACK_APP_TOKEN is malformed/),
      expect.stringMatching(/^SLACK_SIGNING_SECRET is malformed/),
      expect.stringMatching(/^PORT must be a whole number/),
    ]);
    expect(found.join('\n')).not.toMatch(/xoxa-not|not hex/);
  });

  it('lists every problem in one error that points to .env.example', () => {
    let thrown: unknown;
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'xoxp-1', LOG_LEVEL: 'loud' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const error = thrown as ConfigError;
    expect(error.code).toBe('coop_config_invalid');
    expect(error.message).toMatch(/^coop cannot start; fix these settings \(see \.env\.example\):\n {2}- /);
    expect(error.problems).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN is a user token/),
      expect.stringMatching(/^SLACK_SIGNING_SECRET is missing/),
      'LOG_LEVEL must be one of debug, info, warn, error (default info).',
    ]);
  });
});

describe('loadConfig: other settings', () => {
  it('resolves CORPUS_DIR against the working folder and defaults to the seed corpus', () => {
    expect(loadConfig({}, '/srv').corpusDir).toBe(path.resolve('/srv', 'seeds'));
    expect(loadConfig({ CORPUS_DIR: 'docs' }, '/srv').corpusDir).toBe(path.resolve('/srv', 'docs'));
  });

  it('ends SLACK_API_URL with a slash and refuses what is not an http(s) URL', () => {
    expect(loadConfig({ SLACK_API_URL: 'http://127.0.0.1:9000/api' }).slackApiUrl).toBe(
      'http://127.0.0.1:9000/api/',
    );
    expect(loadConfig({}).slackApiUrl).toBeUndefined();
    expect(problems({ SLACK_API_URL: 'slack.com/api' })).toEqual([expect.stringMatching(/^SLACK_API_URL/)]);
  });

  it('reads LOG_LEVEL in any case, info by default, and treats blank values as unset', () => {
    expect(loadConfig({ LOG_LEVEL: 'DEBUG' }).logLevel).toBe('debug');
    expect(loadConfig({ LOG_LEVEL: '  ', SLACK_BOT_TOKEN: ' ' }).logLevel).toBe('info');
    expect(loadConfig({ SLACK_BOT_TOKEN: '   ' }).slack).toEqual({ kind: 'console' });
  });
});

describe('loadConfig: durability and operations', () => {
  it('keeps state in DATA_DIR unless DATABASE_URL is set, with ten-second timeouts and text logs', () => {
    expect(loadConfig({}).operations).toEqual({
      databaseUrl: undefined,
      slackTimeoutMs: 10_000,
      shutdownTimeoutMs: 10_000,
      logFormat: 'text',
    });
    const config = loadConfig({
      DATABASE_URL: 'postgres://coop:secret@db.internal:5432/coop',
      SLACK_TIMEOUT_MS: '2500',
      SHUTDOWN_TIMEOUT_MS: '20000',
      LOG_FORMAT: 'JSON',
    });
    expect(config.operations).toEqual({
      databaseUrl: 'postgres://coop:secret@db.internal:5432/coop',
      slackTimeoutMs: 2500,
      shutdownTimeoutMs: 20_000,
      logFormat: 'json',
    });
  });

  it('names each bad setting, never repeating a database password', () => {
    const found = problems({
      DATABASE_URL: 'mysql://coop:hunter2@db/coop',
      SLACK_TIMEOUT_MS: 'soon',
      SHUTDOWN_TIMEOUT_MS: '5',
      LOG_FORMAT: 'xml',
    });
    expect(found).toEqual([
      expect.stringMatching(/^DATABASE_URL must be a PostgreSQL URL/),
      expect.stringMatching(/^SLACK_TIMEOUT_MS must be a whole number of milliseconds/),
      expect.stringMatching(/^SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds/),
      'LOG_FORMAT must be text or json (default text).',
    ]);
    expect(found.join('\n')).not.toContain('hunter2');
  });
});
