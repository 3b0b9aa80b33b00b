import { access, readFile, realpath } from "node:fs/promises";
import { join } from "node:path";
import { AppError } from "../errors";
import { ANALYZER_VERSION } from "../text/normalize";
import type { Chunk, Release } from "../types";
import { CURRENT, FILES, readVectors } from "./files";
import { readHnsw, type ShardedHnsw } from "./hnsw";
import { LexicalIndex } from "./lexical";
import { parseManifest, type Manifest } from "./manifest";

/** A loaded, searchable index version. */
export interface LoadedIndex {
  /** Absolute path of the version folder. */
  path: string;
  manifest: Manifest;
  chunks: Chunk[];
  releases: Map<string, Release>;
  hnsw: ShardedHnsw;
  lexical: LexicalIndex;
}

/** Path of the live version folder of an index, or null when none was built yet. */
export async function currentVersionPath(dir: string): Promise<string | null> {
  try {
    return await realpath(join(dir, CURRENT));
  } catch {
    return null;
  }
}

/** Hint shown wherever an index is missing. */
export const BUILD_HINT = "Build one with `npm run ingest` (or `npm start`, which ingests data/releases first).";

/**
 * Loads the live version of the index in `dir`. When `expectEmbedderId` is given and differs
 * from the one the index was built with, loading is refused with how to rebuild.
 */
export async function loadIndex(input: { dir: string; expectEmbedderId?: string }): Promise<LoadedIndex> {
  const path = await currentVersionPath(input.dir);
  if (!path) throw new AppError("index_unavailable", `No index in ${input.dir}. ${BUILD_HINT}`);
  let manifest: Manifest;
  try {
    manifest = parseManifest(JSON.parse(await readFile(join(path, FILES.manifest), "utf8")));
  } catch (err) {
    throw new AppError("index_unavailable", `The index in ${input.dir} is unreadable (${(err as Error).message}). Rebuild it with \`npm run ingest -- --rebuild\`.`, { cause: err });
  }
  if (manifest.lexical.analyzerVersion !== ANALYZER_VERSION) {
    throw new AppError(
      "index_mismatch",
      `The index in ${input.dir} was built with an older text analyser (version ${manifest.lexical.analyzerVersion}, this program uses ${ANALYZER_VERSION}). Rebuild it: npm run ingest -- --rebuild`,
    );
  }
  if (input.expectEmbedderId && input.expectEmbedderId !== manifest.embedder.id) {
    throw new AppError(
      "index_mismatch",
      `The index in ${input.dir} was built with the embedder "${manifest.embedder.id}", not "${input.expectEmbedderId}". ` +
        `Query it with the same embedder, or rebuild it: npm run ingest -- --rebuild --embedder ${input.expectEmbedderId.split(":")[0]}`,
    );
  }
  const [chunksJson, releasesJson, lexicalJson] = await Promise.all([
    readFile(join(path, FILES.chunks), "utf8"),
    readFile(join(path, FILES.releases), "utf8"),
    readFile(join(path, FILES.lexical), "utf8"),
  ]);
  const chunks = JSON.parse(chunksJson) as Chunk[];
  const releases = new Map((JSON.parse(releasesJson) as Release[]).map((r) => [r.releaseId, r]));
  const hnsw = await readHnsw({
    dir: path,
    shards: manifest.hnsw.shards,
    dimension: manifest.embedder.dimension,
    efSearch: manifest.hnsw.efSearch,
  });
  return { path, manifest, chunks, releases, hnsw, lexical: LexicalIndex.fromJSON(lexicalJson) };
}

/** Reads the manifest and stored vectors of the live version, for incremental builds. */
export async function loadPrevious(dir: string): Promise<{ manifest: Manifest; chunks: Chunk[]; vectors: Float32Array[] } | null> {
  const path = await currentVersionPath(dir);
  if (!path) return null;
  try {
    await access(join(path, FILES.manifest));
    const manifest = parseManifest(JSON.parse(await readFile(join(path, FILES.manifest), "utf8")));
    const chunks = JSON.parse(await readFile(join(path, FILES.chunks), "utf8")) as Chunk[];
    const vectors = await readVectors(join(path, FILES.vectors), manifest.embedder.dimension);
    return vectors.length === chunks.length ? { manifest, chunks, vectors } : null;
  } catch {
    return null;
  }
}
