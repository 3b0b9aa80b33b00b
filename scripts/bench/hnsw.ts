import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HNSW_DEFAULTS, readHnsw } from "../../lib/store/hnsw";
import { buildHnswFiles } from "../../lib/store/hnsw-build";
import { prng } from "../../lib/utils/prng";

export interface HnswBenchRow {
  vectors: number;
  dimension: number;
  buildSeconds: number;
  shards: number;
  queryP50Ms: number;
  queryP99Ms: number;
  recallAt10: number;
}

/** Unit vectors around `clusters` random centres, like sentence embeddings of many topics. */
export function syntheticVectors(count: number, dimension: number, seed = 1, clusters = 200): Float32Array[] {
  const rand = prng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const centres = Array.from({ length: clusters }, () => Float32Array.from({ length: dimension }, gauss));
  return Array.from({ length: count }, () => {
    const c = centres[Math.floor(rand() * clusters)]!;
    const v = Float32Array.from({ length: dimension }, (_, i) => c[i]! + 1.2 * gauss());
    let s = 0;
    for (const x of v) s += x * x;
    const inv = 1 / Math.sqrt(s);
    for (let i = 0; i < v.length; i++) v[i] = v[i]! * inv;
    return v;
  });
}

/** Vectors `first … first + n − 1` one after the other, labelled by position. */
export function packVectors(vectors: Float32Array[], first: number, n: number, dimension: number): { labels: Uint32Array; vectors: Float32Array } {
  const out = new Float32Array(n * dimension);
  const labels = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    out.set(vectors[first + i]!, i * dimension);
    labels[i] = first + i;
  }
  return { labels, vectors: out };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** HNSW build time, query latency (k=10) and recall@10 against exact search. */
export async function benchHnsw(count: number, dimension = 384, queries = 200): Promise<HnswBenchRow> {
  const vectors = syntheticVectors(count, dimension);
  const dir = await mkdtemp(join(tmpdir(), "oim-bench-hnsw-"));
  const t0 = performance.now();
  const files = await buildHnswFiles({ count, read: (first, n) => packVectors(vectors, first, n, dimension), dimension, dir, fileName: (s) => `hnsw-${s}.index` });
  const buildSeconds = (performance.now() - t0) / 1000;
  const shards = files.length;
  const index = await readHnsw({ dir, files, dimension, efSearch: HNSW_DEFAULTS.efSearch });
  await rm(dir, { recursive: true, force: true });
  const qs = syntheticVectors(queries, dimension, 99);
  const times: number[] = [];
  let hits = 0;
  for (const q of qs) {
    const arr = Array.from(q);
    const s = performance.now();
    const res = index.searchKnn(arr, 10);
    times.push(performance.now() - s);
    // exact top 10 by dot product (vectors are unit length)
    const exact = vectors
      .map((v, i) => {
        let d = 0;
        for (let j = 0; j < dimension; j++) d += v[j]! * q[j]!;
        return [i, d] as const;
      })
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map((x) => x[0]);
    const got = new Set(res.neighbors);
    hits += exact.filter((i) => got.has(i)).length;
  }
  return {
    vectors: count,
    dimension,
    buildSeconds: Math.round(buildSeconds * 100) / 100,
    shards,
    queryP50Ms: Math.round(percentile(times, 50) * 1000) / 1000,
    queryP99Ms: Math.round(percentile(times, 99) * 1000) / 1000,
    recallAt10: Math.round((hits / (queries * 10)) * 1000) / 1000,
  };
}

export const HNSW_PARAMS = HNSW_DEFAULTS;
