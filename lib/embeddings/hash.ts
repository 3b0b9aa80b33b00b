import { terms } from "../text/analyze";
import { words } from "../text/normalize";
import { BaseEmbedder } from "./embedder";

export interface HashEmbedderOptions {
  /** Vector size; default 512. */
  dimension?: number;
}

/**
 * Offline embedder needing no weights: signed feature hashing of stemmed words, word pairs and
 * character 4-grams (French-aware folding: case, accents, elisions), log-scaled and normalised.
 * Deterministic and fast; similar wording gives similar vectors. It captures vocabulary overlap,
 * not meaning: paraphrases with other words and other languages are beyond it.
 */
export class HashEmbedder extends BaseEmbedder {
  readonly id: string;
  readonly dimension: number;

  constructor(options: HashEmbedderOptions = {}) {
    super();
    this.dimension = options.dimension ?? 512;
    this.id = `hash:v1:${this.dimension}`;
  }

  /** Embeds one text synchronously (the async methods wrap this). */
  embedSync(text: string): Float32Array {
    const v = new Float32Array(this.dimension);
    const counts = new Map<string, number>();
    const add = (feature: string, weight: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight);
    const stems = terms(text);
    for (let i = 0; i < stems.length; i++) {
      add(`w:${stems[i]}`, 1);
      if (i > 0) add(`b:${stems[i - 1]} ${stems[i]}`, 0.5);
    }
    for (const w of words(text)) {
      if (w.length < 4) continue;
      const padded = `#${w}#`;
      for (let i = 0; i + 4 <= padded.length; i++) add(`c:${padded.slice(i, i + 4)}`, 0.25);
    }
    for (const [feature, weight] of counts) {
      const h = fnv1a(feature);
      const index = h % this.dimension;
      const sign = (h >>> 31) & 1 ? -1 : 1;
      v[index] = v[index]! + sign * Math.log1p(weight);
    }
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
    if (s > 0) {
      const inv = 1 / Math.sqrt(s);
      for (let i = 0; i < v.length; i++) v[i] = v[i]! * inv;
    }
    return v;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => Array.from(this.embedSync(t)));
  }

  async embedQuery(text: string): Promise<number[]> {
    return Array.from(this.embedSync(text));
  }
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
