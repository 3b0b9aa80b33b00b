import { HashEmbedder } from "./hash";
import { DEFAULT_MODEL, type Embedder, type EmbedderKind } from "./embedder";
import { formatProgress, isModelAvailable, TransformersEmbedder, type ProgressInfo } from "./transformers";

export { DEFAULT_MODEL };

export interface CreateEmbedderInput {
  kind: EmbedderKind;
  model?: string;
  modelsDir: string;
  /** Warnings and progress lines go here (stderr in the CLI). */
  log?: (line: string) => void;
  /** How long `auto` waits for a model download to start before falling back. */
  downloadTimeoutMs?: number;
}

/**
 * Creates the embedder to index with. `auto` uses the model when cached or downloadable,
 * otherwise the offline hash embedder, with a clear warning.
 */
export async function createEmbedder(input: CreateEmbedderInput): Promise<Embedder> {
  const log = input.log ?? ((line: string) => console.warn(line));
  const model = input.model ?? DEFAULT_MODEL;
  if (input.kind === "hash") return new HashEmbedder();
  const transformers = () =>
    new TransformersEmbedder({
      model,
      modelsDir: input.modelsDir,
      allowRemote: true,
      onProgress: throttledProgress(log),
    });
  if (input.kind === "transformers") {
    const e = transformers();
    await e.init();
    return e;
  }
  const cached = await isModelAvailable({ model, modelsDir: input.modelsDir, dtype: "q8" });
  try {
    const e = transformers();
    await withTimeout(e.init(), cached ? 600_000 : (input.downloadTimeoutMs ?? 60_000));
    return e;
  } catch (err) {
    log(
      `WARNING: the embedding model ${model} is not available (${(err as Error).message.split("\n")[0]}).\n` +
        `WARNING: falling back to the offline hash embedder: lexical matching only, no cross-lingual or paraphrase understanding.\n` +
        `WARNING: to use the model, put it in MODELS_DIR (${input.modelsDir}) or connect to the Hugging Face hub, then run: npm run ingest -- --rebuild --embedder transformers`,
    );
    return new HashEmbedder();
  }
}

/** Recreates the embedder an index was built with, from its manifest id. */
export async function embedderFromId(input: { id: string; modelsDir: string }): Promise<Embedder> {
  const [kind, ...rest] = input.id.split(":");
  if (kind === "hash") {
    const dimension = Number(rest[1]);
    const e = new HashEmbedder({ dimension: Number.isFinite(dimension) && dimension > 0 ? dimension : undefined });
    if (e.id !== input.id) throw new Error(`Unknown hash embedder version "${input.id}". Rebuild the index: npm run ingest -- --rebuild`);
    return e;
  }
  if (kind === "transformers") {
    const dtype = rest[rest.length - 1]!;
    const model = rest.slice(0, -1).join(":");
    const e = new TransformersEmbedder({ model, dtype: dtype as "q8", modelsDir: input.modelsDir, allowRemote: true });
    await e.init();
    return e;
  }
  throw new Error(`Unknown embedder "${input.id}" in the index manifest. Rebuild the index: npm run ingest -- --rebuild`);
}

/** Logs progress events, at most one line per file per 10% step. */
function throttledProgress(log: (line: string) => void): (info: ProgressInfo) => void {
  const last = new Map<string, number>();
  return (info) => {
    if (info.status === "progress") {
      const key = `${info.name}/${info.file}`;
      const step = Math.floor((info.progress ?? 0) / 10);
      if (last.get(key) === step) return;
      last.set(key, step);
    }
    if (info.status === "initiate" || info.status === "download") return;
    log(formatProgress(info));
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer after ${Math.round(ms / 1000)} s`)), ms);
    t.unref?.();
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
