import { Client } from 'pg';
import { silentLogger } from '../../src/logging/logger';
import type { QuestionEvent } from '../../src/question-log/types';
import { DatabaseStartError, openPostgresStore, type PostgresStore } from '../../src/store/postgres-store';
import { recordingLogger } from '../logging/recording-logger';
import { PostgresServer } from '../support/postgres';

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

async function open(
  options: { replicaId?: string; logger?: ReturnType<typeof recordingLogger> } = {},
): Promise<PostgresStore> {
  const store = await openPostgresStore({
    connectionString: server.url,
    logger: options.logger ?? silentLogger,
    replicaId: options.replicaId,
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
  });
});
