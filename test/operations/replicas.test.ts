import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { CoopProcess } from '../support/coop-process';
import { FakeSlackApi } from '../support/fake-slack-api';
import { PostgresServer } from '../support/postgres';
import { RoundRobinProxy } from '../support/round-robin-proxy';
import {
  BOT_TOKEN,
  eventBody,
  mentionEvent,
  retryHeaders,
  SIGNING_SECRET,
  sendSigned,
} from '../support/slack-request';
import { waitFor } from '../support/wait-for';

/**
 * Two coop processes on one PostgreSQL, behind a round-robin proxy, against a fake Slack Web API: what
 * a team running replicas behind a load balancer sees.
 */

let postgres: PostgresServer;
let api: FakeSlackApi;
let proxy: RoundRobinProxy | undefined;
let databaseUrl: string;
let database = 0;
const running: CoopProcess[] = [];
const dataDirs: string[] = [];

beforeAll(async () => {
  postgres = await PostgresServer.start();
}, 60_000);

afterAll(async () => {
  await postgres?.close();
});

beforeEach(async () => {
  api = await FakeSlackApi.start();
  // A database of its own for each test.
  const name = `replicas_${++database}`;
  const admin = new Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgres.url);
  url.pathname = `/${name}`;
  databaseUrl = url.href;
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((coop) => coop.stop('SIGKILL')));
  await proxy?.close();
  proxy = undefined;
  await api.close();
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function startReplica(env: Record<string, string> = {}): Promise<CoopProcess> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'coop-replica-'));
  dataDirs.push(dataDir);
  return CoopProcess.start({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.url,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    ...env,
  }).then((coop) => {
    running.push(coop);
    return coop;
  });
}

async function startPair(env: Record<string, string> = {}): Promise<[CoopProcess, CoopProcess]> {
  const pair = await Promise.all([startReplica(env), startReplica(env)]);
  proxy = await RoundRobinProxy.start(pair.map((coop) => coop.port));
  return pair;
}

const tsOf = (index: number) => `1700000000.${String(index).padStart(6, '0')}`;

/**
 * Delivers mention `index` through the proxy as Slack does: when the delivery is not acked (an error,
 * a 5xx), it is retried with `X-Slack-Retry-Num`, up to three times. Resolves with whether it was acked.
 */
async function deliver(
  index: number,
  options: { retryNum?: number; eventId?: string } = {},
): Promise<boolean> {
  const body = eventBody(
    mentionEvent('who launched TSI', tsOf(index)),
    options.eventId ?? `EvREPLICA${index}`,
  );
  for (let retry = options.retryNum; (retry ?? 0) <= 3; retry = (retry ?? 0) + 1) {
    try {
      const reply = await sendSigned(proxy?.port ?? 0, body, 'application/json', {
        headers: retryHeaders(retry),
        // Longer than Slack's three seconds: a loaded test machine must not turn a slow ack into a lost one.
        timeoutMs: 8000,
      });
      if (reply.status === 200) return true;
    } catch {
      // Not acked: Slack retries.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

function unansweredAndDoubled(indexes: number[]): { unanswered: number[]; doubled: number[] } {
  const threads = api.answersByThread();
  const answers = (index: number) => threads.get(`C0GENERAL:${tsOf(index)}`)?.length ?? 0;
  return {
    unanswered: indexes.filter((index) => answers(index) === 0),
    doubled: indexes.filter((index) => answers(index) > 1),
  };
}

async function questionRows(): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      "SELECT count(*) FROM coop_question_log WHERE kind = 'question'",
    );
    return Number(rows[0]?.count);
  } finally {
    await client.end();
  }
}

it('answers a retry that reaches the other replica once, a retry never delivered before, and 200 mentions once each', async () => {
  await startPair();
  expect(await deliver(1)).toBe(true);
  // The round robin sends Slack's retry of the same event to the other replica.
  expect(await deliver(1, { retryNum: 1 })).toBe(true);
  // A retry whose first delivery never arrived.
  expect(await deliver(2, { retryNum: 1 })).toBe(true);
  await waitFor(() => unansweredAndDoubled([1, 2]).unanswered.length === 0, 10_000);
  expect(unansweredAndDoubled([1, 2])).toEqual({ unanswered: [], doubled: [] });

  const burst = Array.from({ length: 200 }, (_, i) => i + 100);
  for (let i = 0; i < burst.length; i += 25) {
    const acked = await Promise.all(burst.slice(i, i + 25).map((index) => deliver(index)));
    expect(acked.every(Boolean)).toBe(true);
  }
  await waitFor(() => unansweredAndDoubled(burst).unanswered.length === 0, 30_000);
  expect(unansweredAndDoubled(burst)).toEqual({ unanswered: [], doubled: [] });
  expect(api.answersByThread().size).toBe(202);
}, 90_000);

it("posts one digest counting both replicas' questions when both schedulers race", async () => {
  const pair = await startPair();
  const asked = Array.from({ length: 6 }, (_, i) => i + 1);
  expect((await Promise.all(asked.map((index) => deliver(index)))).every(Boolean)).toBe(true);
  await waitFor(() => unansweredAndDoubled(asked).unanswered.length === 0, 10_000);
  // Both replicas answered some of the questions.
  expect(pair.every((coop) => /Answered a question/.test(coop.log))).toBe(true);
  await Promise.all(pair.map((coop) => coop.stop('SIGTERM')));

  // Daily at midnight: the time has passed, so both post at startup, at the same moment.
  const digestEnv = { DIGEST_CHANNEL: 'C0DIGEST1', DIGEST_CRON: '0 0 0 * * *' };
  const racers = await Promise.all([startReplica(digestEnv), startReplica(digestEnv)]);
  const digests = () => api.messages.filter((message) => message.channel === 'C0DIGEST1');
  await waitFor(
    () => racers.every((coop) => /digest: (posted|another replica holds)/.test(coop.log)),
    20_000,
  );
  expect(digests()).toHaveLength(1);
  expect(api.callCount('chat.delete')).toBe(0);
  expect(digests()[0]?.text).toMatch(/6 questions/);
}, 90_000);

it('answers every acked event after SIGKILL of one replica during a burst', async () => {
  const [doomed] = await startPair();
  api.faults.set('chat.postMessage', { delayMs: 100 });
  // The burst's first half: the kill lands once 30 are acked, with answers still being posted.
  let ackedSoFar = 0;
  const firstHalf = Array.from({ length: 50 }, (_, i) => i + 1);
  const before = await Promise.all(
    firstHalf.map(async (index) => {
      await new Promise((resolve) => setTimeout(resolve, index * 8));
      const acked = await deliver(index);
      if (acked && ++ackedSoFar === 30) doomed.child.kill('SIGKILL');
      return acked;
    }),
  );
  await doomed.stop('SIGKILL');
  // The second half arrives with one replica dead.
  const secondHalf = Array.from({ length: 50 }, (_, i) => i + 51);
  const after = await Promise.all(secondHalf.map((index) => deliver(index)));
  api.faults.delete('chat.postMessage');
  // Deliveries cut off inside the dead replica on every try were never acked; Slack gives up on those.
  const acked = [...firstHalf, ...secondHalf].filter((_, i) => [...before, ...after][i]);
  expect(acked.length).toBeGreaterThanOrEqual(70);

  // The killed replica comes back on a new port; orphans go to whichever replica claims them first.
  const restarted = await startReplica();
  if (proxy) proxy.backends = [proxy.backends[1] ?? 0, restarted.port];
  await waitFor(() => unansweredAndDoubled(acked).unanswered.length === 0, 40_000);
  expect(unansweredAndDoubled(acked)).toEqual({ unanswered: [], doubled: [] });
  // Some were acked by the killed replica and answered from the inbox by another.
  expect(running.some((coop) => /inbox: answering event:EvREPLICA/.test(coop.log))).toBe(true);
}, 120_000);

it('answers on while the database stops and restarts during a burst, and the buffered records arrive', async () => {
  const pair = await startPair();
  const delivered = (indexes: number[]) =>
    Promise.all(
      indexes.map(async (index) => {
        await new Promise((resolve) => setTimeout(resolve, (index % 20) * 25));
        return deliver(index);
      }),
    );
  // The burst's first third with the database up, the rest while it is stopped.
  const firstThird = Array.from({ length: 20 }, (_, i) => i + 1);
  const stopped = delivered(firstThird).then(async (acked) => {
    await postgres.stop();
    return acked;
  });
  const rest = Array.from({ length: 40 }, (_, i) => i + 21);
  const results = [...(await stopped), ...(await delivered(rest))];
  const burst = [...firstThird, ...rest];
  expect(results.every(Boolean)).toBe(true);
  await waitFor(() => unansweredAndDoubled(burst).unanswered.length === 0, 20_000);
  expect(unansweredAndDoubled(burst)).toEqual({ unanswered: [], doubled: [] });
  expect(pair.some((coop) => /database unreachable/.test(coop.log))).toBe(true);
  const readiness = await sendSigned(pair[0].port, '', 'text/plain', {
    method: 'GET',
    path: '/readyz',
    signature: null,
  });
  expect(readiness.status).toBe(503);
  expect(readiness.body).toMatch(/database unreachable/);

  await postgres.restart();
  await waitFor(async () => (await questionRows().catch(() => 0)) === 60, 20_000);
  expect(await questionRows()).toBe(60);
  expect(pair.some((coop) => /database is back; wrote \d+ buffered record/.test(coop.log))).toBe(true);
}, 120_000);
