import { join } from "node:path";
import type { HierarchicalNSW } from "hnswlib-node";

/** HNSW parameters of every graph. */
export const HNSW_DEFAULTS = { space: "cosine" as const, M: 16, efConstruction: 100, efSearch: 128 };

type HnswModule = typeof import("hnswlib-node");
let modulePromise: Promise<HnswModule> | undefined;

/** Loads the native hnswlib-node lazily, with an install hint when it is missing. */
export async function loadHnswlib(): Promise<HnswModule> {
  modulePromise ??= import("hnswlib-node")
    .then((m) => ((m as { default?: HnswModule }).default ?? m))
    .catch((err: unknown) => {
      modulePromise = undefined;
      throw new Error("hnswlib-node could not be loaded. Run `npm install` (it compiles with python3, make and g++).", {
        cause: err,
      });
    });
  return modulePromise;
}

/**
 * A cosine k-NN index made of one or more HNSW graphs over disjoint label sets; a search
 * queries every shard and merges. Distances are cosine distances (1 − similarity). Points are
 * added and marked deleted in place; `dirty` tells which shards changed since they were written.
 */
export class ShardedHnsw {
  readonly dirty: boolean[];
  /** Points marked deleted per shard (they still count in getCurrentCount). */
  readonly deleted: number[];

  constructor(
    readonly shards: HierarchicalNSW[],
    deleted: number[] = [],
  ) {
    this.dirty = shards.map(() => false);
    this.deleted = shards.map((_, i) => deleted[i] ?? 0);
  }

  /** Live points (added minus marked deleted). */
  get size(): number {
    return this.shards.reduce((n, s, i) => n + s.getCurrentCount() - this.deleted[i]!, 0);
  }

  /** Points marked deleted in all shards. */
  get deletedCount(): number {
    return this.deleted.reduce((a, b) => a + b, 0);
  }

  getEf(): number {
    return this.shards[0]?.getEf() ?? 0;
  }

  setEf(ef: number): void {
    for (const s of this.shards) s.setEf(ef);
  }

  /** Adds a point to the smallest shard, growing it when full. */
  add(label: number, vector: ArrayLike<number>): void {
    let s = 0;
    for (let i = 1; i < this.shards.length; i++) if (this.shards[i]!.getCurrentCount() < this.shards[s]!.getCurrentCount()) s = i;
    const shard = this.shards[s]!;
    if (shard.getCurrentCount() >= shard.getMaxElements()) shard.resizeIndex(Math.ceil(shard.getMaxElements() * 1.25) + 16);
    shard.addPoint(Array.from(vector), label);
    this.dirty[s] = true;
  }

  /** Marks a label deleted wherever it is; false when no shard holds it (or it was already deleted). */
  remove(label: number): boolean {
    for (let s = 0; s < this.shards.length; s++) {
      try {
        this.shards[s]!.markDelete(label);
        this.dirty[s] = true;
        this.deleted[s]!++;
        return true;
      } catch {
        // not in this shard, or already deleted
      }
    }
    return false;
  }

  searchKnn(query: number[], k: number): { neighbors: number[]; distances: number[] } {
    const hits: { label: number; distance: number }[] = [];
    this.shards.forEach((shard, s) => {
      const r = searchShard(shard, query, Math.min(k, shard.getCurrentCount() - this.deleted[s]!));
      r.neighbors.forEach((label, i) => hits.push({ label, distance: r.distances[i]! }));
    });
    hits.sort((a, b) => a.distance - b.distance);
    const top = hits.slice(0, k);
    return { neighbors: top.map((h) => h.label), distances: top.map((h) => h.distance) };
  }
}

/** hnswlib throws when it finds fewer live points than asked (possible after deletions): ask for fewer. */
function searchShard(shard: HierarchicalNSW, query: number[], k: number): { neighbors: number[]; distances: number[] } {
  for (let n = k; n > 0; n = Math.floor(n / 2)) {
    try {
      return shard.searchKnn(query, n);
    } catch {
      // retry with fewer
    }
  }
  return { neighbors: [], distances: [] };
}

/** Reads shard files; `ef` is reset to 10 by readIndex, so it is set again here. */
export async function readHnsw(input: { dir: string; files: string[]; dimension: number; efSearch: number; deleted?: number[] }): Promise<ShardedHnsw> {
  const { HierarchicalNSW } = await loadHnswlib();
  const shards: HierarchicalNSW[] = [];
  for (const file of input.files) {
    const index = new HierarchicalNSW("cosine", input.dimension);
    await index.readIndex(join(input.dir, file));
    index.setEf(input.efSearch);
    shards.push(index);
  }
  return new ShardedHnsw(shards, input.deleted);
}

/** An empty graph of one shard. */
export async function emptyHnsw(input: { dimension: number; capacity?: number }): Promise<ShardedHnsw> {
  const { HierarchicalNSW } = await loadHnswlib();
  const index = new HierarchicalNSW("cosine", input.dimension);
  index.initIndex(Math.max(16, input.capacity ?? 16), HNSW_DEFAULTS.M, HNSW_DEFAULTS.efConstruction, 100);
  index.setEf(HNSW_DEFAULTS.efSearch);
  const graph = new ShardedHnsw([index]);
  graph.dirty[0] = true;
  return graph;
}
