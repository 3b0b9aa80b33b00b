import type pg from "pg";
import pgvector from "pgvector";
import type { Release } from "../../types";
import { documentFrequency, Lengths, Scratch, topBm25, type Postings } from "../bm25";
import { blobToUint16, blobToUint32, KIND } from "../schema";
import type { DenseHit, LexicalHit, ReleaseEntry, ReleaseHit, Store, StoreInfo, StoredChunk } from "../store";
import { readPgMeta, type PgMeta } from "./meta";
import { migrate } from "./migrations";
import { createPool, withDatabase } from "./pool";
import { AppError } from "../../errors";
import { ANALYZER_VERSION } from "../../text/normalize";

const COLLATOR = new Intl.Collator("fr");

/** Whether the database at `url` holds an index (false when it is empty or unreachable). */
export async function databaseHasIndex(url: string): Promise<boolean> {
  const pool = createPool(url);
  try {
    return (await readPgMeta(pool)) !== null;
  } catch {
    return false;
  } finally {
    await pool.end().catch(() => undefined);
  }
}

/** Document lengths of one kind, kept up to date from the sequence numbers of the rows. */
class PgLengths {
  lengths = new Lengths();
  readonly scratch = new Scratch();
  constructor(private readonly kind: number) {}

  async apply(db: pg.Pool, since: number): Promise<void> {
    const t = this.kind === KIND.chunk ? { rows: "chunks", id: "label", removed: "removed" } : { rows: "releases", id: "rid", removed: "removed_releases" };
    for (const r of (await db.query<{ id: string }>(`SELECT ${t.id} AS id FROM ${t.removed} WHERE seq > $1`, [since])).rows) this.lengths.delete(Number(r.id));
    for (const r of (await db.query<{ id: string; dl: number }>(`SELECT ${t.id} AS id, dl FROM ${t.rows} WHERE seq > $1`, [since])).rows) this.lengths.set(Number(r.id), r.dl);
  }
}

/**
 * The store in PostgreSQL (pgvector HNSW for the vectors, BM25 posting lists as in the embedded
 * store, so both rank alike). Any number of servers share one database: each keeps only
 * document lengths in memory and follows the commits' sequence numbers.
 */
export class PostgresStore implements Store {
  private titles: ReleaseEntry[] | null = null;
  private counts: { releases: number; chunks: number } | null = null;
  private chunkLengths = new PgLengths(KIND.chunk);
  private releaseLengths = new PgLengths(KIND.release);

  private constructor(
    private readonly pool: pg.Pool,
    private meta: PgMeta,
  ) {}

  /** Connects, migrates the schema, and loads the document lengths. */
  static async open(input: { url: string }): Promise<PostgresStore> {
    const pool = createPool(input.url);
    try {
      return await withDatabase(async () => {
        await migrate(pool);
        const meta = await readPgMeta(pool);
        if (!meta) throw new AppError("index_unavailable", "The database holds no index yet. Build one with `npm run ingest` (DATABASE_URL set).");
        if (meta.analyzerVersion !== ANALYZER_VERSION) {
          throw new AppError(
            "index_mismatch",
            `The database's index was built with an older text analyser (version ${meta.analyzerVersion}, this program uses ${ANALYZER_VERSION}). Rebuild it: npm run ingest -- --rebuild`,
          );
        }
        const store = new PostgresStore(pool, meta);
        await store.reload();
        return store;
      });
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw err;
    }
  }

  get storeMeta(): PgMeta {
    return this.meta;
  }

  private async reload(): Promise<void> {
    const chunks = new PgLengths(KIND.chunk);
    const releases = new PgLengths(KIND.release);
    await chunks.apply(this.pool, -1);
    await releases.apply(this.pool, -1);
    this.chunkLengths = chunks;
    this.releaseLengths = releases;
  }

  async info(): Promise<StoreInfo> {
    return withDatabase(async () => {
      this.counts ??= (
        await this.pool.query<{ releases: string; chunks: string }>("SELECT (SELECT count(*) FROM releases) AS releases, (SELECT count(*) FROM chunks) AS chunks")
      ).rows.map((r) => ({ releases: Number(r.releases), chunks: Number(r.chunks) }))[0]!;
      return {
        kind: "postgres",
        embedder: { id: this.meta.embedderId, dimension: this.meta.dimension },
        analyzerVersion: this.meta.analyzerVersion,
        builtAt: this.meta.updatedAt,
        generation: `${this.meta.buildId}:${this.meta.seq}`,
        ...this.counts,
      };
    });
  }

  async dense(vector: number[], k: number): Promise<DenseHit[]> {
    const d = Math.trunc(this.meta.dimension);
    return withDatabase(async () =>
      (
        await this.pool.query<{ label: string; distance: number }>(
          `SELECT label, (embedding::vector(${d})) <=> $1::vector(${d}) AS distance FROM chunks ORDER BY (embedding::vector(${d})) <=> $1::vector(${d}) LIMIT $2`,
          [pgvector.toSql(vector), k],
        )
      ).rows.map((r) => ({ label: Number(r.label), similarity: 1 - r.distance })),
    );
  }

  private async postings(kind: number, terms: string[]): Promise<Map<string, Postings[]>> {
    const distinct = [...new Set(terms)];
    const out = new Map<string, Postings[]>(distinct.map((t) => [t, []]));
    if (!distinct.length) return out;
    const rows = (await this.pool.query<{ term: string; ids: Buffer; tfs: Buffer }>("SELECT term, ids, tfs FROM postings WHERE kind = $1 AND term = ANY($2)", [kind, distinct])).rows;
    for (const r of rows) {
      out.get(r.term)!.push({ ids: blobToUint32(r.ids), tfs: blobToUint16(r.tfs) });
    }
    return out;
  }

  async lexical(terms: string[], k: number, weights?: ReadonlyMap<string, number>): Promise<LexicalHit[]> {
    return withDatabase(async () => {
      const postings = await this.postings(KIND.chunk, terms);
      const { lengths, scratch } = this.chunkLengths;
      return topBm25({ terms: [...postings.values()], weights: [...postings.keys()].map((t) => weights?.get(t) ?? 1), lengths, k, scratch }).map((h) => ({ label: h.id, bm25: h.bm25 }));
    });
  }

  async releaseLexical(terms: string[], k: number): Promise<ReleaseHit[]> {
    return withDatabase(async () => {
      const lists = [...(await this.postings(KIND.release, terms)).values()];
      const { lengths, scratch } = this.releaseLengths;
      const hits = topBm25({ terms: lists, lengths, k, scratch });
      if (!hits.length) return [];
      const ids = new Map((await this.pool.query<{ rid: string; release_id: string }>("SELECT rid, release_id FROM releases WHERE rid = ANY($1)", [hits.map((h) => h.id)])).rows.map((r) => [Number(r.rid), r.release_id]));
      return hits.flatMap((h) => (ids.has(h.id) ? [{ releaseId: ids.get(h.id)!, bm25: h.bm25 }] : []));
    });
  }

  async chunks(labels: number[]): Promise<Map<number, StoredChunk>> {
    const out = new Map<number, StoredChunk>();
    if (!labels.length) return out;
    return withDatabase(async () => {
      const rows = (
        await this.pool.query<{ label: string; release_id: string; ordinal: number; start: number; end: number; text: string }>(
          'SELECT c.label, r.release_id, c.ordinal, c.start, c."end", c.text FROM chunks c JOIN releases r ON r.rid = c.rid WHERE c.label = ANY($1)',
          [labels],
        )
      ).rows;
      for (const r of rows) {
        const label = Number(r.label);
        out.set(label, { label, id: `${r.release_id}#${r.ordinal}`, releaseId: r.release_id, ordinal: r.ordinal, text: r.text, start: r.start, end: r.end });
      }
      return out;
    });
  }

  async chunkLabels(releaseIds: string[]): Promise<number[]> {
    if (!releaseIds.length) return [];
    return withDatabase(async () =>
      (await this.pool.query<{ label: string }>("SELECT c.label FROM chunks c JOIN releases r ON r.rid = c.rid WHERE r.release_id = ANY($1)", [releaseIds])).rows.map((r) => Number(r.label)),
    );
  }

  async releases(releaseIds: string[]): Promise<Map<string, Release>> {
    const out = new Map<string, Release>();
    if (!releaseIds.length) return out;
    return withDatabase(async () => {
      const rows = (
        await this.pool.query<{ release_id: string; source: string; title: string; location: string | null; contacts: Release["contacts"]; file_hash: string; text: string }>(
          "SELECT release_id, source, title, location, contacts, file_hash, text FROM releases WHERE release_id = ANY($1)",
          [releaseIds],
        )
      ).rows;
      for (const r of rows) out.set(r.release_id, { releaseId: r.release_id, source: r.source, title: r.title, location: r.location, contacts: r.contacts, hash: r.file_hash, text: r.text });
      return out;
    });
  }

  async releaseList(): Promise<ReleaseEntry[]> {
    if (this.titles) return this.titles;
    return withDatabase(async () => {
      const rows = (await this.pool.query<ReleaseEntry>('SELECT release_id AS "releaseId", title, location FROM releases')).rows;
      this.titles = rows.sort((a, b) => COLLATOR.compare(a.title, b.title) || (a.releaseId < b.releaseId ? -1 : 1));
      return this.titles;
    });
  }

  async documentFrequencies(terms: string[]): Promise<{ releases: number; df: Map<string, number> }> {
    return withDatabase(async () => {
      const lists = await this.postings(KIND.release, terms);
      const { lengths } = this.releaseLengths;
      return { releases: lengths.count, df: new Map([...lists].map(([t, p]) => [t, documentFrequency(p, lengths)])) };
    });
  }

  async refresh(): Promise<boolean> {
    return withDatabase(async () => {
      const meta = await readPgMeta(this.pool);
      if (!meta) throw new AppError("index_unavailable", "The database holds no index any more. Build one with `npm run ingest`.");
      if (meta.seq === this.meta.seq && meta.buildId === this.meta.buildId) return false;
      if (meta.buildId !== this.meta.buildId) await this.reload();
      else {
        await this.chunkLengths.apply(this.pool, this.meta.seq);
        await this.releaseLengths.apply(this.pool, this.meta.seq);
      }
      this.meta = meta;
      this.titles = null;
      this.counts = null;
      return true;
    });
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
