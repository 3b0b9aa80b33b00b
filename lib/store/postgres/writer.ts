import { randomBytes } from "node:crypto";
import type pg from "pg";
import pgvector from "pgvector";
import type { BuildMeta, BuildTarget, ChangeWriter, ExistingStore, FreshStore } from "../../build/target";
import { InputFolderError } from "../../ingest/files";
import { terms } from "../../text/analyze";
import type { Chunk } from "../../types";
import { documentTerms, mergeSegments, PostingsBuilder } from "../bm25";
import { IndexBusyError } from "../lock";
import { blobToUint16, blobToUint32, KIND } from "../schema";
import { searchableTitle, type ReleaseState, type StoredRelease } from "../writer";
import { INGEST_LOCK, migrate } from "./migrations";
import { createPool, redactUrl } from "./pool";
import { ensureVectorIndex, readPgMeta, writePgMeta } from "./meta";

/** Segments of postings (besides the first) above which the small ones are merged into one. */
const MAX_SEGMENTS = 16;

/** Writes one change set in one transaction on one connection (the ingest's). */
class PgChangeWriter implements ChangeWriter {
  private chunkPostings = new PostingsBuilder();
  private releasePostings = new PostingsBuilder();
  private seq = 0;

  constructor(
    private readonly client: pg.PoolClient,
    public navProfile: string,
    private readonly fresh: BuildMeta | null,
  ) {}

  async states(): Promise<Map<string, ReleaseState>> {
    const r = await this.client.query<{ release_id: string; file_hash: string; content_hash: string; source: string }>(
      "SELECT release_id, file_hash, content_hash, source FROM releases",
    );
    return new Map(r.rows.map((x) => [x.release_id, { fileHash: x.file_hash, contentHash: x.content_hash, source: x.source }]));
  }

  async chunkCount(): Promise<number> {
    return Number((await this.client.query<{ n: string }>("SELECT count(*) AS n FROM chunks")).rows[0]!.n);
  }

  async begin(): Promise<void> {
    await this.client.query("BEGIN");
    const meta = await readPgMeta(this.client);
    this.seq = (meta?.seq ?? 0) + 1;
    if (this.fresh) {
      // a rebuild replaces everything in this transaction: readers keep the previous state until the commit
      await this.client.query("DROP INDEX IF EXISTS chunks_embedding_hnsw");
      for (const table of ["postings", "removed", "removed_releases", "chunks", "releases"]) await this.client.query(`DELETE FROM ${table}`);
      await writePgMeta(this.client, { ...this.fresh, buildId: randomBytes(6).toString("hex"), seq: this.seq - 1 });
    }
  }

  async putRelease(release: StoredRelease, chunks: Chunk[], vectors: ArrayLike<number>[]): Promise<void> {
    await this.removeRelease(release.releaseId);
    const r = release;
    const title = terms(searchableTitle(r));
    const whole = documentTerms(title, terms(r.text));
    const rid = Number(
      (
        await this.client.query<{ rid: string }>(
          "INSERT INTO releases (release_id, source, title, location, contacts, file_hash, content_hash, text, dl, seq) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING rid",
          [r.releaseId, r.source, r.title, r.location, JSON.stringify(r.contacts), r.hash, r.contentHash, r.text, whole.length, this.seq],
        )
      ).rows[0]!.rid,
    );
    this.releasePostings.add(rid, whole.tfs);
    if (!chunks.length) return;
    const docs = chunks.map((c) => documentTerms(title, terms(c.text)));
    const inserted = await this.client.query<{ label: string; ordinal: number }>(
      `INSERT INTO chunks (rid, ordinal, start, "end", text, embedding, dl, seq)
       SELECT $1, t.ordinal, t.start, t.e, t.text, t.emb::vector, t.dl, $8
       FROM unnest($2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::real[]) AS t(ordinal, start, e, text, emb, dl)
       RETURNING label, ordinal`,
      [
        rid,
        chunks.map((c) => c.ordinal),
        chunks.map((c) => c.start),
        chunks.map((c) => c.end),
        chunks.map((c) => c.text),
        vectors.map((v) => pgvector.toSql(Array.from(v))),
        docs.map((d) => d.length),
        this.seq,
      ],
    );
    const byOrdinal = new Map(chunks.map((c, i) => [c.ordinal, i]));
    for (const row of inserted.rows) this.chunkPostings.add(Number(row.label), docs[byOrdinal.get(row.ordinal)!]!.tfs);
  }

  async removeRelease(releaseId: string): Promise<void> {
    const found = await this.client.query<{ rid: string }>("SELECT rid FROM releases WHERE release_id = $1", [releaseId]);
    if (!found.rowCount) return;
    const rid = found.rows[0]!.rid;
    // postings of removed documents stay until their segment is merged: readers skip them
    await this.client.query("INSERT INTO removed (label, seq) SELECT label, $2 FROM chunks WHERE rid = $1 ON CONFLICT (label) DO UPDATE SET seq = EXCLUDED.seq", [rid, this.seq]);
    await this.client.query("INSERT INTO removed_releases (rid, seq) VALUES ($1, $2) ON CONFLICT (rid) DO UPDATE SET seq = EXCLUDED.seq", [rid, this.seq]);
    await this.client.query("DELETE FROM releases WHERE rid = $1", [rid]);
  }

  async updateFile(releaseId: string, fileHash: string, source: string): Promise<void> {
    await this.client.query("UPDATE releases SET file_hash = $1, source = $2 WHERE release_id = $3", [fileHash, source, releaseId]);
  }

  async commit(meta: { navProfile: string }): Promise<number> {
    for (const [kind, builder] of [
      [KIND.chunk, this.chunkPostings],
      [KIND.release, this.releasePostings],
    ] as const) {
      const rows = [...builder.entries()];
      for (let i = 0; i < rows.length; i += 5000) {
        const part = rows.slice(i, i + 5000);
        await this.client.query(
          "INSERT INTO postings (kind, term, seg, ids, tfs) SELECT $1, t.term, $2, t.ids, t.tfs FROM unnest($3::text[], $4::bytea[], $5::bytea[]) AS t(term, ids, tfs)",
          [kind, this.seq, part.map(([t]) => t), part.map(([, p]) => bytes(p.ids)), part.map(([, p]) => bytes(p.tfs))],
        );
      }
      await this.mergeSegments(kind);
    }
    this.chunkPostings = new PostingsBuilder();
    this.releasePostings = new PostingsBuilder();
    await writePgMeta(this.client, { seq: this.seq, navProfile: meta.navProfile, updatedAt: new Date().toISOString() });
    await this.client.query("COMMIT");
    this.navProfile = meta.navProfile;
    return this.seq;
  }

  /** Merges every segment after the first into one when there are many (postings of removed documents dropped). */
  private async mergeSegments(kind: number): Promise<void> {
    const segs = (await this.client.query<{ seg: string }>("SELECT DISTINCT seg FROM postings WHERE kind = $1 ORDER BY seg", [kind])).rows.map((r) => Number(r.seg));
    if (segs.length <= MAX_SEGMENTS + 1) return;
    const first = segs[0]!;
    const gone = new Set(
      (await this.client.query<{ id: string }>(kind === KIND.chunk ? "SELECT label AS id FROM removed" : "SELECT rid AS id FROM removed_releases")).rows.map((r) => Number(r.id)),
    );
    const rows = (await this.client.query<{ term: string; ids: Buffer; tfs: Buffer }>("SELECT term, ids, tfs FROM postings WHERE kind = $1 AND seg > $2 ORDER BY term, seg", [kind, first])).rows;
    const merged = mergeSegments(
      rows.map((r) => ({ term: r.term, ids: blobToUint32(r.ids), tfs: blobToUint16(r.tfs) })),
      gone,
    );
    await this.client.query("DELETE FROM postings WHERE kind = $1 AND seg > $2", [kind, first]);
    await this.client.query(
      "INSERT INTO postings (kind, term, seg, ids, tfs) SELECT $1, t.term, $2, t.ids, t.tfs FROM unnest($3::text[], $4::bytea[], $5::bytea[]) AS t(term, ids, tfs)",
      [kind, this.seq, merged.map(([t]) => t), merged.map(([, p]) => bytes(p.ids)), merged.map(([, p]) => bytes(p.tfs))],
    );
  }

  async rollback(): Promise<void> {
    await this.client.query("ROLLBACK").catch(() => undefined);
    this.chunkPostings = new PostingsBuilder();
    this.releasePostings = new PostingsBuilder();
  }
}

function bytes(a: Uint32Array | Uint16Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** PostgreSQL as the ingest's target: every change set one transaction, ingests serialised by an advisory lock. */
export function postgresTarget(url: string): BuildTarget {
  const pool = createPool(url, { ingest: true });
  let client: pg.PoolClient | null = null;
  return {
    name: redactUrl(url),
    async lock() {
      try {
        client = await pool.connect();
        await migrate(pool);
      } catch (err) {
        client?.release();
        await pool.end().catch(() => undefined);
        throw new InputFolderError(`Cannot use the database ${redactUrl(url)} (${(err as { code?: string }).code ?? (err as Error).message}).`);
      }
      const got = (await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [INGEST_LOCK])).rows[0]!.ok;
      if (!got) {
        client.release();
        await pool.end();
        throw new IndexBusyError(`Another ingest is updating the database ${redactUrl(url)}. Wait for it to finish.`);
      }
      return async () => {
        await client?.query("SELECT pg_advisory_unlock($1)", [INGEST_LOCK]).catch(() => undefined);
        client?.release();
        client = null;
        await pool.end().catch(() => undefined);
      };
    },
    async openExisting(_embedder, expected): Promise<ExistingStore | null> {
      const meta = await readPgMeta(client!);
      const ok =
        meta !== null &&
        meta.embedderId === expected.embedderId &&
        meta.dimension === expected.dimension &&
        meta.analyzerVersion === expected.analyzerVersion &&
        meta.chunking.maxWords === expected.chunking.maxWords &&
        meta.chunking.overlapWords === expected.chunking.overlapWords;
      if (!ok) return null;
      const c = client!;
      return {
        writer: new PgChangeWriter(c, meta.navProfile, null),
        afterCommit: async () => ensureVectorIndex(c, meta.dimension),
        close: async () => undefined,
      };
    },
    async createFresh(meta: BuildMeta): Promise<FreshStore> {
      const c = client!;
      return {
        writer: new PgChangeWriter(c, meta.navProfile, meta),
        publish: async (_seq, stage) => {
          stage?.(`building the HNSW index of the database…`);
          await ensureVectorIndex(c, meta.dimension);
          await c.query("ANALYZE");
        },
        abandon: async () => undefined,
      };
    },
  };
}
