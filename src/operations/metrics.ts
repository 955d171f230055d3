import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * What `/metrics` serves, in Prometheus text: questions and their latency, Web API calls and errors,
 * the inbox's deduplicated, replayed and dropped deliveries, the index size and the last digest, and
 * Node's own process metrics (memory, CPU, event-loop delay).
 * Each process has its own registry; a load balancer's scrape of each replica adds them up.
 */
export class CoopMetrics {
  readonly registry = new Registry();
  /** Questions by surface (`slack`, `console`) and whether they were answered. */
  readonly questions = new Counter({
    name: 'coop_questions_total',
    help: 'Questions asked, by surface and whether the documents answered them',
    labelNames: ['surface', 'answered'] as const,
    registers: [this.registry],
  });
  /** Seconds from a question reaching coop to its answer being delivered. */
  readonly answerSeconds = new Histogram({
    name: 'coop_answer_seconds',
    help: 'Seconds from receiving a question to delivering its answer',
    labelNames: ['surface'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly slackCalls = new Counter({
    name: 'coop_slack_api_calls_total',
    help: 'Slack Web API and response_url calls, by method',
    labelNames: ['method'] as const,
    registers: [this.registry],
  });
  readonly slackErrors = new Counter({
    name: 'coop_slack_api_errors_total',
    help: 'Slack Web API and response_url calls that failed (error status, timeout, broken connection), by method',
    labelNames: ['method'] as const,
    registers: [this.registry],
  });
  readonly deduplicated = new Counter({
    name: 'coop_inbox_deduplicated_total',
    help: 'Deliveries from Slack recognised as already received (retries) and not handled again',
    registers: [this.registry],
  });
  readonly replayed = new Counter({
    name: 'coop_inbox_replayed_total',
    help: 'Deliveries received but left unanswered (crash, Slack unreachable) and handled from the inbox',
    registers: [this.registry],
  });
  readonly dropped = new Counter({
    name: 'coop_inbox_dropped_total',
    help: 'Unanswered deliveries found older than ten minutes and dropped with a log line',
    registers: [this.registry],
  });
  /** Read at each scrape from {@link CoopMetrics.countPassagesWith}. */
  readonly indexPassages: Gauge;
  private passageCount: () => number = () => 0;
  readonly lastDigest = new Gauge({
    name: 'coop_last_digest_timestamp_seconds',
    help: 'When this process last posted the digest, in seconds since the epoch',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const metrics = this;
    this.indexPassages = new Gauge({
      name: 'coop_index_passages',
      help: 'Passages in the live index',
      registers: [this.registry],
      collect() {
        this.set(metrics.passageCount());
      },
    });
  }

  /** Where the index-passages gauge reads its value at each scrape. */
  countPassagesWith(count: () => number): void {
    this.passageCount = count;
  }

  /** Counts one Slack call; used as the observer of the timed fetch. */
  readonly observeSlackCall = (method: string, failed: boolean): void => {
    this.slackCalls.inc({ method });
    if (failed) this.slackErrors.inc({ method });
  };

  /** The metrics in Prometheus text exposition format. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  /** The content type of {@link CoopMetrics.text}. */
  get contentType(): string {
    return this.registry.contentType;
  }
}
