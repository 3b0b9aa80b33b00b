import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import type { Embedder } from "../embeddings/embedder";
import { learnNavProfile, type NavProfile } from "../ingest/boilerplate";
import { chunkRelease, embeddingText } from "../ingest/chunk";
import { decodeRelease, UnreadableError } from "../ingest/decode";
import { InputFolderError, listReleaseFiles } from "../ingest/files";
import { EmptyReleaseError, parseRelease } from "../ingest/parse";
import { STORE_SCHEMA_VERSION } from "../store/schema";
import type { ReleaseState, StoredRelease } from "../store/writer";
import { ANALYZER_VERSION } from "../text/normalize";
import type { Chunk } from "../types";
import { embeddedTarget } from "./embedded-target";
import type { BuildTarget, ChangeWriter, ExistingStore } from "./target";

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
  /** Called just before the change set is committed (tests use it to simulate a crash). */
  beforeCommit?: () => void | Promise<void>;
  /** Called after the commit, before the graph is written (tests use it to simulate a crash). */
  afterCommit?: () => void | Promise<void>;
  /** Files larger than this are skipped with a warning (default MAX_FILE_BYTES). */
  maxFileBytes?: number;
  /** Where to write (default: the embedded store of `dir`). */
  target?: BuildTarget;
}

/** Default size limit of a release file: press releases are a few kB; a huge file is an accident. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

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
  /** Whether a new index version was built from scratch (first build, --rebuild, other embedder). */
  fullBuild: boolean;
  embedderId: string;
  ms: number;
}

/** Thrown when no file of the input folder yields a release (exit code 1, old index untouched). */
export class NoReleasesError extends Error {
  override readonly name = "NoReleasesError";
}

interface Decoded {
  releaseId: string;
  source: string;
  text: string;
  fileHash: string;
}

/**
 * Reads, cleans, chunks and embeds the releases of `input` into the index in `dir`. An
 * existing compatible index is updated in place, in one transaction: only new and changed
 * releases are embedded, removed ones are deleted, and the HNSW graph gains and marks points
 * instead of being rebuilt. A first build, `rebuild` or another embedder, analyser or chunking
 * builds a new version folder that goes live atomically. One ingest at a time per index.
 */
export async function ingest(input: IngestInput): Promise<IngestSummary> {
  const t0 = performance.now();
  const warn = input.warn ?? ((m: string) => console.warn(m));
  const inputDir = resolve(input.input);
  const indexDir = resolve(input.dir);
  if (indexDir === inputDir || indexDir.startsWith(inputDir + sep) || inputDir.startsWith(indexDir + sep)) {
    throw new InputFolderError(`The index folder (${input.dir}) and the input folder (${input.input}) must not contain each other.`);
  }
  const target = input.target ?? embeddedTarget(input.dir);
  const unlock = await target.lock();
  let existing: ExistingStore | null = null;
  try {
    const skipped: IngestSummary["skipped"] = [];
    const files = await listReleaseFiles(input.input, skipped);
    for (const s of skipped) warn(`skipped ${s.source}: ${s.reason}`);
    const decoded = await readReleases({ input: input.input, files, skipped, warn, maxBytes: input.maxFileBytes ?? MAX_FILE_BYTES });
    const profile = learnNavProfile(decoded.map((d) => d.text));
    const profileJson = JSON.stringify([...profile.lines].sort((a, b) => a[0].localeCompare(b[0])));

    const expected = {
      schemaVersion: STORE_SCHEMA_VERSION,
      embedderId: input.embedder.id,
      dimension: input.embedder.dimension,
      analyzerVersion: ANALYZER_VERSION,
      chunking: CHUNKING,
    };
    existing = input.rebuild ? null : await target.openExisting(input.embedder, expected);
    const states = existing ? await existing.writer.states() : new Map<string, ReleaseState>();
    const sameProfile = existing?.writer.navProfile === profileJson;

    // releases whose file did not change (and the navigation learned is the same) are not parsed again
    const releases: StoredRelease[] = [];
    const moved: { releaseId: string; fileHash: string; source: string }[] = [];
    for (const d of decoded) {
      const state = states.get(d.releaseId);
      if (state && sameProfile && state.fileHash === d.fileHash) {
        if (state.source !== d.source) moved.push(d);
        continue;
      }
      const r = parse(d, profile, skipped, warn);
      // the parsed release is kept; the raw text is not needed any more (memory at scale)
      d.text = "";
      if (!r) continue;
      if (state && state.contentHash === r.contentHash) {
        moved.push(d);
      } else releases.push(r);
    }
    const seen = new Set(decoded.filter((d) => !skipped.some((s) => s.source === d.source)).map((d) => d.releaseId));
    if (seen.size === 0) {
      throw new NoReleasesError(
        files.length === 0
          ? `No release files (.txt, .md, .html, .htm) in ${input.input}. The existing index was left untouched.`
          : `None of the ${files.length} file(s) in ${input.input} could be indexed. The existing index was left untouched.`,
      );
    }
    const removedIds = [...states.keys()].filter((id) => !seen.has(id));
    const base = {
      filesRead: files.length,
      releases: seen.size,
      skipped,
      removed: removedIds.length,
      changed: releases.length,
      embedderId: input.embedder.id,
      fullBuild: existing === null,
    };

    if (existing) {
      const { writer } = existing;
      const chunksBefore = await writer.chunkCount();
      if (releases.length === 0 && removedIds.length === 0 && moved.length === 0 && sameProfile) {
        return { ...base, chunks: chunksBefore, embedded: 0, reused: chunksBefore, upToDate: true, ms: performance.now() - t0 };
      }
      await writer.begin();
      try {
        for (const id of removedIds) await writer.removeRelease(id);
        for (const m of moved) await writer.updateFile(m.releaseId, m.fileHash, m.source);
        const embedded = await embedInto(writer, releases, input);
        await input.beforeCommit?.();
        const seq = await writer.commit({ navProfile: profileJson });
        await input.afterCommit?.();
        await existing.afterCommit(seq, input.stage);
        const chunks = await writer.chunkCount();
        return { ...base, chunks, embedded, reused: chunks - embedded, upToDate: false, ms: performance.now() - t0 };
      } catch (err) {
        await writer.rollback();
        throw err;
      }
    }

    // a store built from scratch, published when complete
    const fresh = await target.createFresh({ ...expected, builtAt: new Date().toISOString(), navProfile: profileJson });
    try {
      await fresh.writer.begin();
      const embedded = await embedInto(fresh.writer, releases, input);
      await input.beforeCommit?.();
      const seq = await fresh.writer.commit({ navProfile: profileJson });
      await fresh.publish(seq, input.stage);
      return { ...base, chunks: embedded, embedded, reused: 0, upToDate: false, ms: performance.now() - t0 };
    } catch (err) {
      await fresh.writer.rollback().catch(() => undefined);
      await fresh.abandon();
      throw err;
    }
  } finally {
    await existing?.close();
    await unlock();
  }
}

/** Reads and decodes every file, skipping unreadable ones and duplicate release ids with a reason. */
async function readReleases(input: { input: string; files: string[]; skipped: IngestSummary["skipped"]; warn: (m: string) => void; maxBytes: number }): Promise<Decoded[]> {
  const out: Decoded[] = [];
  const seen = new Set<string>();
  // files are read a batch at a time: one await per file costs more than the read itself
  const READ_AHEAD = 64;
  const reads = new Map<number, Promise<Buffer>>();
  const read = (i: number) => {
    if (i >= input.files.length || reads.has(i)) return;
    const pending = readLimited(join(input.input, input.files[i]!), input.maxBytes);
    // a file that fails is reported when its turn comes; until then its rejection is not "unhandled"
    pending.catch(() => undefined);
    reads.set(i, pending);
  };
  for (let i = 0; i < Math.min(READ_AHEAD, input.files.length); i++) read(i);
  for (const [i, source] of input.files.entries()) {
    read(i + READ_AHEAD);
    const releaseId = source.split("/").pop()!.replace(/\.[^.]+$/, "");
    try {
      const pending = reads.get(i)!;
      reads.delete(i);
      const bytes = await pending;
      const { text, warnings } = decodeRelease(bytes, extname(source).toLowerCase());
      for (const w of warnings) input.warn(`${source}: ${w}`);
      if (seen.has(releaseId)) {
        input.skipped.push({ source, reason: `duplicate releaseId "${releaseId}" (another file has the same name)` });
        input.warn(`skipped ${source}: duplicate releaseId "${releaseId}"`);
        continue;
      }
      seen.add(releaseId);
      out.push({ releaseId, source, text, fileHash: createHash("sha256").update(bytes).digest("hex") });
    } catch (err) {
      const reason =
        err instanceof UnreadableError || err instanceof TooLargeError ? err.message : `unreadable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
      input.skipped.push({ source, reason });
      input.warn(`skipped ${source}: ${reason}`);
    }
  }
  return out;
}

/** Thrown for a file over the size limit. */
class TooLargeError extends Error {}

async function readLimited(path: string, maxBytes: number): Promise<Buffer> {
  const size = (await stat(path)).size;
  const human = (n: number) => (n >= 2 ** 20 ? `${(n / 2 ** 20).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);
  if (size > maxBytes) throw new TooLargeError(`larger than ${human(maxBytes)} (${human(size)}; RELEASE_MAX_BYTES sets the limit)`);
  return readFile(path);
}

function parse(d: Decoded, profile: NavProfile, skipped: IngestSummary["skipped"], warn: (m: string) => void): StoredRelease | null {
  try {
    const r = parseRelease({ releaseId: d.releaseId, source: d.source, text: d.text, hash: d.fileHash, profile });
    return { ...r, contentHash: createHash("sha256").update(`${r.title}\n${r.text}`).digest("hex") };
  } catch (err) {
    if (!(err instanceof EmptyReleaseError)) throw err;
    skipped.push({ source: d.source, reason: err.message });
    warn(`skipped ${d.source}: ${err.message}`);
    return null;
  }
}

/** Chunks and embeds releases in batches, storing each release with its vectors; returns the chunks embedded. */
async function embedInto(writer: ChangeWriter, releases: StoredRelease[], input: IngestInput): Promise<number> {
  const batch = input.batchSize ?? 32;
  const pending: ({ release: StoredRelease; chunks: Chunk[] } | null)[] = releases.map((r) => ({ release: r, chunks: chunkRelease(r, CHUNKING) }));
  // stored releases are let go as they are written: the caller's list is emptied too
  releases.length = 0;
  const total = pending.reduce((n, p) => n + p!.chunks.length, 0);
  let done = 0;
  let i = 0;
  while (i < pending.length) {
    // a batch of whole releases of about `batch` chunks
    const group: { release: StoredRelease; chunks: Chunk[] }[] = [];
    let size = 0;
    while (i < pending.length && (group.length === 0 || size + pending[i]!.chunks.length <= batch)) {
      size += pending[i]!.chunks.length;
      group.push(pending[i]!);
      pending[i++] = null;
    }
    const texts = group.flatMap((p) => p.chunks.map((c) => embeddingText(p.release.title, c)));
    const vectors = texts.length ? await input.embedder.embedDocuments(texts) : [];
    let v = 0;
    for (const p of group) {
      await writer.putRelease(p.release, p.chunks, vectors.slice(v, v + p.chunks.length));
      v += p.chunks.length;
    }
    done += texts.length;
    if (texts.length) input.progress?.(done, total);
  }
  return total;
}
