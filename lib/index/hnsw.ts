import { join } from "node:path";
import type { HierarchicalNSW } from "hnswlib-node";

/** HNSW parameters recorded in the manifest. */
export const HNSW_DEFAULTS = { space: "cosine" as const, M: 16, efConstruction: 100, efSearch: 128 };

type HnswModule = typeof import("hnswlib-node");
let modulePromise: Promise<HnswModule> | undefined;

/** Loads the native hnswlib-node lazily, with an install hint when it is missing. */
export async function loadHnswlib(): Promise<HnswModule> {
  modulePromise ??= import("hnswlib-node")
    .then((m) => ((m as { default?: HnswModule }).default ?? m) as HnswModule)
    .catch((err: unknown) => {
      modulePromise = undefined;
      throw new Error("hnswlib-node could not be loaded. Run `npm install` (it compiles with python3, make and g++).", {
        cause: err,
      });
    });
  return modulePromise;
}

/**
 * A cosine k-NN index made of one or more HNSW graphs over disjoint label ranges; a search
 * queries every shard and merges. Distances are cosine distances (1 − similarity).
 */
export class ShardedHnsw {
  constructor(readonly shards: HierarchicalNSW[]) {}

  get size(): number {
    return this.shards.reduce((n, s) => n + s.getCurrentCount(), 0);
  }

  getEf(): number {
    return this.shards[0]?.getEf() ?? 0;
  }

  setEf(ef: number): void {
    for (const s of this.shards) s.setEf(ef);
  }

  searchKnn(query: number[], k: number): { neighbors: number[]; distances: number[] } {
    const hits: { label: number; distance: number }[] = [];
    for (const shard of this.shards) {
      const n = Math.min(k, shard.getCurrentCount());
      if (n === 0) continue;
      const r = shard.searchKnn(query, n);
      r.neighbors.forEach((label, i) => hits.push({ label, distance: r.distances[i]! }));
    }
    hits.sort((a, b) => a.distance - b.distance);
    const top = hits.slice(0, k);
    return { neighbors: top.map((h) => h.label), distances: top.map((h) => h.distance) };
  }
}

/** Shard file names for a shard count. */
export function shardFiles(shards: number): string[] {
  return Array.from({ length: shards }, (_, i) => `hnsw-${i}.index`);
}

/** Reads the shard files of an index; `ef` is reset to 10 by readIndex, so it is set again here. */
export async function readHnsw(input: { dir: string; shards: number; dimension: number; efSearch: number }): Promise<ShardedHnsw> {
  const { HierarchicalNSW } = await loadHnswlib();
  const shards: HierarchicalNSW[] = [];
  for (const file of shardFiles(input.shards)) {
    const index = new HierarchicalNSW("cosine", input.dimension);
    await index.readIndex(join(input.dir, file));
    index.setEf(input.efSearch);
    shards.push(index);
  }
  return new ShardedHnsw(shards);
}
