import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";
import { answer } from "../../lib/answer/answer";
import { createEmbedder, embedderFromId } from "../../lib/embeddings/create";
import { EngineHolder } from "../../lib/engine";
import { ingest } from "../../lib/build/ingest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURES = join(ROOT, "test/fixtures");
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("embedder selection", () => {
  it("auto falls back to the hash embedder, loudly, when the model cannot be had", async () => {
    const modelsDir = await mkdtemp(join(tmpdir(), "oim-models-"));
    dirs.push(modelsDir);
    // no network: any download attempt fails at once
    const fetchSpy = vi.spyOn(globalThis, "fetch").mockRejectedValue(new TypeError("fetch failed"));
    const lines: string[] = [];
    try {
      const e = await createEmbedder({ kind: "auto", model: "example/missing-model", modelsDir, log: (l) => lines.push(l), downloadTimeoutMs: 20_000 });
      expect(e.id).toMatch(/^hash:/);
    } finally {
      fetchSpy.mockRestore();
    }
    const warning = lines.join("\n");
    expect(warning).toMatch(/WARNING: the embedding model example\/missing-model is not available/);
    expect(warning).toMatch(/falling back to the offline hash embedder/);
    expect(warning).toMatch(/--rebuild --embedder transformers/);
  });

  it("hash is chosen without touching the model", async () => {
    const e = await createEmbedder({ kind: "hash", modelsDir: "/nonexistent" });
    expect(e.id).toBe("hash:v4:512");
  });

  it("refuses an unknown embedder id from a manifest, saying how to rebuild", async () => {
    await expect(embedderFromId({ id: "word2vec:x", modelsDir: FIXTURES })).rejects.toThrow(/npm run ingest -- --rebuild/);
  });
});

describe("the generated tiny model through the real Transformers.js pipeline", () => {
  it("ingests, reloads with the embedder named in the manifest, and answers with citations", async () => {
    const progress: string[] = [];
    const embedder = await createEmbedder({ kind: "transformers", model: "tiny-model", modelsDir: FIXTURES, log: (l) => progress.push(l) });
    expect(embedder.id).toBe("transformers:tiny-model:q8");
    expect(embedder.dimension).toBe(32);
    const dir = await mkdtemp(join(tmpdir(), "oim-tiny-index-"));
    dirs.push(dir);
    const summary = await ingest({ input: join(ROOT, "data/releases"), dir, embedder, warn: () => {} });
    expect(summary.embedderId).toBe("transformers:tiny-model:q8");
    expect(summary.embedded).toBe(summary.chunks);

    const engine = await new EngineHolder({ dir, modelsDir: FIXTURES }).get();
    expect(engine.embedder.id).toBe("transformers:tiny-model:q8");
    expect((await engine.store.info()).embedder).toEqual({ id: "transformers:tiny-model:q8", dimension: 32 });
    const a = await answer({ engine, question: "Qui finance l'atelier de Panama ?" });
    expect(a.abstained).toBe(false);
    expect(a.citations[0]!.releaseId).toBe("000_120eaf54a8d4fb0e");

    // a second run over the same corpus re-embeds nothing
    const again = await ingest({ input: join(ROOT, "data/releases"), dir, embedder, warn: () => {} });
    expect(again.upToDate).toBe(true);
  });
});
