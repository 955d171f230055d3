import path from 'node:path';
import { Cron } from 'croner';
import { DEFAULT_READING_LIMITS, type ReadingOptions } from '../corpus/readers/types';

/** How the bot talks to Slack, decided from which credentials are present. */
export type SlackMode =
  | { kind: 'socket'; botToken: string; appToken: string; signingSecret?: string }
  | { kind: 'http'; botToken: string; signingSecret: string; port: number }
  | { kind: 'console' };

/** The daily digest's settings; absent when `DIGEST_CHANNEL` is unset. */
export interface DigestConfig {
  channel: string;
  cron: string;
  timeZone: string;
  skipEmpty: boolean;
}

/** Everything the bot needs, validated once at startup. */
export interface Config {
  slack: SlackMode;
  /** Base URL of the Slack Web API (ends with `/`), or undefined for Slack's own. */
  slackApiUrl?: string;
  corpusDir: string;
  dataDir: string;
  digest?: DigestConfig;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Largest question-log file before it is rotated, in bytes. */
  questionLogMaxBytes: number;
  /** Seconds between full re-scans of the corpus, the backstop for a missed file event (default 300). */
  corpusRescanSeconds: number;
  /** Limits on reading PDF, Word, HTML and Markdown files, and the corpus's base URL. */
  reading: Required<Pick<ReadingOptions, 'limits'>> & Pick<ReadingOptions, 'corpusUrl'>;
  /** Durability, timeouts and operations: see {@link OperationsConfig}. */
  operations: OperationsConfig;
}

/** How coop keeps events, bounds its calls and stops. */
export interface OperationsConfig {
  /** `DATABASE_URL`: PostgreSQL shared by every replica; undefined keeps state in `DATA_DIR` files. */
  databaseUrl?: string;
  /** `SLACK_TIMEOUT_MS`: longest wait for one Web API or `response_url` call (default 10 s). */
  slackTimeoutMs: number;
  /** `SHUTDOWN_TIMEOUT_MS`: longest wait for answers in flight on SIGTERM/SIGINT (default 10 s). */
  shutdownTimeoutMs: number;
  /** `LOG_FORMAT`: `text` lines, or `json` for one JSON object a line. */
  logFormat: 'text' | 'json';
}

/** Thrown by {@link loadConfig}; `problems` lists every mistake found, each with how to fix it. */
export class ConfigError extends Error {
  readonly code = 'coop_config_invalid';
  constructor(readonly problems: string[]) {
    super(
      `coop cannot start; fix these settings (see .env.example):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/** Default schedule: weekdays at 09:00 (seconds field first). */
export const DEFAULT_DIGEST_CRON = '0 0 9 * * 1-5';

/** Default seconds between full re-scans of the corpus: five minutes. */
export const DEFAULT_CORPUS_RESCAN_SECONDS = 300;

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/**
 * Reads and validates the configuration from environment variables (`.env` is loaded by the caller).
 *
 * - `SLACK_APP_TOKEN` (`xapp-…`) with `SLACK_BOT_TOKEN`: Socket Mode.
 * - `SLACK_BOT_TOKEN` (`xoxb-…`) with `SLACK_SIGNING_SECRET`: HTTP mode on `PORT` (default 3000).
 * - No Slack variable at all: the offline console.
 * - Anything in between is a mistake, reported with every other mistake in one {@link ConfigError}.
 *
 * Secrets never appear in the error text.
 */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
  };

  const botToken = value('SLACK_BOT_TOKEN');
  const appToken = value('SLACK_APP_TOKEN');
  const signingSecret = value('SLACK_SIGNING_SECRET');

  const botTokenProblem = botToken && checkBotToken(botToken);
  if (botTokenProblem) problems.push(botTokenProblem);
  if (appToken && !appToken.startsWith('xapp-')) {
    problems.push(
      'SLACK_APP_TOKEN is malformed: it must start with "xapp-"; create an app-level token with the connections:write scope under Basic Information > App-Level Tokens.',
    );
  }
  if (signingSecret && !/^[0-9a-f]{16,}$/i.test(signingSecret)) {
    problems.push(
      'SLACK_SIGNING_SECRET is malformed: it is a hex string; copy it from Basic Information > App Credentials.',
    );
  }

  const port = parseInteger(value('PORT'), 3000);
  if (port === undefined || port < 0 || port > 65535) {
    problems.push('PORT must be a whole number from 0 to 65535 (default 3000).');
  }

  let slack: SlackMode = { kind: 'console' };
  if (appToken) {
    if (!botToken) {
      problems.push(
        'SLACK_BOT_TOKEN is missing: Socket Mode needs it as well as SLACK_APP_TOKEN; copy it from OAuth & Permissions.',
      );
    }
    slack = { kind: 'socket', botToken: botToken ?? '', appToken, signingSecret };
  } else if (botToken || signingSecret) {
    if (!botToken) {
      problems.push(
        'SLACK_BOT_TOKEN is missing: copy the Bot User OAuth Token from OAuth & Permissions (or unset SLACK_SIGNING_SECRET to use the offline console).',
      );
    }
    if (!signingSecret) {
      problems.push(
        "SLACK_SIGNING_SECRET is missing: HTTP mode needs it with SLACK_BOT_TOKEN to verify Slack's requests; copy it from Basic Information > App Credentials (or set SLACK_APP_TOKEN for Socket Mode).",
      );
    }
    slack = {
      kind: 'http',
      botToken: botToken ?? '',
      signingSecret: signingSecret ?? '',
      port: port ?? 3000,
    };
  }

  let slackApiUrl = value('SLACK_API_URL');
  if (slackApiUrl) {
    if (!/^https?:\/\/[^\s/]+/i.test(slackApiUrl)) {
      problems.push('SLACK_API_URL must be an http(s) URL such as https://slack.com/api/ (or unset it).');
    } else if (!slackApiUrl.endsWith('/')) {
      slackApiUrl += '/';
    }
  }

  const digest = readDigestConfig(value, problems);

  const logLevel = (value('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (default info).`);
  }

  const questionLogMaxBytes = parseInteger(value('QUESTION_LOG_MAX_BYTES'), 5 * 1024 * 1024);
  if (questionLogMaxBytes === undefined || questionLogMaxBytes < 1024) {
    problems.push('QUESTION_LOG_MAX_BYTES must be a whole number of bytes, at least 1024 (default 5242880).');
  }

  const corpusRescanSeconds = parseInteger(value('CORPUS_RESCAN_SECONDS'), DEFAULT_CORPUS_RESCAN_SECONDS);
  if (corpusRescanSeconds === undefined || corpusRescanSeconds < 1) {
    problems.push(
      `CORPUS_RESCAN_SECONDS must be a whole number of seconds, at least 1 (default ${DEFAULT_CORPUS_RESCAN_SECONDS}).`,
    );
  }
  const reading = readReadingConfig(value, problems);
  const operations = readOperationsConfig(value, problems);

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    operations,
    slack,
    slackApiUrl,
    corpusDir: path.resolve(cwd, value('CORPUS_DIR') ?? 'seeds'),
    dataDir: path.resolve(cwd, value('DATA_DIR') ?? '.data'),
    digest,
    logLevel: logLevel as Config['logLevel'],
    questionLogMaxBytes: questionLogMaxBytes ?? 5 * 1024 * 1024,
    corpusRescanSeconds: corpusRescanSeconds ?? DEFAULT_CORPUS_RESCAN_SECONDS,
    reading,
  };
}

function readReadingConfig(
  value: (name: string) => string | undefined,
  problems: string[],
): Config['reading'] {
  const defaults = DEFAULT_READING_LIMITS;
  const maxMb = parseInteger(value('DOCUMENT_MAX_MB'), defaults.maxBytes / 1024 / 1024);
  if (maxMb === undefined || maxMb < 1) {
    problems.push('DOCUMENT_MAX_MB must be a whole number of megabytes, at least 1 (default 50).');
  }
  const maxPages = parseInteger(value('PDF_MAX_PAGES'), defaults.maxPdfPages);
  if (maxPages === undefined || maxPages < 1) {
    problems.push('PDF_MAX_PAGES must be a whole number of pages, at least 1 (default 1000).');
  }
  const timeout = parseInteger(value('DOCUMENT_READ_TIMEOUT_SECONDS'), defaults.timeoutMs / 1000);
  if (timeout === undefined || timeout < 1) {
    problems.push(
      'DOCUMENT_READ_TIMEOUT_SECONDS must be a whole number of seconds, at least 1 (default 120).',
    );
  }
  let corpusUrl = value('CORPUS_URL');
  if (corpusUrl && !/^https?:\/\/[^\s/]+\S*$/i.test(corpusUrl)) {
    problems.push(
      'CORPUS_URL must be the http(s) URL the corpus folder is served at, such as https://intranet.example.com/docs/ (or unset it).',
    );
    corpusUrl = undefined;
  } else if (corpusUrl && !corpusUrl.endsWith('/')) {
    corpusUrl += '/';
  }
  return {
    limits: {
      maxBytes: (maxMb ?? 50) * 1024 * 1024,
      maxPdfPages: maxPages ?? defaults.maxPdfPages,
      timeoutMs: (timeout ?? 120) * 1000,
    },
    corpusUrl,
  };
}

/**
 * Why `token` cannot be the bot token, or undefined when it is shaped like one. A user token (`xoxp-`)
 * is refused by name: it sits next to the bot token in OAuth & Permissions, and would make coop act as
 * the person who installed it.
 */
function checkBotToken(token: string): string | undefined {
  if (token.startsWith('xoxb-')) return undefined;
  if (token.startsWith('xoxp-')) {
    return 'SLACK_BOT_TOKEN is a user token (xoxp-…), which would make coop act as the person who installed it: copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions instead.';
  }
  return 'SLACK_BOT_TOKEN is malformed: it must start with "xoxb-"; copy the Bot User OAuth Token from OAuth & Permissions.';
}

function readDigestConfig(
  value: (name: string) => string | undefined,
  problems: string[],
): DigestConfig | undefined {
  const channel = value('DIGEST_CHANNEL');
  const cron = value('DIGEST_CRON') ?? DEFAULT_DIGEST_CRON;
  const timeZone = value('DIGEST_TZ') ?? 'UTC';
  const skipEmptyRaw = (value('DIGEST_SKIP_EMPTY') ?? 'false').toLowerCase();

  if (channel && !/^[CGD][A-Z0-9]{6,}$/.test(channel)) {
    problems.push(
      'DIGEST_CHANNEL must be a channel ID such as C0123456789 (right-click the channel > View channel details), not a name.',
    );
  }
  try {
    new Cron(cron, { paused: true, timezone: isTimeZone(timeZone) ? timeZone : 'UTC' }).stop();
  } catch (error) {
    problems.push(
      `DIGEST_CRON is not a valid cron expression (${(error as Error).message}); e.g. "0 9 * * 1-5" for weekdays at 09:00.`,
    );
  }
  if (!isTimeZone(timeZone)) {
    problems.push(
      `DIGEST_TZ "${timeZone}" is not an IANA time zone; use a name such as Europe/London or UTC.`,
    );
  }
  if (!['true', 'false', '1', '0', 'yes', 'no'].includes(skipEmptyRaw)) {
    problems.push('DIGEST_SKIP_EMPTY must be true or false (default false).');
  }
  if (!channel) return undefined;
  return { channel, cron, timeZone, skipEmpty: ['true', '1', 'yes'].includes(skipEmptyRaw) };
}

function readOperationsConfig(
  value: (name: string) => string | undefined,
  problems: string[],
): OperationsConfig {
  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl && !/^postgres(?:ql)?:\/\/\S+$/i.test(databaseUrl)) {
    problems.push(
      'DATABASE_URL must be a PostgreSQL URL such as postgres://coop:secret@db.example:5432/coop (or unset it to keep state in DATA_DIR).',
    );
  }
  const milliseconds = (name: string, fallback: number): number => {
    const parsed = parseInteger(value(name), fallback);
    if (parsed === undefined || parsed < 100 || parsed > 600_000) {
      problems.push(
        `${name} must be a whole number of milliseconds from 100 to 600000 (default ${fallback}).`,
      );
      return fallback;
    }
    return parsed;
  };
  const slackTimeoutMs = milliseconds('SLACK_TIMEOUT_MS', 10_000);
  const shutdownTimeoutMs = milliseconds('SHUTDOWN_TIMEOUT_MS', 10_000);
  const logFormat = (value('LOG_FORMAT') ?? 'text').toLowerCase();
  if (logFormat !== 'text' && logFormat !== 'json') {
    problems.push('LOG_FORMAT must be text or json (default text).');
  }
  return {
    databaseUrl,
    slackTimeoutMs,
    shutdownTimeoutMs,
    logFormat: logFormat === 'json' ? 'json' : 'text',
  };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function parseInteger(raw: string | undefined, fallback: number): number | undefined {
  if (raw === undefined) return fallback;
  return /^\d+$/.test(raw) ? Number(raw) : undefined;
}
