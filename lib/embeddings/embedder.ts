import { Embeddings } from "@langchain/core/embeddings";

/**
 * A text embedder. Compatible with LangChain's `Embeddings` (embedDocuments / embedQuery),
 * plus an `id` recorded in the index manifest and the vector `dimension`.
 * Vectors are L2-normalised so that cosine similarity is a dot product.
 */
export interface Embedder {
  /** Stable identity, e.g. `hash:v4:512` or `transformers:Xenova/multilingual-e5-small:q8`. */
  readonly id: string;
  readonly dimension: number;
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}

export type EmbedderKind = "auto" | "transformers" | "hash";

/** The sentence embedder used by default (`transformers` and `auto`). */
export const DEFAULT_MODEL = "Xenova/multilingual-e5-small";

/** Where models are cached by default (`MODELS_DIR`). */
export const DEFAULT_MODELS_DIR = ".cache/models";

/** Base class so every embedder is also a LangChain `Embeddings`. */
export abstract class BaseEmbedder extends Embeddings implements Embedder {
  abstract readonly id: string;
  abstract readonly dimension: number;
  constructor() {
    super({});
  }
}
