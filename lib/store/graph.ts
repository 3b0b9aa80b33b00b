import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { emptyHnsw, HNSW_DEFAULTS, readHnsw, type ShardedHnsw } from "./hnsw";
import { buildHnswFiles } from "./hnsw-build";

/** A graph snapshot: the shard files and deletions it holds, as of a store sequence number. */
export interface GraphManifest {
  seq: number;
  files: string[];
  deleted: number[];
}

/** Where a graph is brought up to date from: the store's chunks and removals after a sequence number. */
export interface GraphSource {
  seq(): number;
  /** Live chunks. */
  count(): number;
  added(sinceSeq: number): Iterable<{ label: number; vector: Float32Array }>;
  removed(sinceSeq: number): Iterable<number>;
  /** Live vectors `first … first + count − 1` in label order, with their labels. */
  range(first: number, count: number): { labels: Uint32Array; vectors: Float32Array };
}

const MANIFEST = /^graph-(\d+)\.json$/;
const SHARD = /^hnsw-\d+-\d+\.index$/;

/** Graph manifests of a version folder, newest first. */
async function manifests(dir: string): Promise<{ seq: number; file: string }[]> {
  const out: { seq: number; file: string }[] = [];
  for (const e of await readdir(dir)) {
    const m = MANIFEST.exec(e);
    if (m) out.push({ seq: Number(m[1]), file: e });
  }
  return out.sort((a, b) => b.seq - a.seq);
}

/** Applies the source's changes after `fromSeq` to the graph, in place. */
export function catchUp(graph: ShardedHnsw, fromSeq: number, source: GraphSource): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const { label, vector } of source.added(fromSeq)) {
    graph.add(label, vector);
    added++;
  }
  // a chunk added and removed since the snapshot was never in the graph: nothing to mark
  for (const label of source.removed(fromSeq)) if (graph.remove(label)) removed++;
  return { added, removed };
}

/** A graph of every live vector of the source, built in memory. */
export async function graphFromSource(source: GraphSource, dimension: number): Promise<ShardedHnsw> {
  const { labels, vectors } = source.range(0, source.count());
  const graph = await emptyHnsw({ dimension, capacity: labels.length });
  for (let i = 0; i < labels.length; i++) graph.add(labels[i]!, vectors.subarray(i * dimension, (i + 1) * dimension));
  return graph;
}

export interface LoadedGraph {
  graph: ShardedHnsw;
  /** Sequence number the graph reflects. */
  seq: number;
  /** Whether the snapshot disagreed with the store (or was missing) and the graph was rebuilt from it. */
  repaired: boolean;
}

/**
 * Loads the newest graph snapshot of `dir` that the store has reached, then applies the store's
 * changes made after it. When no snapshot can be read, or the result does not hold exactly the
 * store's live chunks, the graph is rebuilt from the stored vectors (and `repaired` is set).
 */
export async function loadGraph(input: { dir: string; source: GraphSource; dimension: number; log?: (m: string) => void }): Promise<LoadedGraph> {
  const seq = input.source.seq();
  for (const { seq: snapSeq, file } of await manifests(input.dir)) {
    if (snapSeq > seq) continue;
    let graph: ShardedHnsw;
    try {
      const m = JSON.parse(await readFile(join(input.dir, file), "utf8")) as GraphManifest;
      graph = await readHnsw({ dir: input.dir, files: m.files, dimension: input.dimension, efSearch: HNSW_DEFAULTS.efSearch, deleted: m.deleted });
    } catch {
      continue; // a snapshot being pruned by a concurrent ingest, or damaged: try an older one
    }
    catchUp(graph, snapSeq, input.source);
    if (graph.size === input.source.count()) return { graph, seq, repaired: false };
    input.log?.(`the HNSW graph of ${input.dir} (${graph.size} points) disagrees with the store (${input.source.count()} chunks): rebuilding it from the stored vectors`);
    return { graph: await graphFromSource(input.source, input.dimension), seq, repaired: true };
  }
  if (input.source.count() > 0) input.log?.(`no readable HNSW graph in ${input.dir}: rebuilding it from the stored vectors`);
  const graph = await graphFromSource(input.source, input.dimension);
  return { graph, seq, repaired: true };
}

/**
 * Writes a snapshot of the graph for sequence `seq`: changed shards to new files (written under
 * a temporary name, then renamed), then the manifest, last. Keeps the previous snapshot for
 * readers loading it and removes older ones.
 */
export async function writeGraphSnapshot(input: { dir: string; graph: ShardedHnsw; seq: number }): Promise<void> {
  const { dir, graph, seq } = input;
  const previous = (await manifests(dir))[0];
  let files: string[] = [];
  if (previous) {
    try {
      files = (JSON.parse(await readFile(join(dir, previous.file), "utf8")) as GraphManifest).files;
    } catch {
      files = [];
    }
  }
  const out: string[] = [];
  for (let s = 0; s < graph.shards.length; s++) {
    if (!graph.dirty[s] && files[s]) {
      out.push(files[s]!);
      continue;
    }
    const name = `hnsw-${seq}-${s}.index`;
    await graph.shards[s]!.writeIndex(join(dir, `${name}.tmp`));
    await rename(join(dir, `${name}.tmp`), join(dir, name));
    out.push(name);
  }
  await writeManifest(dir, { seq, files: out, deleted: [...graph.deleted] });
  graph.dirty.fill(false);
}

/** Builds the graph of every stored vector as parallel shards and writes it as the snapshot of `seq`. */
export async function writeFullGraph(input: { dir: string; source: GraphSource; dimension: number; seq: number }): Promise<void> {
  const files = await buildHnswFiles({
    count: input.source.count(),
    read: (first, count) => input.source.range(first, count),
    dimension: input.dimension,
    dir: input.dir,
    fileName: (s) => `hnsw-${input.seq}-${s}.index`,
  });
  await writeManifest(input.dir, { seq: input.seq, files, deleted: files.map(() => 0) });
}

async function writeManifest(dir: string, m: GraphManifest): Promise<void> {
  const name = `graph-${m.seq}.json`;
  await writeFile(join(dir, `${name}.tmp`), JSON.stringify(m));
  await rename(join(dir, `${name}.tmp`), join(dir, name));
  await prune(dir);
}

/** Keeps the two newest snapshots and the shard files they use; removes the rest and temp files. */
async function prune(dir: string): Promise<void> {
  const all = await manifests(dir);
  const keep = all.slice(0, 2);
  const used = new Set<string>();
  for (const { file } of keep) {
    try {
      for (const f of (JSON.parse(await readFile(join(dir, file), "utf8")) as GraphManifest).files) used.add(f);
    } catch {
      // unreadable: its files are not protected
    }
  }
  for (const { file } of all.slice(2)) await rm(join(dir, file), { force: true });
  for (const e of await readdir(dir)) {
    if ((SHARD.test(e) && !used.has(e)) || /^(?:hnsw-\d+-\d+\.index|graph-\d+\.json)\.tmp$/.test(e)) await rm(join(dir, e), { force: true });
  }
}
