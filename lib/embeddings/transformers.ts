import { stat } from "node:fs/promises";
import path from "node:path";
import type { FeatureExtractionPipeline } from "@huggingface/transformers";
import { BaseEmbedder, DEFAULT_MODEL, DEFAULT_MODELS_DIR } from "./embedder";

/** ONNX weight variants published for Transformers.js models (`auto` is left out: ids must be stable). */
export type TransformersDtype = "fp32" | "fp16" | "q8" | "int8" | "uint8" | "q4" | "bnb4" | "q4f16";

/** File-name suffix of each dtype, as Transformers.js resolves `onnx/model${suffix}.onnx`. */
const DTYPE_SUFFIX: Record<TransformersDtype, string> = {
  fp32: "",
  fp16: "_fp16",
  q8: "_quantized",
  int8: "_int8",
  uint8: "_uint8",
  q4: "_q4",
  bnb4: "_bnb4",
  q4f16: "_q4f16",
};


export const DEFAULT_TRANSFORMERS_DTYPE: TransformersDtype = "q8";

/** A Transformers.js `progress_callback` event (initiate, download, progress, done, ready). */
export interface ProgressInfo {
  status: string;
  name?: string;
  file?: string;
  progress?: number;
  loaded?: number;
  total?: number;
  task?: string;
  model?: string;
}

export interface TransformersEmbedderOptions {
  /** Hugging Face model id; default `Xenova/multilingual-e5-small`. */
  model?: string;
  /** Weight variant; default `q8` (`onnx/model_quantized.onnx`). */
  dtype?: TransformersDtype;
  /** Where models are looked up (`<modelsDir>/<model id>/`) and downloaded to; default `.cache/models`. */
  modelsDir?: string;
  /** Whether missing files may be downloaded from the Hugging Face Hub; default true. */
  allowRemote?: boolean;
  /** Text prepended to queries and passages; default `query: ` / `passage: ` for e5 models, else none. */
  prefixes?: { query: string; passage: string };
  /** Texts per forward pass in `embedDocuments`; default 16. */
  batchSize?: number;
  /** Receives download and loading progress (see `formatProgress`). */
  onProgress?: (info: ProgressInfo) => void;
}

/** The model could not be loaded (missing locally, download failed, or unreadable files). */
export class ModelLoadError extends Error {
  override readonly name = "ModelLoadError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * Sentence embeddings computed locally with Transformers.js (ONNX Runtime): mean pooling,
 * L2-normalised, inputs truncated to the model's maximum length by its tokenizer.
 * The pipeline is created on first use (or by `init()`) and shared by later calls.
 */
export class TransformersEmbedder extends BaseEmbedder {
  readonly id: string;
  readonly model: string;
  readonly dtype: TransformersDtype;
  readonly modelsDir: string;
  private readonly allowRemote: boolean;
  private readonly prefixes: { query: string; passage: string };
  private readonly batchSize: number;
  private readonly onProgress?: (info: ProgressInfo) => void;
  private loading?: Promise<FeatureExtractionPipeline>;
  private dim?: number;

  constructor(options: TransformersEmbedderOptions = {}) {
    super();
    this.model = options.model ?? DEFAULT_MODEL;
    this.dtype = options.dtype ?? DEFAULT_TRANSFORMERS_DTYPE;
    this.modelsDir = path.resolve(options.modelsDir ?? DEFAULT_MODELS_DIR);
    this.allowRemote = options.allowRemote ?? true;
    this.prefixes = options.prefixes ?? defaultPrefixes(this.model);
    this.batchSize = Math.max(1, Math.floor(options.batchSize ?? 16));
    this.onProgress = options.onProgress;
    this.id = `transformers:${this.model}:${this.dtype}`;
  }

  /** Vector length; known once `init()` (or a first embedding call) has resolved. */
  get dimension(): number {
    if (this.dim === undefined) {
      throw new Error(`The dimension of ${this.id} is unknown until the model is loaded: await embedder.init() first.`);
    }
    return this.dim;
  }

  /** Loads the model (downloading it if allowed and needed) and learns the vector dimension. */
  async init(): Promise<void> {
    if (this.dim === undefined) await this.embed(["dimension probe"]);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts.slice(start, start + this.batchSize).map((t) => this.prefixes.passage + t);
      vectors.push(...(await this.embed(batch)));
    }
    return vectors;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embed([this.prefixes.query + text]);
    if (!vector) throw new Error(`${this.id} returned no vector for the query`);
    return vector;
  }

  private async embed(texts: string[]): Promise<number[][]> {
    const extractor = await this.pipeline();
    // The pipeline tokenizes with `truncation: true`, so long texts are cut to model_max_length.
    const output = await extractor(texts, { pooling: "mean", normalize: true });
    const vectors = output.tolist() as number[][];
    this.dim ??= vectors[0]?.length;
    return vectors;
  }

  /** Memoised pipeline; a failed load is forgotten so that the next call tries again. */
  private pipeline(): Promise<FeatureExtractionPipeline> {
    this.loading ??= this.createPipeline().catch((err: unknown) => {
      this.loading = undefined;
      throw this.loadError(err);
    });
    return this.loading;
  }

  private async createPipeline(): Promise<FeatureExtractionPipeline> {
    // Imported lazily: loading ONNX Runtime is slow and unnecessary for the hash embedder.
    const { env, pipeline } = await import("@huggingface/transformers");
    // Transformers.js keeps these settings globally; downloads land in `<cacheDir>/<model id>/`,
    // the same layout `localModelPath` reads, so a downloaded model is found offline next time.
    env.allowLocalModels = true;
    env.allowRemoteModels = this.allowRemote;
    env.localModelPath = this.modelsDir;
    env.cacheDir = this.modelsDir;
    // Narrowed signature: the generic `pipeline` overload is too complex for tsc to check here.
    const createExtractor = pipeline as unknown as (
      task: "feature-extraction",
      model: string,
      options: Parameters<typeof pipeline>[2],
    ) => Promise<FeatureExtractionPipeline>;
    return createExtractor("feature-extraction", this.model, {
      dtype: this.dtype,
      cache_dir: this.modelsDir,
      local_files_only: !this.allowRemote,
      progress_callback: this.onProgress,
    });
  }

  private loadError(err: unknown): ModelLoadError {
    const reason = describe(err).replace(/\.+$/, "");
    const where = path.join(this.modelsDir, this.model);
    const remote = this.allowRemote ? "" : " (downloads are disabled)";
    return new ModelLoadError(
      `Could not load the embedding model ${this.model} (${this.dtype})${remote}: ${reason}. ` +
        `Run with --embedder hash to use the offline hash embedder, or place the model files ` +
        `(config.json, tokenizer.json, tokenizer_config.json, onnx/model${DTYPE_SUFFIX[this.dtype]}.onnx) ` +
        `in MODELS_DIR under ${where}.`,
      { cause: err },
    );
  }
}

/** The error message, plus its cause's when it adds detail (`fetch failed` hides DNS errors there). */
function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? err.cause.message : undefined;
  return cause && !err.message.includes(cause) ? `${err.message} (${cause})` : err.message;
}

function defaultPrefixes(model: string): { query: string; passage: string } {
  return model.toLowerCase().includes("e5") ? { query: "query: ", passage: "passage: " } : { query: "", passage: "" };
}

/**
 * Whether every file the pipeline needs for `model` at `dtype` is present under
 * `<modelsDir>/<model id>/`. Reads the disk only, never the network.
 */
export async function isModelAvailable(options: {
  model?: string;
  modelsDir?: string;
  dtype?: TransformersDtype;
}): Promise<boolean> {
  const model = options.model ?? DEFAULT_MODEL;
  const dtype = options.dtype ?? DEFAULT_TRANSFORMERS_DTYPE;
  const root = path.resolve(options.modelsDir ?? DEFAULT_MODELS_DIR, model);
  const required = ["config.json", "tokenizer.json", "tokenizer_config.json", `onnx/model${DTYPE_SUFFIX[dtype]}.onnx`];
  const present = await Promise.all(
    required.map((file) =>
      stat(path.join(root, file)).then(
        (s) => s.isFile() && s.size > 0,
        () => false,
      ),
    ),
  );
  return present.every(Boolean);
}

/**
 * One human-readable line for a progress event, e.g.
 * `Downloading Xenova/multilingual-e5-small onnx/model_quantized.onnx 42%`.
 */
export function formatProgress(info: ProgressInfo): string {
  const target = [info.name, info.file].filter(Boolean).join(" ");
  switch (info.status) {
    case "initiate":
      return `Preparing ${target}`;
    case "download":
      return `Downloading ${target}`;
    case "progress":
      return `Downloading ${target} ${Math.floor(info.progress ?? 0)}%`;
    case "done":
      return `Loaded ${target}`;
    case "ready":
      return info.model ? `Model ${info.model} ready` : "Model ready";
    default:
      return `${info.status} ${target}`.trim();
  }
}
