import { cp, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HashEmbedder } from "../../lib/embeddings/hash";
import { ingest } from "../../lib/build/ingest";
import { chunkRelease, embeddingText } from "../../lib/ingest/chunk";
import { openStore } from "../../lib/store/open";

export interface IngestBenchRow {
  what: string;
  releases: number;
  chunks: number;
  seconds: number;
  chunksPerSecond: number;
}

/**
 * Throughput of the offline hash embedder alone and of a whole ingestion (read, clean, chunk,
 * embed, HNSW + BM25, atomic write) over `copies` copies of the input corpus.
 */
export async function benchIngest(options: { input: string; copies: number }): Promise<IngestBenchRow[]> {
  const work = await mkdtemp(join(tmpdir(), "oim-bench-ingest-"));
  try {
    const corpus = join(work, "corpus");
    await mkdir(corpus);
    for (let i = 0; i < options.copies; i++) await cp(options.input, join(corpus, `copy-${i}`), { recursive: true });
    // copies share file names, which must be unique release ids: rename per copy
    for (let i = 0; i < options.copies; i++) {
      const dir = join(corpus, `copy-${i}`);
      for (const f of await readdir(dir)) {
        const { rename } = await import("node:fs/promises");
        await rename(join(dir, f), join(dir, `${i}-${f}`));
      }
    }
    const embedder = new HashEmbedder();
    const dir = join(work, "index");
    const t0 = performance.now();
    const summary = await ingest({ input: corpus, dir, embedder, warn: () => {} });
    const full = (performance.now() - t0) / 1000;

    const store = await openStore({ dir });
    const releases = await store.releases((await store.releaseList()).map((r) => r.releaseId));
    await store.close();
    const texts = [...releases.values()].flatMap((r) => chunkRelease(r).map((c) => embeddingText(r.title, c)));
    const t1 = performance.now();
    await embedder.embedDocuments(texts);
    const embedOnly = (performance.now() - t1) / 1000;
    return [
      { what: "hash embedder alone", releases: summary.releases, chunks: texts.length, seconds: round(embedOnly), chunksPerSecond: Math.round(texts.length / embedOnly) },
      { what: "full ingest (hash)", releases: summary.releases, chunks: summary.chunks, seconds: round(full), chunksPerSecond: Math.round(summary.chunks / full) },
    ];
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
