/**
 * The database's migrations, in order; each runs once, under an advisory lock, inside one transaction
 * with the others (so two replicas starting together never both apply one). Never edit a step that has
 * shipped: add one.
 */
export const MIGRATIONS: string[][] = [
  [
    `CREATE TABLE coop_inbox (
       key text PRIMARY KEY,
       body jsonb,
       received_at timestamptz NOT NULL,
       handled_at timestamptz,
       claimed_by text,
       expires_at timestamptz NOT NULL
     )`,
    'CREATE INDEX coop_inbox_unhandled ON coop_inbox (received_at) WHERE handled_at IS NULL',
    'CREATE TABLE coop_replicas (id text PRIMARY KEY, seen_at timestamptz NOT NULL)',
    `CREATE TABLE coop_question_log (
       id bigserial PRIMARY KEY,
       dedupe_key text NOT NULL UNIQUE,
       kind text NOT NULL,
       question_id text NOT NULL,
       at timestamptz NOT NULL,
       event jsonb NOT NULL
     )`,
    'CREATE INDEX coop_question_log_at ON coop_question_log (at)',
    `CREATE TABLE coop_digest_lock (
       channel text NOT NULL,
       day text NOT NULL,
       replica text NOT NULL,
       locked_at timestamptz NOT NULL,
       PRIMARY KEY (channel, day)
     )`,
  ],
];
