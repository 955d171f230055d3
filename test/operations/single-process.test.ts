import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QUESTION_LOG_FILE } from '../../src/question-log/question-log';
import { CoopProcess } from '../support/coop-process';
import { FakeSlackApi } from '../support/fake-slack-api';
import {
  BOT_TOKEN,
  eventBody,
  mentionEvent,
  type Reply,
  SIGNING_SECRET,
  sendSigned,
} from '../support/slack-request';
import { waitFor } from '../support/wait-for';

/**
 * coop as `npm start` runs it, one process with its DATA_DIR and no database, against a fake Slack Web
 * API on 127.0.0.1: a crash mid-burst loses nothing, and SIGTERM stops within its bound.
 */

let api: FakeSlackApi;
let dataDir: string;
const running: CoopProcess[] = [];

beforeEach(async () => {
  api = await FakeSlackApi.start();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'coop-process-'));
});

afterEach(async () => {
  for (const coop of running.splice(0)) await coop.stop('SIGKILL');
  await api.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function startCoop(env: Record<string, string> = {}): Promise<CoopProcess> {
  const coop = await CoopProcess.start({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.url,
    DATA_DIR: dataDir,
    ...env,
  });
  running.push(coop);
  return coop;
}

/** Delivers a mention, resolving with Slack's view: acked (200) or not (an error, a status, no answer). */
async function deliver(port: number, index: number): Promise<{ ts: string; acked: boolean }> {
  const ts = `1700000000.${String(index).padStart(6, '0')}`;
  let reply: Reply | undefined;
  try {
    reply = await sendSigned(
      port,
      eventBody(mentionEvent('who launched TSI', ts), `EvBURST${index}`),
      'application/json',
      {
        timeoutMs: 3000,
      },
    );
  } catch {
    reply = undefined;
  }
  return { ts, acked: reply?.status === 200 };
}

it('answers every acked event after SIGKILL during a burst and a restart, none twice', async () => {
  // Slow answers, so the kill lands with many acked but not yet answered.
  api.faults.set('chat.postMessage', { delayMs: 150 });
  const first = await startCoop();
  // Slack sends the burst; coop is killed once 40 events are acked, with more arriving.
  let ackedSoFar = 0;
  const deliveries: Array<Promise<{ ts: string; acked: boolean }>> = [];
  for (let i = 1; i <= 120; i++) {
    deliveries.push(
      deliver(first.port, i).then((result) => {
        if (result.acked && ++ackedSoFar === 40) first.child.kill('SIGKILL');
        return result;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const results = await Promise.all(deliveries);
  await first.stop('SIGKILL');
  const acked = results.filter((result) => result.acked).map((result) => result.ts);
  const answeredBeforeRestart = api.answersByThread().size;
  expect(acked.length).toBeGreaterThanOrEqual(40);
  expect(answeredBeforeRestart).toBeLessThan(acked.length);

  api.faults.delete('chat.postMessage');
  const second = await startCoop();
  const threads = () => api.answersByThread();
  await waitFor(() => acked.every((ts) => threads().has(`C0GENERAL:${ts}`)), 15_000);
  await second.stop('SIGTERM');

  const unanswered = acked.filter((ts) => !threads().has(`C0GENERAL:${ts}`));
  expect(unanswered).toEqual([]);
  const doubled = [...threads()].filter(([, answers]) => answers.length > 1).map(([thread]) => thread);
  expect(doubled).toEqual([]);
  expect(second.log).toMatch(/inbox: answering event:EvBURST/);
}, 60_000);

it('writes the index a first start built once it listens, and starts from it the next time', async () => {
  // Signing in is slow, so that a snapshot written from the moment the index was built would be done first.
  api.faults.set('auth.test', { delayMs: 1000 });
  const first = await startCoop();
  // Its log up to listening: the index was built, and its snapshot not yet written.
  expect(first.log).toMatch(/listening for Slack/);
  expect(first.log).not.toMatch(/snapshot saved/);
  await waitFor(() => /passages built; snapshot saved/.test(first.log), 15_000);
  await first.stop('SIGTERM');

  api.faults.delete('auth.test');
  const second = await startCoop();
  expect(second.log).toMatch(/passages loaded from the last snapshot/);
  expect(second.log).not.toMatch(/passages built/);
}, 60_000);

it('exits 0 within its shutdown bound on SIGTERM while a Slack call is stuck', async () => {
  api.faults.set('chat.postMessage', { hang: true });
  const coop = await startCoop({ SHUTDOWN_TIMEOUT_MS: '1500', SLACK_TIMEOUT_MS: '60000' });
  const delivered = await deliver(coop.port, 1);
  expect(delivered.acked).toBe(true);
  await waitFor(() => api.callCount('chat.postMessage') > 0, 5000);
  expect(api.callCount('chat.postMessage')).toBe(1);

  const started = Date.now();
  const code = await coop.stop('SIGTERM');
  expect(code).toBe(0);
  expect(Date.now() - started).toBeLessThan(4000);
  expect(coop.log).toMatch(/still running after 1500 ms/);
}, 30_000);

it('serves /readyz and /metrics that reflect the questions answered', async () => {
  const coop = await startCoop();
  const ready = await sendSigned(coop.port, '', 'text/plain', {
    method: 'GET',
    path: '/readyz',
    signature: null,
  });
  expect(ready).toEqual({ status: 200, body: 'ready\n' });
  for (let i = 1; i <= 3; i++) expect((await deliver(coop.port, i)).acked).toBe(true);
  await waitFor(() => api.answersByThread().size === 3, 5000);
  // A retry of an answered event is deduplicated.
  await deliver(coop.port, 1);

  const metrics = await sendSigned(coop.port, '', 'text/plain', {
    method: 'GET',
    path: '/metrics',
    signature: null,
  });
  expect(metrics.status).toBe(200);
  expect(metrics.body).toMatch(/coop_questions_total\{surface="slack",answered="true"\} 3/);
  expect(metrics.body).toMatch(/coop_answer_seconds_count\{surface="slack"\} 3/);
  expect(metrics.body).toMatch(/coop_slack_api_calls_total\{method="chat.postMessage"\} 3/);
  expect(metrics.body).toMatch(/coop_inbox_deduplicated_total 1/);
  expect(metrics.body).toMatch(/coop_index_passages [1-9]\d*/);

  api.faults.set('auth.test', { status: 503 });
  await coop.stop('SIGTERM');
  const down = await startCoop();
  const notReady = await sendSigned(down.port, '', 'text/plain', {
    method: 'GET',
    path: '/readyz',
    signature: null,
  });
  expect(notReady.status).toBe(503);
  expect(notReady.body).toMatch(/Slack unreachable/);
}, 60_000);

it('exits at once, naming DATABASE_URL, when the database cannot be reached at startup', async () => {
  const starting = startCoop({ DATABASE_URL: 'postgres://coop:hunter2@127.0.0.1:1/coop' });
  await expect(starting).rejects.toThrow(/exited with 1 before listening/);
  await expect(starting).rejects.toThrow(/DATABASE_URL \(127\.0\.0\.1:1\/coop\)/);
  await expect(starting).rejects.not.toThrow(/hunter2/);
}, 30_000);

it('warms up once listening, posting and logging nothing but how many questions it asked', async () => {
  const coop = await startCoop({ LOG_LEVEL: 'debug' });
  expect(await waitFor(() => /warm-up: \d+ questions answered/.test(coop.log), 20_000)).toBe(true);
  const [, asked] = /warm-up: (\d+) questions answered/.exec(coop.log) ?? [];
  expect(Number(asked)).toBeGreaterThan(20);
  expect(api.callCount('chat.postMessage')).toBe(0);
  expect(api.messages).toEqual([]);
  // Nor is any of it in the question log, which the digest reads.
  expect(existsSync(path.join(dataDir, QUESTION_LOG_FILE))).toBe(false);
}, 40_000);
