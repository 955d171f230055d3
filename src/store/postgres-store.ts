import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import type { Logger } from '../logging/logger';
import type { QuestionLogEvent } from '../question-log/types';
import { RecentMap } from '../slack/recent-map';
import { MIGRATIONS } from './postgres-schema';
import type { Admission, CoopStore, DigestLock, Inbox, InboxEntry } from './types';

/** Options of {@link openPostgresStore}. */
export interface PostgresStoreOptions {
  /** `DATABASE_URL`. */
  connectionString: string;
  logger: Logger;
  /** This process's name among the replicas; random by default. */
  replicaId?: string;
  /** Records kept in memory while the database is away; the oldest are dropped past it. Default 10,000. */
  maxBuffered?: number;
}

/** A replica whose heartbeat is older than this is taken for dead, and its unanswered deliveries for orphans. */
const REPLICA_STALE_SECONDS = 10;
const HEARTBEAT_MS = 2000;
const QUERY_TIMEOUT_MS = 5000;
const DEDUPE_HOURS = 1;
const MEMORY_KEYS = 50_000;

/** A write the database could not take, kept until it is back. */
type Buffered =
  | { kind: 'log'; event: QuestionLogEvent }
  | { kind: 'complete'; key: string }
  | { kind: 'seen'; key: string; at: number };

/** Thrown by {@link openPostgresStore} when the database cannot be used at startup. */
export class DatabaseStartError extends Error {
  readonly code = 'coop_database_unreachable';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DatabaseStartError';
  }
}

/**
 * Connects to `DATABASE_URL`, runs the migrations (safe when replicas start together: they take turns
 * under an advisory lock) and returns the shared store. Throws {@link DatabaseStartError} naming the
 * setting when the database cannot be reached.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const pool = new Pool({
    connectionString: options.connectionString,
    max: 10,
    connectionTimeoutMillis: QUERY_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection the server drops must not take the process down; the next query reconnects.
  pool.on('error', (error) => options.logger.debug('database: an idle connection closed', error.message));
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseStartError(
      `coop cannot use the database in DATABASE_URL (${describeTarget(options.connectionString)}): ${
        (error as Error).message
      }. Check DATABASE_URL (see .env.example), or unset it to keep state in DATA_DIR.`,
      { cause: error },
    );
  }
  const store = new PostgresStore(pool, options);
  await store.heartbeat();
  return store;
}

async function migrate(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // One replica migrates at a time; the others wait, then find the work done.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('coop_migrations'))");
    await client.query('CREATE TABLE IF NOT EXISTS coop_schema (version integer NOT NULL)');
    const { rows } = await client.query<{ version: number }>(
      'SELECT max(version) AS version FROM coop_schema',
    );
    const current = rows[0]?.version ?? 0;
    for (const [index, statements] of MIGRATIONS.entries()) {
      const version = index + 1;
      if (version <= current) continue;
      for (const statement of statements) await client.query(statement);
      await client.query('INSERT INTO coop_schema (version) VALUES ($1)', [version]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** host:port/database of a connection string, without the user or password. */
function describeTarget(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'unparsable URL';
  }
}

/**
 * PostgreSQL as the state every replica shares: the inbox with its dedupe keys, the question log the
 * digest reads across replicas (its `readSince` rejects while the database is away; the digest then
 * retries later), and the digest lock.
 *
 * When the database drops while running, answers go on: dedupe falls back to this replica's memory
 * (logged once), and question-log records and inbox updates are buffered, at most `maxBuffered`, and
 * written when the database is back.
 */
export class PostgresStore implements CoopStore, Inbox, DigestLock {
  readonly replicaId: string;
  readonly inbox: Inbox = this;
  readonly digestLock: DigestLock = this;
  readonly questionLog = {
    record: (event: QuestionLogEvent) => this.recordEvent(event),
    readSince: (since: Date) => this.readSince(since),
  };
  private readonly logger: Logger;
  private readonly maxBuffered: number;
  private readonly buffer: Buffered[] = [];
  /** Keys seen while the database was away. */
  private readonly memoryKeys = new RecentMap<string, true>(MEMORY_KEYS);
  private degraded = false;
  private readonly timer: NodeJS.Timeout;
  private flushing?: Promise<void>;

  constructor(
    private readonly pool: Pool,
    options: PostgresStoreOptions,
  ) {
    this.replicaId = options.replicaId ?? randomUUID();
    this.logger = options.logger;
    this.maxBuffered = options.maxBuffered ?? 10_000;
    this.timer = setInterval(() => void this.tick(), HEARTBEAT_MS);
    this.timer.unref();
  }

  async receive(entry: InboxEntry): Promise<boolean> {
    if (this.memoryKeys.get(entry.key)) return false;
    // While the database is away, do not make Slack wait for it: a hung connection would outlast the
    // three seconds Slack gives an ack. The heartbeat notices when it is back.
    if (this.degraded) return this.receiveInMemory(entry);
    try {
      const result = await this.pool.query(
        `INSERT INTO coop_inbox (key, body, received_at, claimed_by, expires_at)
         VALUES ($1, $2, to_timestamp($3 / 1000.0), $4, now() + interval '${DEDUPE_HOURS} hour')
         ON CONFLICT (key) DO NOTHING`,
        [entry.key, JSON.stringify(entry.body), entry.receivedAt, this.replicaId],
      );
      this.recovered();
      return result.rowCount === 1;
    } catch (error) {
      this.lost(error);
      return this.receiveInMemory(entry);
    }
  }

  /** The database's insert is both the check and the record, so a delivery admitted is already kept. */
  async admit(entry: InboxEntry): Promise<Admission> {
    return { fresh: await this.receive(entry), kept: Promise.resolve() };
  }

  /** Dedupe in this replica's memory; the key is written to the database when it is back. */
  private receiveInMemory(entry: InboxEntry): boolean {
    this.memoryKeys.set(entry.key, true);
    this.push({ kind: 'seen', key: entry.key, at: entry.receivedAt });
    return true;
  }

  async complete(key: string): Promise<void> {
    // A key first seen while the database was away is written as handled when it is back.
    if (this.memoryKeys.get(key)) return;
    await this.write({ kind: 'complete', key });
  }

  async release(key: string): Promise<void> {
    if (this.degraded || this.memoryKeys.get(key)) return;
    await this.pool
      .query('UPDATE coop_inbox SET claimed_by = NULL WHERE key = $1 AND handled_at IS NULL', [key])
      .catch((error: unknown) => this.lost(error));
  }

  async claimUnanswered(): Promise<InboxEntry[]> {
    if (this.degraded) return [];
    const { rows } = await this.pool.query<{ key: string; body: unknown; received_ms: string }>(
      `UPDATE coop_inbox SET claimed_by = $1
       WHERE key IN (
         SELECT key FROM coop_inbox
         WHERE handled_at IS NULL
           AND (claimed_by IS NULL OR claimed_by NOT IN (
             SELECT id FROM coop_replicas WHERE seen_at > now() - interval '${REPLICA_STALE_SECONDS} seconds'))
         ORDER BY received_at LIMIT 200
         FOR UPDATE SKIP LOCKED)
       RETURNING key, body, (extract(epoch FROM received_at) * 1000)::bigint AS received_ms`,
      [this.replicaId],
    );
    return rows
      .map((row) => ({ key: row.key, body: row.body, receivedAt: Number(row.received_ms) }))
      .sort((a, b) => a.receivedAt - b.receivedAt);
  }

  async acquire(channel: string, day: string): Promise<boolean> {
    // The holder may take it again (to retry a failed post); a lock whose holder did not post within ten
    // minutes (it died) may be taken over. Slack's record of the day's digest still stops a second post.
    const result = await this.pool.query(
      `INSERT INTO coop_digest_lock (channel, day, replica, locked_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (channel, day) DO UPDATE SET replica = EXCLUDED.replica, locked_at = now()
       WHERE coop_digest_lock.replica = EXCLUDED.replica
          OR coop_digest_lock.locked_at < now() - interval '10 minutes'`,
      [channel, day, this.replicaId],
    );
    return result.rowCount === 1;
  }

  async problem(): Promise<string | undefined> {
    try {
      await this.pool.query('SELECT 1');
      return undefined;
    } catch (error) {
      return `database unreachable (${(error as Error).message})`;
    }
  }

  /** Writes this replica's heartbeat, and forgets expired dedupe keys and long-gone replicas. */
  async heartbeat(): Promise<void> {
    await this.pool.query(
      `INSERT INTO coop_replicas (id, seen_at) VALUES ($1, now())
       ON CONFLICT (id) DO UPDATE SET seen_at = now()`,
      [this.replicaId],
    );
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush().catch(() => undefined);
    if (this.buffer.length > 0) {
      this.logger.warn(`database: closing with ${this.buffer.length} record(s) it could not write`);
    }
    await this.pool.query('DELETE FROM coop_replicas WHERE id = $1', [this.replicaId]).catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }

  private async readSince(since: Date): Promise<QuestionLogEvent[]> {
    const { rows } = await this.pool.query<{ event: QuestionLogEvent }>(
      'SELECT event FROM coop_question_log WHERE at >= $1 ORDER BY at, id',
      [since.toISOString()],
    );
    return rows.map((row) => row.event);
  }

  private async recordEvent(event: QuestionLogEvent): Promise<void> {
    await this.write({ kind: 'log', event });
  }

  /** Writes one record, or buffers it when the database is away. Never rejects. */
  private async write(record: Buffered): Promise<void> {
    if (this.degraded) {
      this.push(record);
      return;
    }
    try {
      await this.apply(this.pool, record);
    } catch (error) {
      this.lost(error);
      this.push(record);
    }
  }

  private async apply(db: Pool | PoolClient, record: Buffered): Promise<void> {
    switch (record.kind) {
      case 'log': {
        const event = record.event;
        // A replayed question keeps its id: it is recorded once.
        const dedupe =
          event.kind === 'question'
            ? `question:${event.questionId}`
            : `feedback:${event.questionId}:${event.user}:${event.at}`;
        await db.query(
          `INSERT INTO coop_question_log (dedupe_key, kind, question_id, at, event) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (dedupe_key) DO NOTHING`,
          [dedupe, event.kind, event.questionId, event.at, JSON.stringify(event)],
        );
        return;
      }
      case 'complete':
        await db.query('UPDATE coop_inbox SET handled_at = now(), body = NULL WHERE key = $1', [record.key]);
        return;
      case 'seen':
        await db.query(
          `INSERT INTO coop_inbox (key, received_at, handled_at, expires_at)
           VALUES ($1, to_timestamp($2 / 1000.0), now(), now() + interval '${DEDUPE_HOURS} hour')
           ON CONFLICT (key) DO NOTHING`,
          [record.key, record.at],
        );
        return;
    }
  }

  private push(record: Buffered): void {
    this.buffer.push(record);
    if (this.buffer.length > this.maxBuffered) {
      this.buffer.shift();
      this.logger.warn(`database: more than ${this.maxBuffered} records buffered; dropped the oldest`);
    }
  }

  private lost(error: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger.error(
      `database unreachable (${(error as Error).message}); answering on, deduplicating in this replica's memory and buffering records until it is back`,
    );
  }

  private recovered(): void {
    if (!this.degraded) return;
    this.degraded = false;
    void this.flush();
  }

  private async tick(): Promise<void> {
    try {
      await this.heartbeat();
      if (Math.random() < 0.05) {
        await this.pool.query('DELETE FROM coop_inbox WHERE expires_at < now() AND handled_at IS NOT NULL');
        await this.pool.query("DELETE FROM coop_replicas WHERE seen_at < now() - interval '1 hour'");
      }
    } catch (error) {
      this.lost(error);
      return;
    }
    this.degraded = false;
    await this.flush();
  }

  /** Writes the buffered records in order, in one transaction. */
  private flush(): Promise<void> {
    if (this.buffer.length === 0) return Promise.resolve();
    if (!this.flushing) {
      this.flushing = this.flushBuffer().finally(() => {
        this.flushing = undefined;
      });
    }
    return this.flushing;
  }

  private async flushBuffer(): Promise<void> {
    const batch = this.buffer.splice(0);
    let client: PoolClient | undefined;
    try {
      client = await this.pool.connect();
      await client.query('BEGIN');
      for (const record of batch) await this.apply(client, record);
      await client.query('COMMIT');
      this.logger.info(`database is back; wrote ${batch.length} buffered record(s)`);
    } catch (error) {
      await client?.query('ROLLBACK').catch(() => undefined);
      this.buffer.unshift(...batch);
      this.lost(error);
    } finally {
      client?.release();
    }
  }
}
