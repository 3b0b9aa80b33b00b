import Database from "better-sqlite3";
import { join } from "node:path";
import type { Release } from "../types";
import { loadGraph, catchUp, type GraphSource } from "./graph";
import type { ShardedHnsw } from "./hnsw";
import { LexicalIndex } from "./lexical";
import { blobToVector, DB_FILE, KIND, readMeta, tune, type StoreMeta } from "./schema";
import type { DenseHit, LexicalHit, ReleaseEntry, ReleaseHit, Store, StoreInfo, StoredChunk } from "./store";

const COLLATOR = new Intl.Collator("fr");

type ReleaseRow = { release_id: string; source: string; title: string; location: string | null; contacts: string; file_hash: string; text: string };
type ChunkRow = { label: number; release_id: string; ordinal: number; start: number; end: number; text: string };

/** Opens a store database (the file must exist). */
export function openDatabase(dir: string): Database.Database {
  const db = new Database(join(dir, DB_FILE), { fileMustExist: true });
  tune(db);
  return db;
}

/** The store's rows as the graph's source of truth. */
export function graphSource(db: Database.Database, dimension: number): GraphSource {
  const seqStmt = db.prepare("SELECT value FROM meta WHERE key = 'seq'").pluck();
  const countStmt = db.prepare("SELECT count(*) FROM chunks").pluck();
  const addedStmt = db.prepare("SELECT label, vector FROM chunks WHERE seq > ? ORDER BY label");
  const removedStmt = db.prepare("SELECT label FROM removed WHERE seq > ? ORDER BY label").pluck();
  const rangeStmt = db.prepare("SELECT label, vector FROM chunks ORDER BY label LIMIT ? OFFSET ?");
  return {
    seq: () => Number(JSON.parse(seqStmt.get() as string)),
    count: () => countStmt.get() as number,
    *added(since) {
      for (const r of addedStmt.iterate(since) as Iterable<{ label: number; vector: Buffer }>) yield { label: r.label, vector: blobToVector(r.vector) };
    },
    removed: (since) => removedStmt.all(since) as number[],
    range(first, n) {
      const labels = new Uint32Array(n);
      const vectors = new Float32Array(n * dimension);
      let i = 0;
      for (const r of rangeStmt.iterate(n, first) as Iterable<{ label: number; vector: Buffer }>) {
        labels[i] = r.label;
        vectors.set(new Float32Array(r.vector.buffer, r.vector.byteOffset, dimension), i * dimension);
        i++;
      }
      return { labels: labels.subarray(0, i), vectors: vectors.subarray(0, i * dimension) };
    },
  };
}

/**
 * The embedded store: SQLite (releases, chunks, vectors, FTS5 over analysed tokens) beside
 * HNSW snapshot files, in one index version folder. Queries read from disk; only the graph
 * (and the list of titles, on demand) is held in memory. `refresh()` applies updates made by
 * an ingest in place: the graph gains and marks points, it is not loaded twice.
 */
export class EmbeddedStore implements Store {
  private titles: ReleaseEntry[] | null = null;
  private counts: { releases: number; chunks: number } | null = null;
  private readonly stmts;
  private readonly chunkIndex: LexicalIndex;
  private readonly releaseIndex: LexicalIndex;

  private constructor(
    readonly dir: string,
    private readonly db: Database.Database,
    private meta: StoreMeta,
    private graph: ShardedHnsw,
    private seq: number,
    private readonly source: GraphSource,
    private readonly log: (m: string) => void,
  ) {
    this.stmts = {
      counts: db.prepare("SELECT (SELECT count(*) FROM releases) AS releases, (SELECT count(*) FROM chunks) AS chunks"),
      releaseIds: db.prepare("SELECT rid, release_id FROM releases WHERE rid IN (SELECT value FROM json_each(?))"),
      chunks: db.prepare(
        `SELECT c.label, r.release_id, c.ordinal, c.start, c."end", c.text FROM chunks c JOIN releases r ON r.rid = c.rid WHERE c.label IN (SELECT value FROM json_each(?))`,
      ),
      chunkLabels: db.prepare(`SELECT c.label FROM chunks c JOIN releases r ON r.rid = c.rid WHERE r.release_id IN (SELECT value FROM json_each(?))`).pluck(),
      releases: db.prepare(`SELECT release_id, source, title, location, contacts, file_hash, text FROM releases WHERE release_id IN (SELECT value FROM json_each(?))`),
      titles: db.prepare("SELECT release_id AS releaseId, title, location FROM releases "),
    };
    this.chunkIndex = new LexicalIndex(db, KIND.chunk);
    this.releaseIndex = new LexicalIndex(db, KIND.release);
  }

  /** Opens the store of an index version folder and loads (and if needed repairs) its graph. */
  static async open(input: { dir: string; log?: (m: string) => void }): Promise<EmbeddedStore> {
    const log = input.log ?? ((m: string) => console.warn(`[oim] ${m}`));
    const db = openDatabase(input.dir);
    try {
      const meta = readMeta(db);
      const source = graphSource(db, meta.dimension);
      // one read transaction: the graph and the rows it is checked against are the same state
      const begin = db.prepare("BEGIN");
      begin.run();
      let loaded;
      try {
        loaded = await loadGraph({ dir: input.dir, source, dimension: meta.dimension, log });
      } finally {
        db.prepare("COMMIT").run();
      }
      loaded.graph.setEf(Math.max(loaded.graph.getEf(), 128));
      return new EmbeddedStore(input.dir, db, { ...meta, seq: loaded.seq }, loaded.graph, loaded.seq, source, log);
    } catch (err) {
      db.close();
      throw err;
    }
  }

  /** Live points of the graph (equal to the stored chunks once loaded or refreshed). */
  get graphSize(): number {
    return this.graph.size;
  }

  get storeMeta(): StoreMeta {
    return this.meta;
  }

  async info(): Promise<StoreInfo> {
    const counts = (this.counts ??= this.stmts.counts.get() as { releases: number; chunks: number });
    return {
      kind: "embedded",
      embedder: { id: this.meta.embedderId, dimension: this.meta.dimension },
      analyzerVersion: this.meta.analyzerVersion,
      builtAt: this.meta.updatedAt,
      generation: `${this.dir}:${this.seq}`,
      ...counts,
    };
  }

  async dense(vector: number[], k: number): Promise<DenseHit[]> {
    const r = this.graph.searchKnn(vector, k);
    return r.neighbors.map((label, i) => ({ label, similarity: 1 - r.distances[i]! }));
  }

  async lexical(terms: string[], k: number, weights?: ReadonlyMap<string, number>): Promise<LexicalHit[]> {
    return this.chunkIndex.search(terms, k, weights).map((h) => ({ label: h.id, bm25: h.bm25 }));
  }

  async releaseLexical(terms: string[], k: number): Promise<ReleaseHit[]> {
    const hits = this.releaseIndex.search(terms, k);
    if (!hits.length) return [];
    const ids = new Map((this.stmts.releaseIds.all(JSON.stringify(hits.map((h) => h.id))) as { rid: number; release_id: string }[]).map((r) => [r.rid, r.release_id]));
    return hits.flatMap((h) => (ids.has(h.id) ? [{ releaseId: ids.get(h.id)!, bm25: h.bm25 }] : []));
  }

  async chunks(labels: number[]): Promise<Map<number, StoredChunk>> {
    const out = new Map<number, StoredChunk>();
    if (!labels.length) return out;
    for (const r of this.stmts.chunks.all(JSON.stringify(labels)) as ChunkRow[]) {
      out.set(r.label, { label: r.label, id: `${r.release_id}#${r.ordinal}`, releaseId: r.release_id, ordinal: r.ordinal, text: r.text, start: r.start, end: r.end });
    }
    return out;
  }

  async chunkLabels(releaseIds: string[]): Promise<number[]> {
    return releaseIds.length ? (this.stmts.chunkLabels.all(JSON.stringify(releaseIds)) as number[]) : [];
  }

  async releases(releaseIds: string[]): Promise<Map<string, Release>> {
    const out = new Map<string, Release>();
    if (!releaseIds.length) return out;
    for (const r of this.stmts.releases.all(JSON.stringify(releaseIds)) as ReleaseRow[]) out.set(r.release_id, releaseOf(r));
    return out;
  }

  async releaseList(): Promise<ReleaseEntry[]> {
    // French collation, as readers expect (É with E), not SQLite's byte order
    this.titles ??= (this.stmts.titles.all() as ReleaseEntry[]).sort((a, b) => COLLATOR.compare(a.title, b.title) || (a.releaseId < b.releaseId ? -1 : 1));
    return this.titles;
  }

  async documentFrequencies(terms: string[]): Promise<{ releases: number; df: Map<string, number> }> {
    return { releases: this.releaseIndex.count, df: this.releaseIndex.documentFrequencies(terms) };
  }

  async refresh(): Promise<boolean> {
    if (this.source.seq() === this.seq) return false;
    const tx = this.db.transaction(() => {
      const seq = this.source.seq();
      catchUp(this.graph, this.seq, this.source);
      this.chunkIndex.apply(this.seq);
      this.releaseIndex.apply(this.seq);
      return { seq, consistent: this.graph.size === this.source.count(), meta: readMeta(this.db) };
    });
    const r = tx();
    if (!r.consistent) {
      // never serve a graph that disagrees with the rows: reopen, which repairs
      this.log(`the HNSW graph of ${this.dir} disagrees with the store after an update; reloading it`);
      const fresh = await EmbeddedStore.open({ dir: this.dir, log: this.log });
      this.graph = fresh.graph;
      fresh.db.close();
    }
    this.seq = r.seq;
    this.meta = { ...r.meta, seq: r.seq };
    this.titles = null;
    this.counts = null;
    return true;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function releaseOf(r: ReleaseRow): Release {
  return {
    releaseId: r.release_id,
    source: r.source,
    title: r.title,
    location: r.location,
    contacts: JSON.parse(r.contacts) as Release["contacts"],
    hash: r.file_hash,
    text: r.text,
  };
}
