import { Client } from 'pg';
import { silentLogger } from '../../src/logging/logger';
import type { QuestionEvent } from '../../src/question-log/types';
import { DatabaseStartError, openPostgresStore, type PostgresStore } from '../../src/store/postgres-store';
import { recordingLogger } from '../logging/recording-logger';
import { PostgresServer } from '../support/postgres';
import { TcpProxy } from '../support/tcp-proxy';
import { waitFor } from '../support/wait-for';

let server: PostgresServer;
const opened: PostgresStore[] = [];

beforeAll(async () => {
  server = await PostgresServer.start();
}, 60_000);

afterAll(async () => {
  await server?.close();
});

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  const client = new Client({ connectionString: server.url });
  await client.connect();
  await client.query(
    'DROP TABLE IF EXISTS coop_inbox, coop_replicas, coop_question_log, coop_digest_lock, coop_schema',
  );
  await client.end();
});

/** Runs one statement on the test database, as an operator with psql would. */
async function sql(text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: server.url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Makes a replica look dead to the others: its heartbeat stopped a minute ago. */
const stopHeartbeat = (replicaId: string) =>
  sql("UPDATE coop_replicas SET seen_at = now() - interval '1 minute' WHERE id = $1", [replicaId]);

async function open(
  options: { replicaId?: string; logger?: ReturnType<typeof recordingLogger>; maxBuffered?: number } = {},
): Promise<PostgresStore> {
  const store = await openPostgresStore({
    connectionString: server.url,
    logger: options.logger ?? silentLogger,
    replicaId: options.replicaId,
    maxBuffered: options.maxBuffered,
  });
  opened.push(store);
  return store;
}

const question = (questionId: string, at: string): QuestionEvent => ({
  kind: 'question',
  questionId,
  at,
  surface: 'slack',
  user: 'U0ASKER',
  channel: 'C0GENERAL',
  question: 'who launched TSI',
  followUp: false,
  answered: true,
  sources: ['001.txt'],
});

describe('PostgresStore', () => {
  it('migrates once when replicas start together', async () => {
    const stores = await Promise.all([open(), open(), open()]);
    expect(stores).toHaveLength(3);
    const client = new Client({ connectionString: server.url });
    await client.connect();
    const { rows } = await client.query('SELECT version FROM coop_schema');
    await client.end();
    expect(rows).toEqual([{ version: 1 }]);
  });

  it('deduplicates a delivery across replicas: only the first to receive it handles it', async () => {
    const [a, b] = await Promise.all([open({ replicaId: 'a' }), open({ replicaId: 'b' })]);
    const delivery = { key: 'event:Ev1', body: { event_id: 'Ev1' }, receivedAt: Date.now() };
    const results = await Promise.all([a.receive(delivery), b.receive(delivery)]);
    expect(results.sort()).toEqual([false, true]);
    // Admitted as the app takes deliveries: the row is written by the time admission answers.
    const again = { ...delivery, key: 'event:Ev2' };
    const admissions = await Promise.all([a.admit(again), b.admit(again)]);
    expect(admissions.map((admission) => admission.fresh).sort()).toEqual([false, true]);
    const c = await open({ replicaId: 'c' });
    expect(await c.receive(again)).toBe(false);
  });

  it("hands a dead replica's unanswered deliveries to a live one, and a live one's to nobody", async () => {
    const [a, b] = await Promise.all([open({ replicaId: 'a' }), open({ replicaId: 'b' })]);
    await a.receive({ key: 'event:orphan', body: { n: 1 }, receivedAt: Date.now() });
    await b.receive({ key: 'event:alive', body: { n: 2 }, receivedAt: Date.now() });
    expect(await b.claimUnanswered()).toEqual([]);

    // Replica a dies: its heartbeat stops.
    const client = new Client({ connectionString: server.url });
    await client.connect();
    await client.query("UPDATE coop_replicas SET seen_at = now() - interval '1 minute' WHERE id = 'a'");
    await client.end();
    const claimed = await b.claimUnanswered();
    expect(claimed.map((entry) => [entry.key, entry.body])).toEqual([['event:orphan', { n: 1 }]]);
    await b.complete('event:orphan');
    expect(await b.claimUnanswered()).toEqual([]);
  });

  it('keeps the question log across replicas, recording a replayed question once', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    await a.questionLog.record(question('q-1', '2026-03-02T10:00:00.000Z'));
    await b.questionLog.record(question('q-2', '2026-03-02T11:00:00.000Z'));
    await b.questionLog.record(question('q-2', '2026-03-02T11:00:01.000Z'));
    await a.questionLog.record({
      kind: 'feedback',
      questionId: 'q-1',
      at: '2026-03-02T12:00:00.000Z',
      user: 'U0ASKER',
      rating: 'up',
    });
    const events = await b.questionLog.readSince(new Date('2026-03-02T00:00:00.000Z'));
    expect(events.map((event) => `${event.kind}:${event.questionId}`)).toEqual([
      'question:q-1',
      'question:q-2',
      'feedback:q-1',
    ]);
    expect(events[0]).toEqual(question('q-1', '2026-03-02T10:00:00.000Z'));
  });

  it('gives the digest lock for a channel and day to one replica', async () => {
    const stores = await Promise.all([open(), open(), open()]);
    const results = await Promise.all(stores.map((store) => store.acquire('C0DIGEST', '2026-03-02')));
    expect(results.filter(Boolean)).toHaveLength(1);
    // The holder, retrying after a failed post, takes it again; the others still do not.
    const holder = stores[results.indexOf(true)];
    const other = stores[(results.indexOf(true) + 1) % stores.length];
    expect(await holder?.acquire('C0DIGEST', '2026-03-02')).toBe(true);
    expect(await other?.acquire('C0DIGEST', '2026-03-02')).toBe(false);
    expect(await stores[0]?.acquire('C0DIGEST', '2026-03-03')).toBe(true);
  });

  it('answers on while the database is down, then writes what it buffered', async () => {
    const logger = recordingLogger();
    const store = await open({ logger });
    await server.stop();
    try {
      expect(await store.problem()).toMatch(/database unreachable/);
      const delivery = { key: 'event:during', body: {}, receivedAt: Date.now() };
      expect(await store.receive(delivery)).toBe(true);
      expect(await store.receive(delivery)).toBe(false);
      await store.receive({ key: 'event:also', body: {}, receivedAt: Date.now() });
      await store.questionLog.record(question('q-down', new Date().toISOString()));
      await store.complete('event:during');
    } finally {
      await server.restart();
    }
    expect(logger.lines.filter((line) => /deduplicating in this replica's memory/.test(line))).toHaveLength(
      1,
    );
    const deadline = Date.now() + 10_000;
    let events: Awaited<ReturnType<typeof store.questionLog.readSince>> = [];
    while (Date.now() < deadline) {
      events = await store.questionLog.readSince(new Date(0)).catch(() => []);
      if (events.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(events.map((event) => event.questionId)).toEqual(['q-down']);
    // Another replica knows the key the first saw while the database was away.
    const other = await open();
    expect(await other.receive({ key: 'event:during', body: {}, receivedAt: Date.now() })).toBe(false);
  }, 30_000);

  it('names DATABASE_URL when the database cannot be reached at startup', async () => {
    const url = new URL(server.url);
    url.port = '1';
    const opening = openPostgresStore({ connectionString: url.href, logger: silentLogger });
    await expect(opening).rejects.toBeInstanceOf(DatabaseStartError);
    await expect(opening).rejects.toThrow(/DATABASE_URL \(127\.0\.0\.1:1\/postgres\)/);
    await expect(opening).rejects.not.toThrow(url.password);
    await expect(opening).rejects.toMatchObject({
      name: 'DatabaseStartError',
      code: 'coop_database_unreachable',
      cause: expect.objectContaining({ message: expect.stringContaining('ECONNREFUSED') }),
    });
  });
});

describe('PostgresStore in detail', () => {
  it('names the default port when DATABASE_URL gives none, and an unparsable URL without quoting it', async () => {
    const url = new URL(server.url);
    url.port = '';
    // Nothing listens on 5432 here; the message says where coop looked.
    await expect(openPostgresStore({ connectionString: url.href, logger: silentLogger })).rejects.toThrow(
      /DATABASE_URL \(127\.0\.0\.1:5432\/postgres\)/,
    );
    // An IPv6 host missing its closing bracket: the URL cannot be parsed.
    const unparsable = 'postgres://coop:secret@[::1/postgres';
    const opening = openPostgresStore({ connectionString: unparsable, logger: silentLogger });
    await expect(opening).rejects.toBeInstanceOf(DatabaseStartError);
    await expect(opening).rejects.toThrow(/DATABASE_URL \(unparsable URL\)/);
    await expect(opening).rejects.not.toThrow('secret');
  });

  it('refuses to start when its migrations cannot run, leaving the database as it found it', async () => {
    // Another application's table holds the name of one coop would create.
    await sql('CREATE TABLE coop_inbox (id integer)');
    const opening = openPostgresStore({ connectionString: server.url, logger: silentLogger });
    await expect(opening).rejects.toThrow(/DATABASE_URL .*already exists/);
    expect(await sql("SELECT to_regclass('coop_schema') AS found")).toEqual([{ found: null }]);
  });

  it('hands a handled delivery to nobody, even once the replica that handled it is dead', async () => {
    const [a, b] = await Promise.all([open({ replicaId: 'a' }), open({ replicaId: 'b' })]);
    await a.receive({ key: 'event:answered', body: { n: 1 }, receivedAt: Date.now() });
    await a.receive({ key: 'event:unanswered', body: { n: 2 }, receivedAt: Date.now() });
    await a.complete('event:answered');
    await stopHeartbeat('a');
    expect((await b.claimUnanswered()).map((entry) => entry.key)).toEqual(['event:unanswered']);
    // A handled delivery keeps only its key, for dedupe.
    expect(await sql("SELECT body FROM coop_inbox WHERE key = 'event:answered'")).toEqual([{ body: null }]);
  });

  it('gives back released deliveries oldest first, with their bodies and receipt times', async () => {
    const store = await open();
    const start = Date.now() - 60_000;
    // Received out of order: the table's order is not the receipt order.
    const deliveries = [
      { key: 'event:second', body: { n: 2 }, receivedAt: start + 2000 },
      { key: 'event:third', body: { n: 3 }, receivedAt: start + 3000 },
      { key: 'event:first', body: { n: 1 }, receivedAt: start + 1000 },
    ];
    for (const delivery of deliveries) await store.receive(delivery);
    expect(await store.claimUnanswered()).toEqual([]);
    for (const delivery of deliveries) await store.release(delivery.key);
    expect(await store.claimUnanswered()).toEqual([deliveries[2], deliveries[0], deliveries[1]]);
  });

  it("lets the others take a closed replica's unanswered deliveries at once, and closes without a warning", async () => {
    const logger = recordingLogger();
    const a = await openPostgresStore({ connectionString: server.url, logger, replicaId: 'a' });
    const b = await open({ replicaId: 'b' });
    await a.receive({ key: 'event:left-behind', body: {}, receivedAt: Date.now() });
    await a.close();
    expect((await b.claimUnanswered()).map((entry) => entry.key)).toEqual(['event:left-behind']);
    expect(logger.lines).toEqual([]);
  });

  it('records feedback from each user on each answer', async () => {
    const store = await open();
    const at = '2026-03-02T12:00:00.000Z';
    await store.questionLog.record({ kind: 'feedback', questionId: 'q-1', at, user: 'U0ONE', rating: 'up' });
    await store.questionLog.record({
      kind: 'feedback',
      questionId: 'q-1',
      at,
      user: 'U0TWO',
      rating: 'down',
    });
    await store.questionLog.record({ kind: 'feedback', questionId: 'q-2', at, user: 'U0ONE', rating: 'up' });
    const events = await store.questionLog.readSince(new Date('2026-03-02T00:00:00.000Z'));
    expect(
      events.map((event) => `${event.questionId}:${event.kind === 'feedback' ? event.user : ''}`),
    ).toEqual(['q-1:U0ONE', 'q-1:U0TWO', 'q-2:U0ONE']);
  });

  it('keeps its heartbeat while running, and logs an outage within one heartbeat with no traffic', async () => {
    const logger = recordingLogger();
    const a = await open({ replicaId: 'a', logger });
    const b = await open({ replicaId: 'b' });
    await a.receive({ key: 'event:in-hand', body: {}, receivedAt: Date.now() });
    await stopHeartbeat('a');
    const alive = async () =>
      (
        await sql("SELECT seen_at > now() - interval '5 seconds' AS alive FROM coop_replicas WHERE id = 'a'")
      )[0]?.alive === true;
    expect(await waitFor(alive, 5000)).toBe(true);
    expect(await b.claimUnanswered()).toEqual([]);
    // Nothing was buffered: a heartbeat has nothing to report.
    expect(logger.lines).toEqual([]);

    await server.stop();
    try {
      const logged = () => logger.lines.some((line) => line.startsWith('database unreachable'));
      expect(await waitFor(logged, 5000)).toBe(true);
    } finally {
      await server.restart();
    }
  }, 30_000);

  it('buffers at most maxBuffered records while the database is down, dropping the oldest, and writes them, outage after outage', async () => {
    const logger = recordingLogger();
    const store = await open({ logger, maxBuffered: 2 });
    const written = async (count: number) =>
      (await store.questionLog.readSince(new Date(0)).catch(() => [])).length >= count;

    await server.stop();
    try {
      for (const id of ['q-1', 'q-2', 'q-3'])
        await store.questionLog.record(question(id, new Date().toISOString()));
      // While it is down nothing is handed out to replay, and nothing fails.
      expect(await store.claimUnanswered()).toEqual([]);
    } finally {
      await server.restart();
    }
    expect(await waitFor(() => written(2), 10_000)).toBe(true);
    expect((await store.questionLog.readSince(new Date(0))).map((event) => event.questionId)).toEqual([
      'q-2',
      'q-3',
    ]);
    expect(
      logger.lines.filter((line) => line.startsWith('database: more than 2 records buffered')),
    ).toHaveLength(1);
    expect(logger.lines).toContain('database is back; wrote 2 buffered record(s)');

    // Back to normal: deliveries are written to the database again, and released ones handed out.
    await store.receive({ key: 'event:after', body: {}, receivedAt: Date.now() });
    await store.release('event:after');
    expect((await store.claimUnanswered()).map((entry) => entry.key)).toEqual(['event:after']);

    await server.stop();
    try {
      await store.questionLog.record(question('q-4', new Date().toISOString()));
    } finally {
      await server.restart();
    }
    expect(await waitFor(() => written(3), 10_000)).toBe(true);
    expect(logger.lines.filter((line) => line.startsWith('database unreachable'))).toHaveLength(2);
  }, 60_000);

  it('answers at once while the database hangs, instead of waiting on it, and writes what it kept once it answers', async () => {
    const proxy = await TcpProxy.start(Number(new URL(server.url).port));
    const url = new URL(server.url);
    url.port = String(proxy.port);
    const store = await openPostgresStore({ connectionString: url.href, logger: silentLogger });
    try {
      await store.receive({ key: 'event:before', body: {}, receivedAt: Date.now() });
      // The database goes away; the next write finds out.
      proxy.refuse();
      await store.questionLog.record(question('q-refused', new Date().toISOString()));
      // Now it hangs: a query would wait the full timeout, longer than the 3 s Slack gives an ack.
      proxy.hang();
      const started = Date.now();
      expect(await store.receive({ key: 'event:hung', body: {}, receivedAt: Date.now() })).toBe(true);
      await store.questionLog.record(question('q-hung', new Date().toISOString()));
      await store.release('event:hung');
      await store.release('event:before');
      expect(await store.claimUnanswered()).toEqual([]);
      expect(Date.now() - started).toBeLessThan(1000);

      proxy.forward();
      const written = async () =>
        (await sql('SELECT count(*)::int AS n FROM coop_question_log'))[0]?.n === 2 &&
        (await sql("SELECT count(*)::int AS n FROM coop_inbox WHERE key = 'event:hung'"))[0]?.n === 1;
      expect(await waitFor(written, 15_000)).toBe(true);
    } finally {
      proxy.forward();
      await store.close();
      await proxy.close();
    }
  }, 30_000);

  it('warns on close about the records it could not write, logging the outage once', async () => {
    const logger = recordingLogger();
    const store = await openPostgresStore({ connectionString: server.url, logger });
    await server.stop();
    try {
      await store.receive({ key: 'event:during', body: {}, receivedAt: Date.now() });
      await store.questionLog.record(question('q-unwritten', new Date().toISOString()));
      await store.close();
    } finally {
      await server.restart();
    }
    expect(logger.lines.filter((line) => line.startsWith('database unreachable'))).toHaveLength(1);
    expect(logger.lines).toContain('database: closing with 2 record(s) it could not write');
  }, 30_000);
});
