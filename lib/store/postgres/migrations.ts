import type pg from "pg";

/** The schema, in numbered steps; each is applied once, in a transaction. Never edit a step: add one. */
export const MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE meta (key text PRIMARY KEY, value jsonb NOT NULL);
CREATE TABLE releases (
  rid bigserial PRIMARY KEY,
  release_id text NOT NULL UNIQUE,
  source text NOT NULL,
  title text NOT NULL,
  location text,
  contacts jsonb NOT NULL,
  file_hash text NOT NULL,
  content_hash text NOT NULL,
  text text NOT NULL,
  dl real NOT NULL,
  seq bigint NOT NULL
);
CREATE INDEX releases_by_seq ON releases (seq);
CREATE TABLE chunks (
  label bigserial PRIMARY KEY,
  rid bigint NOT NULL REFERENCES releases (rid) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  start integer NOT NULL,
  "end" integer NOT NULL,
  text text NOT NULL,
  embedding vector NOT NULL,
  dl real NOT NULL,
  seq bigint NOT NULL
);
CREATE INDEX chunks_by_release ON chunks (rid, ordinal);
CREATE INDEX chunks_by_seq ON chunks (seq);
CREATE TABLE removed (label bigint PRIMARY KEY, seq bigint NOT NULL);
CREATE INDEX removed_by_seq ON removed (seq);
CREATE TABLE removed_releases (rid bigint PRIMARY KEY, seq bigint NOT NULL);
CREATE INDEX removed_releases_by_seq ON removed_releases (seq);
CREATE TABLE postings (
  kind smallint NOT NULL,
  term text NOT NULL,
  seg bigint NOT NULL,
  ids bytea NOT NULL,
  tfs bytea NOT NULL,
  PRIMARY KEY (kind, term, seg)
);`,
  },
  {
    version: 2,
    sql: `
CREATE TABLE answers (id text PRIMARY KEY, question text NOT NULL, answer text NOT NULL, release_ids jsonb NOT NULL, mode text NOT NULL, at timestamptz NOT NULL);
CREATE INDEX answers_by_at ON answers (at);
CREATE TABLE feedback (answer_id text PRIMARY KEY REFERENCES answers (id) ON DELETE CASCADE, rating text NOT NULL, comment text, at timestamptz NOT NULL);`,
  },
];

/** Lock id serialising migrations and ingests of one database. */
export const INGEST_LOCK = 4_711_301;
const MIGRATION_LOCK = 4_711_302;

/** Applies the steps not applied yet (concurrent callers wait for each other). Returns the schema version. */
export async function migrate(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
    const done = new Set((await client.query<{ version: number }>("SELECT version FROM schema_migrations")).rows.map((r) => r.version));
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query("INSERT INTO schema_migrations (version) VALUES ($1)", [m.version]);
    }
    await client.query("COMMIT");
    return Math.max(...MIGRATIONS.map((m) => m.version));
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
