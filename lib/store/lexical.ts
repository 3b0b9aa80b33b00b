import type Database from "better-sqlite3";
import { documentFrequency, Lengths, Scratch, topBm25, type Postings } from "./bm25";
import { blobToUint16, blobToUint32, KIND } from "./schema";

type Kind = (typeof KIND)[keyof typeof KIND];

/**
 * The BM25 index of one kind of document (chunks or whole releases) of a store database:
 * posting lists are read from disk per query term; only the document lengths (a few bytes per
 * document, which also mark deletions) are held in memory.
 */
export class LexicalIndex {
  private readonly lengths = new Lengths();
  private readonly scratch = new Scratch();
  private readonly postingsStmt;
  private readonly changedStmt;
  private readonly removedStmt;

  constructor(
    db: Database.Database,
    private readonly kind: Kind,
  ) {
    const table = kind === KIND.chunk ? { rows: "chunks", id: "label", removed: "removed", removedId: "label" } : { rows: "releases", id: "rid", removed: "removed_releases", removedId: "rid" };
    this.postingsStmt = db.prepare("SELECT ids, tfs FROM postings WHERE kind = ? AND term = ?");
    this.changedStmt = db.prepare(`SELECT ${table.id} AS id, dl FROM ${table.rows} WHERE seq > ?`);
    this.removedStmt = db.prepare(`SELECT ${table.removedId} FROM ${table.removed} WHERE seq > ?`).pluck();
    this.apply(-1);
  }

  /** Takes in the documents added and removed after sequence `since`. */
  apply(since: number): void {
    for (const id of this.removedStmt.all(since) as number[]) this.lengths.delete(id);
    for (const r of this.changedStmt.iterate(since) as Iterable<{ id: number; dl: number }>) this.lengths.set(r.id, r.dl);
  }

  /** Live documents. */
  get count(): number {
    return this.lengths.count;
  }

  private postings(term: string): Postings[] {
    return (this.postingsStmt.all(this.kind, term) as { ids: Buffer; tfs: Buffer }[]).map((r) => ({ ids: blobToUint32(r.ids), tfs: blobToUint16(r.tfs) }));
  }

  /** The `k` best documents for the terms (each distinct term counted once, scaled by its weight, 1 by default). */
  search(terms: string[], k: number, weights?: ReadonlyMap<string, number>): { id: number; bm25: number }[] {
    const distinct = [...new Set(terms)];
    const lists = distinct.map((t) => this.postings(t));
    return topBm25({ terms: lists, weights: distinct.map((t) => weights?.get(t) ?? 1), lengths: this.lengths, k, scratch: this.scratch });
  }

  /** Live documents containing each term. */
  documentFrequencies(terms: string[]): Map<string, number> {
    return new Map([...new Set(terms)].map((t) => [t, documentFrequency(this.postings(t), this.lengths)]));
  }
}
