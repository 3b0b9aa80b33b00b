import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readHnsw } from "../../../lib/index/hnsw";
import { buildHnswFiles } from "../../../lib/index/hnsw-build";
import { syntheticVectors } from "../../../scripts/bench/hnsw";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("HNSW build and search", () => {
  it.each([
    ["one graph", 10_000],
    ["parallel shards", 100],
  ])("%s: finds each vector as its own nearest neighbour, with ef set after reading", async (_name, shardSize) => {
    const dir = await mkdtemp(join(tmpdir(), "oim-hnsw-"));
    dirs.push(dir);
    const vectors = syntheticVectors(300, 16, 3, 10);
    const shards = await buildHnswFiles({ vectors, dimension: 16, dir, shardSize });
    expect(shards).toBe(shardSize >= 300 ? 1 : 2);
    expect((await readdir(dir)).sort()).toEqual(Array.from({ length: shards }, (_, i) => `hnsw-${i}.index`));
    const index = await readHnsw({ dir, shards, dimension: 16, efSearch: 64 });
    expect(index.getEf()).toBe(64);
    expect(index.size).toBe(300);
    for (const label of [0, 17, 150, 299]) {
      const r = index.searchKnn(Array.from(vectors[label]!), 5);
      expect(r.neighbors[0]).toBe(label);
      expect(r.distances[0]).toBeCloseTo(0, 4);
      expect(r.neighbors).toHaveLength(5);
      for (let i = 1; i < 5; i++) expect(r.distances[i]!).toBeGreaterThanOrEqual(r.distances[i - 1]!);
    }
  });
});
