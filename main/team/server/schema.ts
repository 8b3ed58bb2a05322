// The team database, migrated at start. Each migration runs once, in order, in its own
// transaction, under an advisory lock so two processes starting together do not race.
import type pg from 'pg';

const MIGRATION_LOCK = 7_311_001;

export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'event log, records, commands, desks, sessions',
    sql: `
      CREATE TABLE counters (name text PRIMARY KEY, value bigint NOT NULL);
      INSERT INTO counters VALUES ('position', 0), ('desk', 0);

      -- The center's history. position is assigned under the 'position' counter's row lock,
      -- so positions are committed in order and without gaps (docs/team.md).
      CREATE TABLE events (
        position bigint PRIMARY KEY,
        command_id uuid,
        desk_id text,
        actor text NOT NULL,
        action text NOT NULL,
        reason text,
        at timestamptz NOT NULL,
        changes jsonb NOT NULL
      );
      CREATE INDEX events_command ON events (command_id);

      -- Current state of every record, for reports and search over the whole center.
      CREATE TABLE records (
        entity text NOT NULL,
        id text NOT NULL,
        data jsonb NOT NULL,
        search_text text,
        updated_position bigint NOT NULL,
        PRIMARY KEY (entity, id)
      );

      -- Idempotency: a command pushed twice is applied once and answered the same.
      CREATE TABLE commands (
        command_id uuid PRIMARY KEY,
        desk_id text NOT NULL,
        operator text NOT NULL,
        call text NOT NULL,
        input jsonb,
        status text NOT NULL CHECK (status IN ('applied', 'refused')),
        result jsonb NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE desks (desk_id text PRIMARY KEY, code text NOT NULL UNIQUE, joined_at timestamptz NOT NULL DEFAULT now());

      CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        username text NOT NULL,
        desk_id text NOT NULL REFERENCES desks (desk_id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'indexes for reports and search (pg_trgm: Chinese substrings too)',
    sql: `
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE INDEX records_case_type ON records ((data->>'type')) WHERE entity = 'cases';
      CREATE INDEX records_case_status ON records ((data->>'status')) WHERE entity = 'cases';
      CREATE INDEX records_case_opened ON records ((data->>'openedAt')) WHERE entity = 'cases';
      CREATE INDEX records_case_account ON records ((data->>'customerAccount')) WHERE entity = 'cases';
      CREATE INDEX records_case_text ON records USING gin (search_text gin_trgm_ops) WHERE entity = 'cases';
    `,
  },
  {
    version: 3,
    name: 'the center’s channel secrets (mailbox and SMTP passwords), apart from the records desks pull',
    sql: `CREATE TABLE secrets (name text PRIMARY KEY, value text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());`,
  },
  {
    version: 4,
    name: 'which events touched which record: a record history without a scan',
    sql: `
      CREATE TABLE record_events (entity text NOT NULL, id text NOT NULL, position bigint NOT NULL, PRIMARY KEY (entity, id, position));
      INSERT INTO record_events SELECT DISTINCT c->>'entity', c->>'id', e.position FROM events e, jsonb_array_elements(e.changes) c;
      -- A push written in one round trip fails with this when the head moved since it was run.
      CREATE FUNCTION team_stale_head(expected bigint) RETURNS text LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the center moved on after position %', expected USING ERRCODE = '40001';
      END $$;
    `,
  },
  {
    version: 5,
    name: 'files desks attached to cases, by SHA-256, for every desk to fetch',
    sql: `CREATE TABLE files (sha256 text PRIMARY KEY, size int NOT NULL CHECK (size <= 10485760), bytes bytea NOT NULL, stored_at timestamptz NOT NULL DEFAULT now());`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

export async function migrate(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`team database migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`);
      }
    }
    const newest = Math.max(0, ...done, ...MIGRATIONS.map((m) => m.version));
    if (newest > SCHEMA_VERSION) throw new Error(`the team database is at schema ${newest}, newer than this server (${SCHEMA_VERSION}): update the server`);
    return SCHEMA_VERSION;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
