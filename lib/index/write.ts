import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Chunk, Release } from "../types";
import { CURRENT, FILES, writeVectors } from "./files";
import { HNSW_DEFAULTS } from "./hnsw";
import { buildHnswFiles } from "./hnsw-build";
import { LexicalIndex } from "./lexical";
import { SCHEMA_VERSION, type Manifest } from "./manifest";
import { ANALYZER_VERSION } from "../text/normalize";

export interface WriteIndexInput {
  dir: string;
  releases: (Release & { contentHash: string })[];
  chunks: Chunk[];
  /** One vector per chunk, same order. */
  vectors: Float32Array[];
  embedder: { id: string; dimension: number };
  chunking: { maxWords: number; overlapWords: number };
  /** Called after everything is written, just before the new version goes live (tests use it to simulate a crash). */
  beforeCommit?: () => void | Promise<void>;
  now?: () => Date;
}

/**
 * Writes a complete index version into a temporary folder, then makes it live with an atomic
 * symlink swap (`dir/current`). A crash at any point leaves the previous version live and loadable.
 * Older versions are removed afterwards, keeping the previous one for readers still using it.
 */
export async function writeIndex(input: WriteIndexInput): Promise<Manifest> {
  const now = (input.now ?? (() => new Date()))();
  const buildId = `${now.toISOString().replace(/[-:.TZ]/g, "")}-${randomBytes(3).toString("hex")}`;
  await mkdir(input.dir, { recursive: true });
  const tmp = join(input.dir, `.tmp-${buildId}`);
  const version = `v-${buildId}`;
  await mkdir(tmp);
  try {
    // the dateline place is searchable with the title ("Turin", "Panama City")
    const titleOf = new Map(input.releases.map((r) => [r.releaseId, r.location ? `${r.title} ${r.location}` : r.title]));
    const shards = await buildHnswFiles({ vectors: input.vectors, dimension: input.embedder.dimension, dir: tmp });
    await writeVectors(join(tmp, FILES.vectors), input.vectors, input.embedder.dimension);
    const lexical = LexicalIndex.build(
      input.chunks.map((c, id) => ({ id, title: titleOf.get(c.releaseId) ?? "", text: c.text })),
      input.chunks.map((c) => c.releaseId),
    );
    await writeFile(join(tmp, FILES.lexical), lexical.toJSON());
    await writeFile(join(tmp, FILES.chunks), JSON.stringify(input.chunks));
    const releases = input.releases.map(({ contentHash: _contentHash, ...r }) => r);
    await writeFile(join(tmp, FILES.releases), JSON.stringify(releases));
    const chunkCount = new Map<string, number>();
    for (const c of input.chunks) chunkCount.set(c.releaseId, (chunkCount.get(c.releaseId) ?? 0) + 1);
    const manifest: Manifest = {
      schemaVersion: SCHEMA_VERSION,
      buildId,
      builtAt: now.toISOString(),
      embedder: input.embedder,
      hnsw: { ...HNSW_DEFAULTS, shards },
      lexical: { library: "minisearch", algorithm: "BM25+", analyzerVersion: ANALYZER_VERSION },
      chunking: input.chunking,
      counts: { releases: input.releases.length, chunks: input.chunks.length },
      releases: Object.fromEntries(
        input.releases.map((r) => [
          r.releaseId,
          { contentHash: r.contentHash, fileHash: r.hash, source: r.source, chunks: chunkCount.get(r.releaseId) ?? 0 },
        ]),
      ),
    };
    // the manifest is written last: a version folder without one is incomplete
    await writeFile(join(tmp, FILES.manifest), JSON.stringify(manifest, null, 2));
    await input.beforeCommit?.();
    await rename(tmp, join(input.dir, version));
    const link = join(input.dir, `.current-${buildId}`);
    await symlink(version, link);
    await rename(link, join(input.dir, CURRENT));
    await prune(input.dir, version);
    return manifest;
  } catch (err) {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    throw err;
  }
}

/** Names this module gives to what it writes; nothing else in the folder is ever removed. */
const BUILD = String.raw`\d{17}-[0-9a-f]{6}`;
const VERSION = new RegExp(`^v-${BUILD}$`);
const LEFTOVER = new RegExp(`^\\.(?:tmp|current)-${BUILD}$`);

/** Removes leftovers: temp folders of other builds and versions older than the previous one. */
async function prune(dir: string, live: string): Promise<void> {
  const entries = (await readdir(dir)).sort();
  const versions = entries.filter((e) => VERSION.test(e) && e !== live);
  const keep = new Set([versions[versions.length - 1]]);
  for (const e of entries) {
    const stale = (VERSION.test(e) && e !== live && !keep.has(e)) || LEFTOVER.test(e);
    if (stale) await rm(join(dir, e), { recursive: true, force: true }).catch(() => undefined);
  }
}
