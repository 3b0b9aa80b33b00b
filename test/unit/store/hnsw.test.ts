import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readHnsw } from "../../../lib/store/hnsw";
import { buildHnswFiles } from "../../../lib/store/hnsw-build";
import { packVectors, syntheticVectors } from "../../../scripts/bench/hnsw";

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
    const files = await buildHnswFiles({ count: 300, read: (first, n) => packVectors(vectors, first, n, 16), dimension: 16, dir, shardSize, fileName: (s) => `g-${s}.index` });
    expect(files).toHaveLength(shardSize >= 300 ? 1 : 2);
    expect((await readdir(dir)).sort()).toEqual(files);
    const index = await readHnsw({ dir, files, dimension: 16, efSearch: 64 });
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

  it("adds and marks points in place, never returning a deleted one", async () => {
    const { emptyHnsw } = await import("../../../lib/store/hnsw");
    const vectors = syntheticVectors(50, 8, 5, 5);
    const graph = await emptyHnsw({ dimension: 8 });
    vectors.forEach((v, i) => graph.add(i + 1, v));
    expect(graph.size).toBe(50);
    expect(graph.remove(7)).toBe(true);
    expect(graph.remove(7)).toBe(false);
    expect(graph.remove(999)).toBe(false);
    expect(graph.size).toBe(49);
    const r = graph.searchKnn(Array.from(vectors[6]!), 50);
    expect(r.neighbors).not.toContain(7);
    expect(r.neighbors).toHaveLength(49);
  });
});
