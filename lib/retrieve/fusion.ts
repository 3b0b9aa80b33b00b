/** Rank fusion of result lists. Pure. */

/** Weights of the fused lists. */
export interface FusionWeights {
  /** The dense (embedding) list of chunks. */
  dense: number;
  /** The BM25 list of chunks. */
  lexical: number;
  /** The BM25 list of whole releases, credited to each chunk of a listed release. */
  release: number;
}

/**
 * Weights per embedder, chosen by measurement (README, "How answers are made"). The offline
 * hash embedder only matches surface forms, which BM25 does better: on every golden set, at
 * 222 and at 20,000 releases, any weight on its list lowered hit@1 (down to −20 points at
 * 20,000 releases for 0.1), and so did the whole-release list; its chunks only follow the
 * lexical ones (fused score 0, ordered by similarity), for questions whose words match little.
 * A semantic model's list brings paraphrases and other languages: equal weights, the usual
 * hybrid setting (not measurable on this machine: the model cannot be downloaded here).
 */
export function fusionWeights(embedderId: string): FusionWeights {
  if (embedderId.startsWith("hash:")) return { dense: 0, lexical: 1, release: 0 };
  return { dense: 1, lexical: 1, release: 0 };
}

/** Parses `dense,lexical,release` (e.g. `0,1,0` for the lexical list alone); null when malformed. */
export function parseFusionWeights(text: string): FusionWeights | null {
  const parts = text.split(",").map((p) => Number(p.trim()));
  if (parts.length !== 3 || parts.some((x) => !Number.isFinite(x) || x < 0) || parts.every((x) => x === 0)) return null;
  return { dense: parts[0]!, lexical: parts[1]!, release: parts[2]! };
}

/** The constant of reciprocal rank fusion. */
const RRF_K = 60;

/**
 * Weighted reciprocal rank fusion: each list adds weight / (k + rank). Returns labels with
 * their fused score normalised so that rank 1 in every list scores 1.
 */
export function reciprocalRankFusion(lists: { items: number[]; weight: number }[], k = RRF_K): Map<number, number> {
  const fused = new Map<number, number>();
  const max = lists.reduce((s, l) => s + l.weight / (k + 1), 0);
  for (const { items, weight } of lists) {
    items.forEach((label, rank) => {
      // a list of weight 0 still proposes candidates, which rank after every weighted one
      fused.set(label, (fused.get(label) ?? 0) + (max > 0 ? weight / (k + rank + 1) / max : 0));
    });
  }
  return fused;
}

/**
 * Fuses the chunk lists (dense, lexical) with the release list: a chunk gets the reciprocal
 * rank of its release in the release list, weighted. Every chunk of either chunk list is a
 * candidate; the release list only reorders them. Scores are normalised to 1 at best.
 */
export function fuse(input: {
  dense: number[];
  lexical: number[];
  releases: string[];
  releaseOf: (label: number) => string | undefined;
  weights: FusionWeights;
  k?: number;
}): Map<number, number> {
  const k = input.k ?? RRF_K;
  const w = input.weights;
  const fused = reciprocalRankFusion(
    [
      { items: input.dense, weight: w.dense },
      { items: input.lexical, weight: w.lexical },
    ],
    k,
  );
  const chunkMax = (w.dense + w.lexical) / (k + 1);
  const total = chunkMax + w.release / (k + 1);
  if (total <= 0 || w.release <= 0) return fused;
  const releaseRank = new Map(input.releases.map((id, i) => [id, i]));
  for (const [label, score] of fused) {
    const id = input.releaseOf(label);
    const rank = id === undefined ? undefined : releaseRank.get(id);
    const bonus = rank === undefined ? 0 : w.release / (k + rank + 1);
    fused.set(label, (score * chunkMax + bonus) / total);
  }
  return fused;
}

/** Keeps at most `perGroup` items of each group (a number, or one per group), in order. */
export function capPerGroup<T>(items: T[], groupOf: (t: T) => string, perGroup: number | ((group: string) => number)): T[] {
  const counts = new Map<string, number>();
  const cap = typeof perGroup === "number" ? () => perGroup : perGroup;
  return items.filter((t) => {
    const g = groupOf(t);
    const n = counts.get(g) ?? 0;
    counts.set(g, n + 1);
    return n < cap(g);
  });
}
