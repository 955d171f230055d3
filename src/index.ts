import { config as loadDotenv } from 'dotenv';
import { englishTagger } from './analysis/lexicon';
import { LiveEngine } from './answer/live-engine';
import { ConfigError, loadConfig } from './config/config';
import { runConsole } from './console/console';
import { createDigestTextPreview } from './digest/digest-preview';
import { createLogger } from './logging/logger';
import { CoopMetrics } from './operations/metrics';
import { operationsRoutes } from './operations/routes';
import { stopWithin } from './operations/shutdown';
import { QuestionLog } from './question-log/question-log';
import { collectAfterLoading } from './search/heap-growth';
import { createSlackApp } from './slack/app';
import { createDigestPreview, createSlackDigest } from './slack/digest/slack-digest';
import { openStore } from './store/open-store';

/**
 * Wires the bot: configuration, logger, the live engine (reloading as the corpus changes), the store
 * (`DATA_DIR` files, or PostgreSQL with `DATABASE_URL`), then Slack with its daily digest, readiness and
 * metrics, or the offline console.
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
  const logger = createLogger(config.logLevel, process.stderr, config.operations.logFormat);
  process.on('unhandledRejection', (reason) => logger.error('Unhandled rejection', reason));

  // Slack's store opens (its inbox rewritten and synced to disk) while the index loads.
  const storeOpening = config.slack.kind === 'console' ? undefined : openStore(config, logger);
  // Awaited once the index is loaded; until then, a failure must not count as unhandled.
  storeOpening?.catch(() => undefined);
  // Without a snapshot to start from, the one built is written once the bot listens (see LiveEngine.open).
  let listened = () => {};
  const listening = new Promise<void>((resolve) => {
    listened = resolve;
  });
  const engine = await LiveEngine.open(config.corpusDir, {
    logger,
    snapshotDir: config.dataDir,
    watch: { rescanMs: config.corpusRescanSeconds * 1000 },
    reading: config.reading,
    // In Slack, listening soon matters more than the first seconds' answers reflecting edits made while
    // the bot was down; the console's one-off questions wait for the corpus as it is.
    fromLastSnapshot: config.slack.kind !== 'console',
    saveSnapshotWhen: listening,
  });

  if (config.slack.kind === 'console') {
    collectAfterLoading();
    const questionLog = new QuestionLog({
      dir: config.dataDir,
      maxBytes: config.questionLogMaxBytes,
      logger,
    });
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
  const store = await (storeOpening ?? openStore(config, logger));
  const { questionLog } = store;
  const metrics = new CoopMetrics();
  const passages = () => engine.documents().reduce((sum, doc) => sum + doc.passageCount, 0);
  metrics.countPassagesWith(passages);
  const digest = createSlackDigest(
    config,
    {
      engine,
      questionLog,
      logger,
      lock: store.digestLock,
      onPosted: () => metrics.lastDigest.setToCurrentTime(),
    },
    { observeCall: metrics.observeSlackCall },
  );
  // Without DIGEST_CHANNEL nothing is posted, but `/coop digest` still previews what a digest would say.
  const previewDigest = digest?.previewDigest ?? createDigestPreview({ engine, questionLog, logger });
  const routes = operationsRoutes(
    [
      () => (passages() > 0 ? undefined : 'index has no passages: CORPUS_DIR holds no readable document'),
      () => slack.connection.problem(),
      () => store.problem(),
    ],
    metrics,
  );
  const slack = createSlackApp(config, {
    engine,
    questionLog,
    inbox: store.inbox,
    logger,
    metrics,
    previewDigest,
    routes,
  });
  await slack.start();
  listened();
  // Not needed to listen: what loading the index left is collected once listening, the part-of-speech
  // tagger made rather than by the first question, then the answering code warmed up until somebody asks.
  collectAfterLoading();
  setImmediate(englishTagger);
  void engine.warmUp();
  digest?.scheduler.start();
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(
      `${signal}: stopping; finishing answers in flight for up to ${config.operations.shutdownTimeoutMs} ms`,
    );
    digest?.scheduler.stop();
    engine.close();
    void stopWithin(
      config.operations.shutdownTimeoutMs,
      // A snapshot still being written after a first start is finished, not left half-written.
      [() => slack.stop(), () => store.close(), () => engine.untilSaved()],
      logger,
    ).then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
