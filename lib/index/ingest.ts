import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import type { Embedder } from "../embeddings/embedder";
import { learnNavProfile } from "../ingest/boilerplate";
import { chunkRelease, embeddingText } from "../ingest/chunk";
import { decodeRelease, UnreadableError } from "../ingest/decode";
import { InputFolderError, listReleaseFiles } from "../ingest/files";
import { EmptyReleaseError, parseRelease } from "../ingest/parse";
import { ANALYZER_VERSION } from "../text/normalize";
import type { Chunk, Release } from "../types";
import { loadPrevious } from "./load";
import { writeIndex } from "./write";

export const CHUNKING = { maxWords: 160, overlapWords: 35 };

export interface IngestInput {
  input: string;
  dir: string;
  embedder: Embedder;
  rebuild?: boolean;
  /** Warnings (skipped files, decoding problems). */
  warn?: (message: string) => void;
  /** Embedding progress: chunks done out of total to embed. */
  progress?: (done: number, total: number) => void;
  /** Announces the slower steps after embedding (graph building, writing). */
  stage?: (message: string) => void;
  batchSize?: number;
  beforeCommit?: () => void | Promise<void>;
}

export interface IngestSummary {
  filesRead: number;
  releases: number;
  skipped: { source: string; reason: string }[];
  chunks: number;
  embedded: number;
  reused: number;
  removed: number;
  changed: number;
  upToDate: boolean;
  embedderId: string;
  ms: number;
}

/** Thrown when no file of the input folder yields a release (exit code 1, old index untouched). */
export class NoReleasesError extends Error {
  override readonly name = "NoReleasesError";
}

/**
 * Reads, cleans, chunks and embeds the releases of `input` into the index in `dir`.
 * Unchanged releases reuse their stored vectors; when nothing changed nothing is written.
 */
export async function ingest(input: IngestInput): Promise<IngestSummary> {
  const t0 = performance.now();
  const warn = input.warn ?? ((m: string) => console.warn(m));
  const inputDir = resolve(input.input);
  const indexDir = resolve(input.dir);
  if (indexDir === inputDir || indexDir.startsWith(inputDir + sep) || inputDir.startsWith(indexDir + sep)) {
    throw new InputFolderError(`The index folder (${input.dir}) and the input folder (${input.input}) must not contain each other.`);
  }
  const files = await listReleaseFiles(input.input);
  const skipped: IngestSummary["skipped"] = [];
  const decoded: { source: string; text: string; fileHash: string }[] = [];
  for (const source of files) {
    try {
      const bytes = await readFile(join(input.input, source));
      const { text, warnings } = decodeRelease(bytes, extname(source).toLowerCase());
      for (const w of warnings) warn(`${source}: ${w}`);
      decoded.push({ source, text, fileHash: createHash("sha256").update(bytes).digest("hex") });
    } catch (err) {
      const reason = err instanceof UnreadableError ? err.message : `unreadable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
      skipped.push({ source, reason });
      warn(`skipped ${source}: ${reason}`);
    }
  }

  const profile = learnNavProfile(decoded.map((d) => d.text));
  const releases: (Release & { contentHash: string })[] = [];
  const seen = new Set<string>();
  for (const d of decoded) {
    const releaseId = d.source.split("/").pop()!.replace(/\.[^.]+$/, "");
    if (seen.has(releaseId)) {
      skipped.push({ source: d.source, reason: `duplicate releaseId "${releaseId}" (another file has the same name)` });
      warn(`skipped ${d.source}: duplicate releaseId "${releaseId}"`);
      continue;
    }
    try {
      const r = parseRelease({ releaseId, source: d.source, text: d.text, hash: d.fileHash, profile });
      const contentHash = createHash("sha256").update(`${r.title}\n${r.text}`).digest("hex");
      releases.push({ ...r, contentHash });
      seen.add(releaseId);
    } catch (err) {
      if (!(err instanceof EmptyReleaseError)) throw err;
      skipped.push({ source: d.source, reason: err.message });
      warn(`skipped ${d.source}: ${err.message}`);
    }
  }
  if (releases.length === 0) {
    throw new NoReleasesError(
      files.length === 0
        ? `No release files (.txt, .md, .html, .htm) in ${input.input}. The existing index was left untouched.`
        : `None of the ${files.length} file(s) in ${input.input} could be indexed. The existing index was left untouched.`,
    );
  }

  const previous = input.rebuild ? null : await loadPrevious(input.dir);
  const compatible =
    previous !== null &&
    previous.manifest.embedder.id === input.embedder.id &&
    previous.manifest.lexical.analyzerVersion === ANALYZER_VERSION &&
    previous.manifest.chunking.maxWords === CHUNKING.maxWords &&
    previous.manifest.chunking.overlapWords === CHUNKING.overlapWords;
  const reusable = new Map<string, { chunks: Chunk[]; vectors: Float32Array[] }>();
  if (compatible) {
    previous.chunks.forEach((c, i) => {
      const entry = reusable.get(c.releaseId) ?? { chunks: [], vectors: [] };
      entry.chunks.push(c);
      entry.vectors.push(previous.vectors[i]!);
      reusable.set(c.releaseId, entry);
    });
  }
  const unchanged = (r: { releaseId: string; contentHash: string }) =>
    compatible && previous.manifest.releases[r.releaseId]?.contentHash === r.contentHash && reusable.has(r.releaseId);
  const removed = compatible ? Object.keys(previous.manifest.releases).filter((id) => !seen.has(id)).length : 0;
  const changed = releases.filter((r) => !unchanged(r)).length;
  const base = {
    filesRead: files.length,
    releases: releases.length,
    skipped,
    removed,
    changed,
    embedderId: input.embedder.id,
  };

  if (compatible && changed === 0 && removed === 0) {
    const chunks = releases.reduce((n, r) => n + reusable.get(r.releaseId)!.chunks.length, 0);
    return { ...base, chunks, embedded: 0, reused: chunks, upToDate: true, ms: performance.now() - t0 };
  }

  const chunks: Chunk[] = [];
  const vectors: (Float32Array | undefined)[] = [];
  const todo: { index: number; text: string }[] = [];
  for (const r of releases) {
    if (unchanged(r)) {
      const entry = reusable.get(r.releaseId)!;
      chunks.push(...entry.chunks);
      vectors.push(...entry.vectors);
      continue;
    }
    for (const c of chunkRelease(r, CHUNKING)) {
      todo.push({ index: chunks.length, text: embeddingText(r.title, c) });
      chunks.push(c);
      vectors.push(undefined);
    }
  }
  const batch = input.batchSize ?? 32;
  for (let i = 0; i < todo.length; i += batch) {
    const slice = todo.slice(i, i + batch);
    const embedded = await input.embedder.embedDocuments(slice.map((t) => t.text));
    slice.forEach((t, j) => (vectors[t.index] = Float32Array.from(embedded[j]!)));
    input.progress?.(Math.min(i + batch, todo.length), todo.length);
  }
  input.stage?.(`building the HNSW graph and the BM25 index of ${chunks.length} chunks, then writing ${input.dir}…`);
  await writeIndex({
    dir: input.dir,
    releases,
    chunks,
    vectors: vectors as Float32Array[],
    embedder: { id: input.embedder.id, dimension: input.embedder.dimension },
    chunking: CHUNKING,
    beforeCommit: input.beforeCommit,
  });
  return {
    ...base,
    chunks: chunks.length,
    embedded: todo.length,
    reused: chunks.length - todo.length,
    upToDate: false,
    ms: performance.now() - t0,
  };
}
