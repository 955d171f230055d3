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
