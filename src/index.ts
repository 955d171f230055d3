import { config as loadDotenv } from 'dotenv';
import { LiveEngine } from './answer/live-engine';
import { ConfigError, loadConfig } from './config/config';
import { runConsole } from './console/console';
import { createDigestTextPreview } from './digest/digest-preview';
import { createLogger } from './logging/logger';
import { QuestionLog } from './question-log/question-log';
import { createSlackApp } from './slack/app';
import { createDigestPreview, createSlackDigest } from './slack/digest/slack-digest';

/**
 * Wires the bot: configuration, logger, the live engine (reloading as the corpus changes), question log,
 * then Slack with its daily digest, or the offline console.
 */
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

  const engine = await LiveEngine.open(config.corpusDir, {
    logger,
    snapshotDir: config.dataDir,
    watch: { rescanMs: config.corpusRescanSeconds * 1000 },
    reading: config.reading,
  });
  const questionLog = new QuestionLog({ dir: config.dataDir, maxBytes: config.questionLogMaxBytes, logger });

  if (config.slack.kind === 'console') {
    const digestText = createDigestTextPreview({
      engine,
      questionLog,
      cron: config.digest?.cron,
      timeZone: config.digest?.timeZone,
      logger,
    });
    await runConsole(
      { engine, questionLog, logger, digestText },
      { input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true },
    );
    engine.close();
    return;
  }
  const digest = createSlackDigest(config, { engine, questionLog, logger });
  // Without DIGEST_CHANNEL nothing is posted, but `/coop digest` still previews what a digest would say.
  const previewDigest = digest?.previewDigest ?? createDigestPreview({ engine, questionLog, logger });
  const slack = createSlackApp(config, { engine, questionLog, logger, previewDigest });
  await slack.start();
  digest?.scheduler.start();
  const shutdown = () => {
    digest?.scheduler.stop();
    engine.close();
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
