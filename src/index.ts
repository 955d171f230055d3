import { config as loadDotenv } from 'dotenv';
import { loadEngine } from './answer/engine';
import { ConfigError, loadConfig } from './config/config';
import { runConsole } from './console/console';
import { createLogger } from './logging/logger';
import { QuestionLog } from './question-log/question-log';
import { createSlackApp } from './slack/app';

/** Wires the bot: configuration, logger, engine, question log, then Slack or the offline console. */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  process.on('unhandledRejection', (reason) => logger.error('Unhandled rejection', reason));

  const engine = await loadEngine(config.corpusDir, { logger });
  const questionLog = new QuestionLog({ dir: config.dataDir, maxBytes: config.questionLogMaxBytes, logger });

  if (config.slack.kind === 'console') {
    await runConsole(
      { engine, questionLog, logger },
      { input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true },
    );
    return;
  }
  const slack = createSlackApp(config, { engine, questionLog, logger });
  await slack.start();
  const shutdown = () => {
    slack.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('Stopping cleanly failed', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
