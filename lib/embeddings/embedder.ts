import { Embeddings } from "@langchain/core/embeddings";

/**
 * A text embedder. Compatible with LangChain's `Embeddings` (embedDocuments / embedQuery),
 * plus an `id` recorded in the index manifest and the vector `dimension`.
 * Vectors are L2-normalised so that cosine similarity is a dot product.
 */
export interface Embedder {
  /** Stable identity, e.g. `hash:v3:512` or `transformers:Xenova/multilingual-e5-small:q8`. */
  readonly id: string;
  readonly dimension: number;
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}

export type EmbedderKind = "auto" | "transformers" | "hash";

/** Base class so every embedder is also a LangChain `Embeddings`. */
export abstract class BaseEmbedder extends Embeddings implements Embedder {
  abstract readonly id: string;
  abstract readonly dimension: number;
  constructor() {
    super({});
  }
}

/** Scales a vector to unit length in place (zero vectors stay zero). */
export function normalize(v: Float32Array | number[]): typeof v {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  if (s > 0) {
    const inv = 1 / Math.sqrt(s);
    for (let i = 0; i < v.length; i++) v[i] = v[i]! * inv;
  }
  return v;
}
