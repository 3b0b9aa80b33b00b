import { describe, expect, it } from "vitest";
import { parseManifest, SCHEMA_VERSION } from "../../../lib/index/manifest";

const valid = {
  schemaVersion: SCHEMA_VERSION,
  buildId: "b1",
  builtAt: "2026-01-01T00:00:00.000Z",
  embedder: { id: "hash:v3:512", dimension: 512 },
  hnsw: { space: "cosine", M: 16, efConstruction: 200, efSearch: 128, shards: 1 },
  lexical: { library: "minisearch", algorithm: "BM25+", analyzerVersion: 4 },
  chunking: { maxWords: 160, overlapWords: 35 },
  counts: { releases: 1, chunks: 2 },
  releases: { r1: { contentHash: "c", fileHash: "f", source: "r1.txt", chunks: 2 } },
};

describe("parseManifest", () => {
  it("accepts a valid manifest", () => expect(parseManifest(valid).embedder.id).toBe("hash:v3:512"));

  it("refuses another schema version", () => {
    expect(() => parseManifest({ ...valid, schemaVersion: 99 })).toThrow(/schemaVersion/);
  });

  it("names missing or wrong fields", () => {
    const { embedder: _e, ...rest } = valid;
    expect(() => parseManifest(rest)).toThrow(/embedder/);
    expect(() => parseManifest({ ...valid, hnsw: { ...valid.hnsw, space: "l2" } })).toThrow(/hnsw\.space/);
    expect(() => parseManifest(null)).toThrow(/invalid index manifest/);
  });
});
