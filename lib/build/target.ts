import type { Embedder } from "../embeddings/embedder";
import type { Chunk } from "../types";
import type { ReleaseState, StoredRelease } from "../store/writer";

import type { BuildMeta } from "../store/store";

export type { BuildMeta };

/** The change set of one ingest, written in one transaction. */
export interface ChangeWriter {
  readonly navProfile: string;
  states(): Promise<Map<string, ReleaseState>>;
  chunkCount(): Promise<number>;
  begin(): Promise<void>;
  putRelease(release: StoredRelease, chunks: Chunk[], vectors: ArrayLike<number>[]): Promise<void>;
  removeRelease(releaseId: string): Promise<void>;
  updateFile(releaseId: string, fileHash: string, source: string): Promise<void>;
  /** Commits with the next sequence number; returns it. */
  commit(meta: { navProfile: string }): Promise<number>;
  rollback(): Promise<void>;
}

/** A store that exists and is updated in place. */
export interface ExistingStore {
  writer: ChangeWriter;
  /** Work after the commit (the embedded store brings its graph snapshot up to date). */
  afterCommit(seq: number, stage?: (m: string) => void): Promise<void>;
  close(): Promise<void>;
}

/** A store built from scratch: invisible to readers until published. */
export interface FreshStore {
  writer: ChangeWriter;
  publish(seq: number, stage?: (m: string) => void): Promise<void>;
  abandon(): Promise<void>;
}

/** Where an ingest writes: the embedded store of an index folder, or PostgreSQL. */
export interface BuildTarget {
  /** How messages name it. */
  readonly name: string;
  /** Takes the target's ingest lock (refusing a second ingest); returns its release. */
  lock(): Promise<() => Promise<void>>;
  /** The existing store when it was built the way this ingest would build it, else null. */
  openExisting(embedder: Embedder, expected: Omit<BuildMeta, "builtAt" | "navProfile">): Promise<ExistingStore | null>;
  createFresh(meta: BuildMeta): Promise<FreshStore>;
}
