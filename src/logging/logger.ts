/** Minimal levelled logger shared by every part of the bot (Bolt's own logger has the same shape). */
export interface Logger {
  debug(...messages: unknown[]): void;
  info(...messages: unknown[]): void;
  warn(...messages: unknown[]): void;
  error(...messages: unknown[]): void;
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

/** Slack tokens (`xoxb-…`, `xapp-…`), however they got into a message, are never written out. */
const TOKEN_PATTERN = /\b(xox[abposre]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+)\b/g;
/** Nor is a run of 32 or more hex digits: the shape of signing secrets, client secrets and API keys. */
const HEX_SECRET_PATTERN = /\b[0-9a-f]{32,}\b/gi;

/**
 * Replaces anything that looks like a secret with a placeholder: Slack tokens keep their kind
 * (`xoxb-[redacted]`), hex secrets become `[redacted]`. Applied to every log line, to questions before
 * coop stores them or posts them back (question log, message metadata, buttons), and to echoed text.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(TOKEN_PATTERN, (token) => `${token.slice(0, 5)}[redacted]`)
    .replace(HEX_SECRET_PATTERN, '[redacted]');
}

/** Log messages as one line of text, secrets redacted: an error as its stack, other objects as JSON. */
export function renderMessages(messages: unknown[]): string {
  return messages.map(render).join(' ');
}

function render(message: unknown): string {
  if (message instanceof Error) return redactSecrets(message.stack ?? message.message);
  if (typeof message === 'string') return redactSecrets(message);
  try {
    return redactSecrets(JSON.stringify(message));
  } catch {
    return String(message);
  }
}

/**
 * A logger writing to stderr at `level` and above. `text` (the default) writes a timestamp, the level and
 * the message on each line; `json` writes one object a line (`time`, `level`, `msg`), for log
 * collectors. `stream` is injectable for tests.
 */
export function createLogger(
  level: Level = 'info',
  stream: { write(line: string): unknown } = process.stderr,
  format: 'text' | 'json' = 'text',
): Logger {
  const threshold = LEVELS.indexOf(level);
  const write =
    (at: Level) =>
    (...messages: unknown[]) => {
      if (LEVELS.indexOf(at) < threshold) return;
      const time = new Date().toISOString();
      const text = renderMessages(messages);
      stream.write(
        format === 'json'
          ? `${JSON.stringify({ time, level: at, msg: text })}\n`
          : `${time} ${at.toUpperCase()} ${text}\n`,
      );
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** A logger that drops everything, for tests and benchmarks. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
