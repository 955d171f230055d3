import { CoopMetrics } from '../../src/operations/metrics';

describe('the metrics a scrape reads', () => {
  it('count questions, Slack calls and failures, the inbox, the index and the last digest', async () => {
    const metrics = new CoopMetrics();
    let passages = 55;
    metrics.countPassagesWith(() => passages);
    metrics.questions.inc({ surface: 'console', answered: 'false' });
    metrics.answerSeconds.observe({ surface: 'slack' }, 0.2);
    metrics.observeSlackCall('chat.postMessage', false);
    metrics.observeSlackCall('chat.postMessage', true);
    metrics.observeSlackCall('conversations.replies', false);
    metrics.deduplicated.inc();
    metrics.replayed.inc(2);
    metrics.dropped.inc(3);
    metrics.lastDigest.set(1_795_000_000);
    const text = await metrics.text();
    expect(text).toMatch(/^coop_questions_total\{surface="console",answered="false"\} 1$/m);
    expect(text).toMatch(/^coop_answer_seconds_count\{surface="slack"\} 1$/m);
    expect(text).toMatch(/^coop_slack_api_calls_total\{method="chat\.postMessage"\} 2$/m);
    expect(text).toMatch(/^coop_slack_api_calls_total\{method="conversations\.replies"\} 1$/m);
    // Only the failed call counts as an error.
    expect(text).toMatch(/^coop_slack_api_errors_total\{method="chat\.postMessage"\} 1$/m);
    expect(text).not.toMatch(/^coop_slack_api_errors_total\{method="conversations\.replies"\}/m);
    expect(text).toMatch(/^coop_inbox_deduplicated_total 1$/m);
    expect(text).toMatch(/^coop_inbox_replayed_total 2$/m);
    expect(text).toMatch(/^coop_inbox_dropped_total 3$/m);
    expect(text).toMatch(/^coop_index_passages 55$/m);
    expect(text).toMatch(/^coop_last_digest_timestamp_seconds 1795000000$/m);
    // Node's own process metrics come with them.
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    // The index gauge is read at each scrape, so a reload shows at the next one.
    passages = 80;
    expect(await metrics.text()).toMatch(/^coop_index_passages 80$/m);
  });

  it('of one process are its own: two bots in one process do not add up', async () => {
    const first = new CoopMetrics();
    const second = new CoopMetrics();
    first.dropped.inc();
    expect(await second.text()).toMatch(/^coop_inbox_dropped_total 0$/m);
  });
});
