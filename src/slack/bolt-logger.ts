import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';

const LEVELS: Record<Config['logLevel'], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

/**
 * Bolt's logger interface over the bot's own, so Bolt, the Web API client and the Socket Mode client
 * write through the same redacting logger. The level is fixed at startup; Bolt's calls to change it
 * are ignored.
 */
export function toBoltLogger(logger: Logger, level: Config['logLevel']): BoltLogger {
  return {
    debug: (...messages) => logger.debug(...messages),
    info: (...messages) => logger.info(...messages),
    warn: (...messages) => logger.warn(...messages),
    error: (...messages) => logger.error(...messages),
    setLevel: () => {},
    getLevel: () => LEVELS[level],
    setName: () => {},
  };
}
