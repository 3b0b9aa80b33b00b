import type { Concept } from "../text/query";

/** Weight of a concept: the rarest of its stems across releases (absent stems count as rare). */
export type IdfOf = (stem: string) => number;

/**
 * Share of the question's concepts found in a set of stems, each concept weighted by its
 * inverse release frequency. 0 when nothing matches, 1 when everything does. Pure.
 */
export function coverage(input: { concepts: Concept[]; stems: ReadonlySet<string>; idf: IdfOf }): number {
  let total = 0;
  let covered = 0;
  for (const c of input.concepts) {
    const w = Math.max(...c.stems.map(input.idf));
    total += w;
    if (c.stems.some((s) => input.stems.has(s))) covered += w;
  }
  return total > 0 ? covered / total : 0;
}
