import { mkdir } from "node:fs/promises";
import { InputFolderError } from "../ingest/files";
import { writeFullGraph } from "../store/graph";
import { IndexBusyError, lockIndex } from "../store/lock";
import { abandonVersion, currentVersionPath, publishVersion, startVersion } from "../store/versions";
import { StoreWriter } from "../store/writer";
import { updateGraph } from "./graph-update";
import type { BuildMeta, BuildTarget, ChangeWriter } from "./target";

/** The async change-writer face of the (synchronous) SQLite writer. */
function changeWriter(w: StoreWriter): ChangeWriter {
  return {
    get navProfile() {
      return w.storeMeta.navProfile;
    },
    states: async () => w.states(),
    chunkCount: async () => w.source.count(),
    begin: async () => w.begin(),
    putRelease: async (r, chunks, vectors) => void w.putRelease(r, chunks, vectors),
    removeRelease: async (id) => void w.removeRelease(id),
    updateFile: async (id, hash, source) => w.updateFile(id, hash, source),
    commit: async (meta) => w.commit(meta),
    rollback: async () => w.rollback(),
  };
}

/** The embedded store of an index folder: updated in place, or built as a new version folder made live atomically. */
export function embeddedTarget(dir: string): BuildTarget {
  return {
    name: dir,
    async lock() {
      // the index folder must be writable before any work is done
      try {
        await mkdir(dir, { recursive: true });
      } catch (err) {
        throw new InputFolderError(`The index folder ${dir} cannot be created (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
      }
      return lockIndex(dir).catch((err: unknown) => {
        if (err instanceof IndexBusyError) throw err;
        throw new InputFolderError(`The index folder ${dir} is not writable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
      });
    },
    async openExisting(_embedder, expected) {
      const live = await currentVersionPath(dir);
      if (!live) return null;
      let w: StoreWriter;
      try {
        w = StoreWriter.open(live);
      } catch {
        return null; // an older layout or a damaged store: build a new version
      }
      const m = w.storeMeta;
      const ok =
        m.schemaVersion === expected.schemaVersion &&
        m.embedderId === expected.embedderId &&
        m.analyzerVersion === expected.analyzerVersion &&
        m.chunking.maxWords === expected.chunking.maxWords &&
        m.chunking.overlapWords === expected.chunking.overlapWords;
      if (!ok) {
        w.close();
        return null;
      }
      return {
        writer: changeWriter(w),
        afterCommit: async (seq, stage) => {
          stage?.(`updating the HNSW graph of ${dir}…`);
          await updateGraph({ dir: live, writer: w, seq });
        },
        close: async () => w.close(),
      };
    },
    async createFresh(meta: BuildMeta) {
      const version = await startVersion(dir);
      let w: StoreWriter | null = null;
      try {
        w = StoreWriter.create(version.tmp, meta);
      } catch (err) {
        await abandonVersion(version);
        throw err;
      }
      const writer = w;
      return {
        writer: changeWriter(writer),
        async publish(seq, stage) {
          stage?.(`building the HNSW graph of ${writer.source.count()} chunks…`);
          writer.optimize();
          await writeFullGraph({ dir: version.tmp, source: writer.source, dimension: meta.dimension, seq });
          writer.close();
          await publishVersion(dir, version);
        },
        async abandon() {
          writer.close();
          await abandonVersion(version);
        },
      };
    },
  };
}
