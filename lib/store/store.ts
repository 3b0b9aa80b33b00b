import type { Chunk, Release } from "../types";

/** What a store was built with; an index built with another embedder or analyser is refused. */
export interface StoreInfo {
  kind: "embedded" | "postgres";
  embedder: { id: string; dimension: number };
  analyzerVersion: number;
  builtAt: string;
  /** Changes whenever the content changes (memos keyed by it stay valid until then). */
  generation: string;
  releases: number;
  chunks: number;
}

/** What a store was built with (every store keeps it), checked before it is updated in place. */
export interface BuildMeta {
  schemaVersion: number;
  embedderId: string;
  dimension: number;
  analyzerVersion: number;
  chunking: { maxWords: number; overlapWords: number };
  builtAt: string;
  /** Navigation lines learned from the corpus at the last ingest (JSON). */
  navProfile: string;
}

/** A chunk with its store label (the id of its vector in the graph). */
export interface StoredChunk extends Chunk {
  label: number;
}

/** A dense hit: `similarity` is the cosine similarity (higher is better). */
export interface DenseHit {
  label: number;
  similarity: number;
}

/** A lexical hit: `bm25` is the BM25 score (higher is better). */
export interface LexicalHit {
  label: number;
  bm25: number;
}

export interface ReleaseHit {
  releaseId: string;
  bm25: number;
}

export type ReleaseEntry = Pick<Release, "releaseId" | "title" | "location">;

/**
 * The read side of an index, whatever holds it. Terms are the project's analysed tokens
 * (`terms()` of lib/text/analyze), so every store ranks the same words the same way.
 */
export interface Store {
  info(): Promise<StoreInfo>;
  /** The `k` chunks nearest to a (normalised) query vector. */
  dense(vector: number[], k: number): Promise<DenseHit[]>;
  /**
   * The `k` best chunks by BM25 over title, place and text; `weights` scales the score of some
   * terms (a synonym of a question word counts less than the word itself; others count 1).
   */
  lexical(terms: string[], k: number, weights?: ReadonlyMap<string, number>): Promise<LexicalHit[]>;
  /** The `k` best releases by BM25 over the whole release. */
  releaseLexical(terms: string[], k: number): Promise<ReleaseHit[]>;
  chunks(labels: number[]): Promise<Map<number, StoredChunk>>;
  /** Labels of every chunk of these releases. */
  chunkLabels(releaseIds: string[]): Promise<number[]>;
  releases(releaseIds: string[]): Promise<Map<string, Release>>;
  /** Every release, by title (cached by the store). */
  releaseList(): Promise<ReleaseEntry[]>;
  /** Number of releases containing each term, and the number of releases. */
  documentFrequencies(terms: string[]): Promise<{ releases: number; df: Map<string, number> }>;
  /** Catches up with updates made since it was opened; true when something changed. */
  refresh(): Promise<boolean>;
  close(): Promise<void>;
}
