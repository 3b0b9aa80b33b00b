/** Rank fusion of result lists. Pure. */

export interface Ranked {
  label: number;
}

/**
 * Weighted reciprocal rank fusion: each list adds weight / (k + rank). Returns labels with
 * their fused score normalised so that rank 1 in every list scores 1.
 */
export function reciprocalRankFusion(lists: { items: Ranked[]; weight: number }[], k = 60): Map<number, number> {
  const fused = new Map<number, number>();
  const max = lists.reduce((s, l) => s + l.weight / (k + 1), 0);
  for (const { items, weight } of lists) {
    items.forEach((item, rank) => {
      fused.set(item.label, (fused.get(item.label) ?? 0) + weight / (k + rank + 1) / max);
    });
  }
  return fused;
}

/** Keeps at most `perGroup` items of each group, in order. */
export function capPerGroup<T>(items: T[], groupOf: (t: T) => string, perGroup: number): T[] {
  const counts = new Map<string, number>();
  return items.filter((t) => {
    const g = groupOf(t);
    const n = counts.get(g) ?? 0;
    counts.set(g, n + 1);
    return n < perGroup;
  });
}
