import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { HNSW_DEFAULTS, loadHnswlib, shardFiles } from "./hnsw";

/** Above this many vectors the graph is built as parallel shards, one per core. */
export const SHARD_SIZE = 10_000;

export interface BuildHnswInput {
  vectors: Float32Array[];
  dimension: number;
  /** Folder the shard files are written to (`hnsw-0.index`, …). */
  dir: string;
  M?: number;
  efConstruction?: number;
  /** Vectors per shard; defaults to SHARD_SIZE, with at most one shard per core. */
  shardSize?: number;
}

/**
 * Builds the HNSW graph(s) of `vectors` (label = position) and writes them to `dir`. Large
 * indexes are split into contiguous shards built in parallel worker threads. Returns the shard count.
 */
export async function buildHnswFiles(input: BuildHnswInput): Promise<number> {
  const M = input.M ?? HNSW_DEFAULTS.M;
  const efConstruction = input.efConstruction ?? HNSW_DEFAULTS.efConstruction;
  const n = input.vectors.length;
  const shardSize = input.shardSize ?? SHARD_SIZE;
  const shards = n <= shardSize ? 1 : Math.min(Math.ceil(n / shardSize), Math.max(2, availableParallelism()));
  const files = shardFiles(shards);
  if (shards === 1) {
    const { HierarchicalNSW } = await loadHnswlib();
    const index = new HierarchicalNSW("cosine", input.dimension);
    index.initIndex(Math.max(1, n), M, efConstruction, 100);
    input.vectors.forEach((v, label) => index.addPoint(Array.from(v), label));
    await index.writeIndex(join(input.dir, files[0]!));
    return 1;
  }
  const per = Math.ceil(n / shards);
  await Promise.all(
    files.map((file, s) => {
      const first = s * per;
      const count = Math.max(0, Math.min(per, n - first));
      const buffer = new Float32Array(count * input.dimension);
      for (let i = 0; i < count; i++) buffer.set(input.vectors[first + i]!, i * input.dimension);
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(new URL("./hnsw-worker.mjs", import.meta.url), {
          workerData: { dimension: input.dimension, M, efConstruction, vectors: buffer.buffer, firstLabel: first, count, file: join(input.dir, file) },
          transferList: [buffer.buffer],
        });
        worker.once("message", () => resolve());
        worker.once("error", reject);
        worker.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`HNSW shard ${s} build exited with ${code}`))));
      });
    }),
  );
  return shards;
}

