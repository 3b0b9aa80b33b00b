import Database from "better-sqlite3";
import { join } from "node:path";
import { terms } from "../text/analyze";
import type { Chunk, Release } from "../types";
import { graphSource, openDatabase } from "./embedded";
import type { GraphSource } from "./graph";
import { documentTerms, mergeSegments, PostingsBuilder } from "./bm25";
import { arrayToBlob, blobToUint16, blobToUint32, createSchema, DB_FILE, KIND, readMeta, tune, vectorToBlob, writeMeta, type StoreMeta } from "./schema";

/** What the store remembers of a release to tell whether it changed. */
export interface ReleaseState {
  fileHash: string;
  contentHash: string;
  source: string;
}

/** A release to store, with the hash of its cleaned content. */
export type StoredRelease = Release & { contentHash: string };

/** The searchable title of a release: its dateline place is searchable with it ("Turin"). */
export function searchableTitle(r: Pick<Release, "title" | "location">): string {
  return r.location ? `${r.title} ${r.location}` : r.title;
}

/**
 * Writes to an embedded store. Changes happen in one transaction (`begin` … `commit`): a
 * process killed before the commit leaves the previous state, and each commit gets the next
 * sequence number, which graph snapshots are brought up to.
 */
/** Segments of postings (besides the first) above which the small ones are merged into one. */
const MAX_SEGMENTS = 16;

export class StoreWriter {
  private inTx = false;
  private chunkPostings = new PostingsBuilder();
  private releasePostings = new PostingsBuilder();
  private readonly stmts;
  readonly source: GraphSource;

  private constructor(
    readonly dir: string,
    readonly db: Database.Database,
    private meta: StoreMeta,
  ) {
    this.source = graphSource(db, meta.dimension);
    this.stmts = {
      rid: db.prepare("SELECT rid FROM releases WHERE release_id = ?").pluck(),
      insertRelease: db.prepare(
        "INSERT INTO releases (release_id, source, title, location, contacts, file_hash, content_hash, text, dl, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      ),
      deleteRelease: db.prepare("DELETE FROM releases WHERE rid = ?"),
      updateFile: db.prepare("UPDATE releases SET file_hash = ?, source = ? WHERE release_id = ?"),
      chunkLabels: db.prepare("SELECT label FROM chunks WHERE rid = ?").pluck(),
      insertChunk: db.prepare('INSERT INTO chunks (rid, ordinal, start, "end", text, vector, dl, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      deleteChunks: db.prepare("DELETE FROM chunks WHERE rid = ?"),
      insertRemoved: db.prepare("INSERT OR REPLACE INTO removed (label, seq) VALUES (?, ?)"),
      insertRemovedRelease: db.prepare("INSERT OR REPLACE INTO removed_releases (rid, seq) VALUES (?, ?)"),
      insertPostings: db.prepare("INSERT INTO postings (kind, term, seg, ids, tfs) VALUES (?, ?, ?, ?, ?)"),
      segments: db.prepare("SELECT DISTINCT seg FROM postings WHERE kind = ? ORDER BY seg").pluck(),
      smallSegments: db.prepare("SELECT term, ids, tfs FROM postings WHERE kind = ? AND seg > ? ORDER BY term, seg"),
      deleteSmallSegments: db.prepare("DELETE FROM postings WHERE kind = ? AND seg > ?"),
      states: db.prepare("SELECT release_id, file_hash, content_hash, source FROM releases"),
    };
  }

  /** A new, empty store in `dir`. */
  static create(dir: string, meta: Omit<StoreMeta, "seq" | "updatedAt">): StoreWriter {
    const db = new Database(join(dir, DB_FILE));
    tune(db);
    const full: StoreMeta = { ...meta, seq: 0, updatedAt: meta.builtAt };
    createSchema(db, full);
    return new StoreWriter(dir, db, full);
  }

  /** The existing store of `dir`. */
  static open(dir: string): StoreWriter {
    const db = openDatabase(dir);
    try {
      return new StoreWriter(dir, db, readMeta(db));
    } catch (err) {
      db.close();
      throw err;
    }
  }

  get storeMeta(): StoreMeta {
    return this.meta;
  }

  /** The releases stored, by id. */
  states(): Map<string, ReleaseState> {
    const out = new Map<string, ReleaseState>();
    for (const r of this.stmts.states.iterate() as Iterable<{ release_id: string; file_hash: string; content_hash: string; source: string }>) {
      out.set(r.release_id, { fileHash: r.file_hash, contentHash: r.content_hash, source: r.source });
    }
    return out;
  }

  /** Starts the transaction of one change set (waits for no other writer: the ingest lock is held). */
  begin(): void {
    this.db.exec("BEGIN IMMEDIATE");
    this.inTx = true;
  }

  private get nextSeq(): number {
    return this.meta.seq + 1;
  }

  /** Stores a release (replacing the one with its id) with its chunks and their vectors; returns the new labels. */
  putRelease(release: StoredRelease, chunks: Chunk[], vectors: ArrayLike<number>[]): number[] {
    this.removeRelease(release.releaseId);
    const r = release;
    const title = terms(searchableTitle(r));
    const whole = documentTerms(title, terms(r.text));
    const rid = Number(
      this.stmts.insertRelease.run(r.releaseId, r.source, r.title, r.location, JSON.stringify(r.contacts), r.hash, r.contentHash, r.text, whole.length, this.nextSeq)
        .lastInsertRowid,
    );
    this.releasePostings.add(rid, whole.tfs);
    return chunks.map((c, i) => {
      const doc = documentTerms(title, terms(c.text));
      const label = Number(this.stmts.insertChunk.run(rid, c.ordinal, c.start, c.end, c.text, vectorToBlob(vectors[i]!), doc.length, this.nextSeq).lastInsertRowid);
      this.chunkPostings.add(label, doc.tfs);
      return label;
    });
  }

  /** Removes a release and its chunks (their labels are recorded for the graphs); false when absent. */
  removeRelease(releaseId: string): boolean {
    const rid = this.stmts.rid.get(releaseId) as number | undefined;
    if (rid === undefined) return false;
    // postings of removed documents stay until their segment is merged: readers skip them
    for (const label of this.stmts.chunkLabels.all(rid) as number[]) this.stmts.insertRemoved.run(label, this.nextSeq);
    this.stmts.insertRemovedRelease.run(rid, this.nextSeq);
    this.stmts.deleteChunks.run(rid);
    this.stmts.deleteRelease.run(rid);
    return true;
  }

  /** Records a new file hash or path for a release whose content did not change. */
  updateFile(releaseId: string, fileHash: string, source: string): void {
    this.stmts.updateFile.run(fileHash, source, releaseId);
  }

  /** Commits the change set with the next sequence number; returns it. */
  commit(meta: Partial<Pick<StoreMeta, "navProfile">> = {}): number {
    const seq = this.nextSeq;
    const updatedAt = new Date().toISOString();
    this.flushPostings(seq);
    writeMeta(this.db, { ...meta, seq, updatedAt });
    this.db.exec("COMMIT");
    this.inTx = false;
    this.meta = { ...this.meta, ...meta, seq, updatedAt };
    return seq;
  }

  rollback(): void {
    if (this.inTx && this.db.inTransaction) this.db.exec("ROLLBACK");
    this.inTx = false;
    this.chunkPostings = new PostingsBuilder();
    this.releasePostings = new PostingsBuilder();
  }

  /** Writes the postings of this change set as segment `seq`, merging small segments when there are many. */
  private flushPostings(seq: number): void {
    for (const [kind, builder] of [
      [KIND.chunk, this.chunkPostings],
      [KIND.release, this.releasePostings],
    ] as const) {
      for (const [term, p] of builder.entries()) this.stmts.insertPostings.run(kind, term, seq, arrayToBlob(p.ids), arrayToBlob(p.tfs));
      const segments = this.stmts.segments.all(kind) as number[];
      if (segments.length > MAX_SEGMENTS + 1) this.mergeSegments(kind, segments[0]!, seq);
    }
    this.chunkPostings = new PostingsBuilder();
    this.releasePostings = new PostingsBuilder();
  }

  /** Merges every segment after the first (the large one of the full build) into one, numbered `seq`. */
  private mergeSegments(kind: number, first: number, seq: number): void {
    // postings of removed documents are dropped on the way
    const gone = new Set(this.db.prepare(kind === KIND.chunk ? "SELECT label FROM removed" : "SELECT rid FROM removed_releases").pluck().all() as number[]);
    const rows = (this.stmts.smallSegments.all(kind, first) as { term: string; ids: Buffer; tfs: Buffer }[]).map((r) => ({ term: r.term, ids: blobToUint32(r.ids), tfs: blobToUint16(r.tfs) }));
    this.stmts.deleteSmallSegments.run(kind, first);
    for (const [term, p] of mergeSegments(rows, gone)) this.stmts.insertPostings.run(kind, term, seq, arrayToBlob(p.ids), arrayToBlob(p.tfs));
  }

  /** Updates the query planner's statistics (after a full build). */
  optimize(): void {
    this.db.pragma("optimize");
  }

  close(): void {
    this.rollback();
    if (this.db.open) {
      this.db.pragma("wal_checkpoint(PASSIVE)");
      this.db.close();
    }
  }
}
