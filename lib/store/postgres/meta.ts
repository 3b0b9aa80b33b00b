import type pg from "pg";
import type { BuildMeta } from "../store";

/** The meta row of a PostgreSQL store. */
export interface PgMeta extends BuildMeta {
  seq: number;
  updatedAt: string;
  /** Changes when the store is rebuilt from scratch (readers then reload). */
  buildId: string;
}

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

export async function readPgMeta(db: Queryable): Promise<PgMeta | null> {
  const rows = (await db.query<{ key: string; value: unknown }>("SELECT key, value FROM meta")).rows;
  if (!rows.length) return null;
  const m = Object.fromEntries(rows.map((r) => [r.key, r.value])) as Partial<PgMeta>;
  if (m.embedderId === undefined || m.dimension === undefined) return null;
  return { seq: 0, updatedAt: m.builtAt ?? "", buildId: "", navProfile: "[]", ...m } as PgMeta;
}

export async function writePgMeta(db: Queryable, meta: Partial<PgMeta>): Promise<void> {
  for (const [key, value] of Object.entries(meta)) {
    await db.query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", [key, JSON.stringify(value)]);
  }
}

/** The HNSW index (pgvector, cosine) over the vectors of the store's dimension. */
export async function ensureVectorIndex(db: Queryable, dimension: number): Promise<void> {
  const d = Math.trunc(dimension);
  // the graph is built in memory when it fits (about 2.5 kB a 512-d vector with its links)
  await db.query("SET maintenance_work_mem = '1GB'");
  await db.query(`CREATE INDEX IF NOT EXISTS chunks_embedding_hnsw ON chunks USING hnsw ((embedding::vector(${d})) vector_cosine_ops) WITH (m = 16, ef_construction = 100)`);
}
