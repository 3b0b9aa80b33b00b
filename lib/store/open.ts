import { AppError } from "../errors";
import { ANALYZER_VERSION } from "../text/normalize";
import { EmbeddedStore, openDatabase } from "./embedded";
import { readMeta, STORE_SCHEMA_VERSION, type StoreMeta } from "./schema";
import { currentVersionPath } from "./versions";

/** Hint shown wherever an index is missing. */
export const BUILD_HINT = "Build one with `npm run ingest` (or `npm start`, which ingests data/releases first).";

/** Why an index cannot be used by this program (with how to rebuild it), or null. */
export function compatibilityProblem(input: { meta: StoreMeta; dir: string; expectEmbedderId?: string }): string | null {
  const { meta, dir } = input;
  if (meta.schemaVersion !== STORE_SCHEMA_VERSION) {
    return `The index in ${dir} has an older layout (version ${meta.schemaVersion}, this program uses ${STORE_SCHEMA_VERSION}). Rebuild it: npm run ingest -- --rebuild`;
  }
  if (meta.analyzerVersion !== ANALYZER_VERSION) {
    return `The index in ${dir} was built with an older text analyser (version ${meta.analyzerVersion}, this program uses ${ANALYZER_VERSION}). Rebuild it: npm run ingest -- --rebuild`;
  }
  if (input.expectEmbedderId && input.expectEmbedderId !== meta.embedderId) {
    return (
      `The index in ${dir} was built with the embedder "${meta.embedderId}", not "${input.expectEmbedderId}". ` +
      `Query it with the same embedder, or rebuild it: npm run ingest -- --rebuild --embedder ${input.expectEmbedderId.split(":")[0]}`
    );
  }
  return null;
}

/** The meta of the live index of `dir` without loading its graph; throws when there is none or it is unreadable. */
export function readStoreMeta(path: string): StoreMeta {
  const db = openDatabase(path);
  try {
    return readMeta(db);
  } finally {
    db.close();
  }
}

/**
 * Opens the live index of `dir` (or the version folder `path`). Refuses, with how to rebuild,
 * an index of an older layout or analyser, and one built with another embedder than
 * `expectEmbedderId` when given.
 */
export async function openStore(input: {
  dir: string;
  path?: string;
  expectEmbedderId?: string;
  log?: (m: string) => void;
  /** How messages name the index folder (the server says "INDEX_DIR": no path of the machine in HTTP errors). */
  label?: string;
}): Promise<EmbeddedStore> {
  const name = input.label ?? input.dir;
  const path = input.path ?? (await currentVersionPath(input.dir));
  if (!path) throw new AppError("index_unavailable", `No index in ${name}. ${BUILD_HINT}`);
  let store: EmbeddedStore;
  try {
    store = await EmbeddedStore.open({ dir: path, log: input.log });
  } catch (err) {
    // the cause (with paths) goes to the log, not to clients
    input.log?.(`cannot open the index in ${input.dir}: ${(err as Error).message}`);
    throw new AppError("index_unavailable", `The index in ${name} is unreadable or of an older layout. Rebuild it with \`npm run ingest -- --rebuild\`.`, { cause: err });
  }
  const problem = compatibilityProblem({ meta: store.storeMeta, dir: name, expectEmbedderId: input.expectEmbedderId });
  if (problem) {
    await store.close();
    throw new AppError("index_mismatch", problem);
  }
  return store;
}
