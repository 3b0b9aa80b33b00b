import { stem, words } from "../text/normalize";
import { STOPWORDS } from "../text/stopwords";
import { BaseEmbedder } from "./embedder";

export interface HashEmbedderOptions {
  /** Vector size; default 512. */
  dimension?: number;
}

/**
 * Offline embedder needing no weights: signed feature hashing of stemmed words, word pairs and
 * character 4-grams of content words (French-aware folding: case, accents, elisions), log-scaled and normalised.
 * Deterministic and fast; similar wording gives similar vectors. It captures vocabulary overlap,
 * not meaning: paraphrases with other words and other languages are beyond it.
 */
export class HashEmbedder extends BaseEmbedder {
  readonly id: string;
  readonly dimension: number;

  constructor(options: HashEmbedderOptions = {}) {
    super();
    this.dimension = options.dimension ?? 512;
    this.id = `hash:v4:${this.dimension}`;
  }

  /** Embeds one text synchronously (the async methods wrap this). */
  embedSync(text: string): Float32Array {
    const v = new Float32Array(this.dimension);
    // signed feature hashing straight into the buckets; log scaling of each bucket afterwards
    let previous = -1;
    // character n-grams once per distinct content word, weighted by its count
    const counts = new Map<string, number>();
    for (const w of words(text)) {
      if (STOPWORDS.has(w) || (w.length < 2 && !/\d/.test(w))) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
      const stemmed = stem(w);
      const h = fnv1a(stemmed, 0, stemmed.length, SEED_WORD);
      addFeature(v, h, 1);
      if (previous >= 0) addFeature(v, mix(previous, h), 0.5);
      previous = h;
    }
    for (const [w, count] of counts) {
      if (w.length < 4) continue;
      // character 4-grams of "#word#" ('#' = 35 marks the word's ends)
      const n = w.length + 2;
      for (let i = 0; i + 4 <= n; i++) {
        let h = SEED_CHAR;
        for (let j = i; j < i + 4; j++) h = Math.imul(h ^ (j === 0 || j === n - 1 ? 35 : w.charCodeAt(j - 1)), 0x01000193);
        addFeature(v, h >>> 0, 0.25 * count);
      }
    }
    let sum = 0;
    for (let i = 0; i < v.length; i++) {
      const x = v[i]!;
      const y = x < 0 ? -Math.log1p(-x) : Math.log1p(x);
      v[i] = y;
      sum += y * y;
    }
    if (sum > 0) {
      const inv = 1 / Math.sqrt(sum);
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

/** Adds a feature's weight to its bucket, with the sign its hash gives. */
function addFeature(v: Float32Array, h: number, weight: number): void {
  const i = h % v.length;
  v[i] = v[i]! + (h & 0x80000000 ? -weight : weight);
}

const SEED_WORD = 0x811c9dc5;
const SEED_CHAR = 0x050c5d1f;

/** 32-bit FNV-1a hash of `s[from, to)` (UTF-16 code units), from a seed per feature kind. */
function fnv1a(s: string, from: number, to: number, seed: number): number {
  let h = seed;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hash of an ordered pair of hashes (word bigrams). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
