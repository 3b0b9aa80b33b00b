import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { HNSW_DEFAULTS, loadHnswlib } from "./hnsw";

/** Above this many vectors the graph is built as parallel shards, one per core. */
export const SHARD_SIZE = 10_000;

export interface BuildHnswInput {
  /** Number of vectors. */
  count: number;
  /** Vectors `first … first + count − 1` (one after the other) and their labels. */
  read: (first: number, count: number) => { labels: Uint32Array; vectors: Float32Array };
  dimension: number;
  /** Folder the shard files are written to. */
  dir: string;
  /** File name of shard i. */
  fileName: (shard: number) => string;
  M?: number;
  efConstruction?: number;
  /** Vectors per shard; defaults to SHARD_SIZE, with at most one shard per core. */
  shardSize?: number;
}

/**
 * Builds the HNSW graph(s) of `vectors` and writes them to `dir`. Large indexes are split into
 * contiguous shards built in parallel worker threads. Returns the shard file names.
 */
export async function buildHnswFiles(input: BuildHnswInput): Promise<string[]> {
  const M = input.M ?? HNSW_DEFAULTS.M;
  const efConstruction = input.efConstruction ?? HNSW_DEFAULTS.efConstruction;
  const n = input.count;
  const d = input.dimension;
  const shardSize = input.shardSize ?? SHARD_SIZE;
  const shards = n <= shardSize ? 1 : Math.min(Math.ceil(n / shardSize), Math.max(2, availableParallelism()));
  const files = Array.from({ length: shards }, (_, s) => input.fileName(s));
  if (shards === 1) {
    const { HierarchicalNSW } = await loadHnswlib();
    const index = new HierarchicalNSW("cosine", d);
    index.initIndex(Math.max(16, n), M, efConstruction, 100);
    const { labels, vectors } = input.read(0, n);
    for (let i = 0; i < labels.length; i++) index.addPoint(Array.from(vectors.subarray(i * d, (i + 1) * d)), labels[i]!);
    await index.writeIndex(join(input.dir, files[0]!));
    return files;
  }
  const per = Math.ceil(n / shards);
  await Promise.all(
    files.map((file, s) => {
      const first = s * per;
      const count = Math.max(0, Math.min(per, n - first));
      // each shard's vectors are read when its worker starts, never all at once in this thread
      const { labels, vectors } = input.read(first, count);
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(new URL("./hnsw-worker.mjs", import.meta.url), {
          workerData: { dimension: d, M, efConstruction, vectors: vectors.buffer, labels: labels.buffer, seed: 100 + s, file: join(input.dir, file) },
          transferList: [vectors.buffer as ArrayBuffer, labels.buffer as ArrayBuffer],
        });
        worker.once("message", () => resolve());
        worker.once("error", reject);
        worker.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`HNSW shard ${s} build exited with ${code}`))));
      });
    }),
  );
  return files;
}
