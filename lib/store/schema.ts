import type Database from "better-sqlite3";
import type { BuildMeta } from "./store";

/** Version of the embedded store's layout; bump when it changes incompatibly. */
export const STORE_SCHEMA_VERSION = 3;

/** File names inside one index version folder. */
export const DB_FILE = "store.db";

/**
 * Releases and chunks (with their vectors) are the source of truth; the HNSW files are
 * snapshots of the graph at a sequence number, brought up to date from `chunks.seq` and
 * `removed.seq`. Labels are never reused (AUTOINCREMENT), so a label in a graph snapshot
 * always means the same chunk. The lexical index is BM25 over posting lists of the analysed
 * terms (lib/store/bm25.ts), one row per term and segment: each commit adds a segment, deleted
 * documents are skipped by their length 0, small segments are merged from time to time.
 */
const DDL = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE releases (
  rid INTEGER PRIMARY KEY AUTOINCREMENT,
  release_id TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  title TEXT NOT NULL,
  location TEXT,
  contacts TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  text TEXT NOT NULL,
  dl REAL NOT NULL,
  seq INTEGER NOT NULL
);
CREATE INDEX releases_by_seq ON releases (seq);
CREATE TABLE chunks (
  label INTEGER PRIMARY KEY AUTOINCREMENT,
  rid INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  vector BLOB NOT NULL,
  dl REAL NOT NULL,
  seq INTEGER NOT NULL
);
CREATE INDEX chunks_by_release ON chunks (rid, ordinal);
CREATE INDEX chunks_by_seq ON chunks (seq);
CREATE TABLE removed (label INTEGER PRIMARY KEY, seq INTEGER NOT NULL);
CREATE INDEX removed_by_seq ON removed (seq);
CREATE TABLE removed_releases (rid INTEGER PRIMARY KEY, seq INTEGER NOT NULL);
CREATE INDEX removed_releases_by_seq ON removed_releases (seq);
CREATE TABLE postings (
  kind INTEGER NOT NULL,
  term TEXT NOT NULL,
  seg INTEGER NOT NULL,
  ids BLOB NOT NULL,
  tfs BLOB NOT NULL,
  PRIMARY KEY (kind, term, seg)
) WITHOUT ROWID;
`;

/** Meta keys of the embedded store and their meaning. */
export interface StoreMeta extends BuildMeta {
  updatedAt: string;
  /** Sequence number of the last committed change. */
  seq: number;
}

/** Creates the tables of a new store. */
export function createSchema(db: Database.Database, meta: StoreMeta): void {
  db.exec(DDL);
  writeMeta(db, meta);
}

export function writeMeta(db: Database.Database, meta: Partial<StoreMeta>): void {
  const put = db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  for (const [key, value] of Object.entries(meta)) put.run(key, JSON.stringify(value));
}

/** Reads the meta table; throws with what is missing. */
export function readMeta(db: Database.Database): StoreMeta {
  const rows = db.prepare("SELECT key, value FROM meta").all() as { key: string; value: string }[];
  const m = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown])) as Partial<StoreMeta>;
  const required: (keyof StoreMeta)[] = ["schemaVersion", "embedderId", "dimension", "analyzerVersion", "chunking", "builtAt", "seq"];
  const missing = required.filter((k) => m[k] === undefined);
  if (missing.length) throw new Error(`the store's meta table lacks ${missing.join(", ")}`);
  return { updatedAt: m.builtAt!, navProfile: "[]", ...m } as StoreMeta;
}

/** Connection settings: WAL so readers never wait for the ingest, and vice versa. */
export function tune(db: Database.Database): void {
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("cache_size = -16000");
}

/** Kinds of lexical documents in the postings table. */
export const KIND = { chunk: 0, release: 1 } as const;

/** Float32 vector ↔ BLOB. */
export function vectorToBlob(v: ArrayLike<number>): Buffer {
  const f = v instanceof Float32Array ? v : Float32Array.from(v);
  return Buffer.from(f.buffer, f.byteOffset, f.byteLength);
}

export function blobToVector(b: Buffer): Float32Array {
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

/** A typed array as a BLOB, and back (copied: a Buffer's offset need not be aligned). */
export function arrayToBlob(a: Uint32Array | Uint16Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

export function blobToUint32(b: Buffer): Uint32Array {
  return new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

export function blobToUint16(b: Buffer): Uint16Array {
  return new Uint16Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}
