import { describe, expect, it } from "vitest";
import { capPerGroup, fuse, fusionWeights, reciprocalRankFusion } from "../../../lib/retrieve/fusion";

describe("reciprocalRankFusion", () => {
  it("scores 1 for first in every list and favours agreement", () => {
    const fused = reciprocalRankFusion([
      { items: [1, 2, 3], weight: 1 },
      { items: [1, 3, 4], weight: 1 },
    ]);
    expect(fused.get(1)).toBeCloseTo(1, 10);
    expect(fused.get(3)!).toBeGreaterThan(fused.get(2)!);
    expect(fused.get(3)!).toBeGreaterThan(fused.get(4)!);
    expect([...fused.values()].every((s) => s > 0 && s <= 1)).toBe(true);
  });

  it("weights lists", () => {
    const fused = reciprocalRankFusion([
      { items: [1], weight: 2 },
      { items: [2], weight: 1 },
    ]);
    expect(fused.get(1)!).toBeGreaterThan(fused.get(2)!);
  });
});

describe("fuse", () => {
  const releaseOf = (label: number) => `r${Math.floor(label / 10)}`;
  it("with the hash embedder, a noise dense list cannot outvote the lexical list", () => {
    // lexical: the right chunk (label 1) first; dense: noise that ranks it last
    const lexical = [1, 21, 31, 41, 51];
    const dense = [91, 81, 71, 61, 1];
    const fused = fuse({ dense, lexical, releases: [], releaseOf, weights: fusionWeights("hash:v4:512") });
    const ranked = [...fused.entries()].sort((a, b) => b[1] - a[1]).map(([l]) => l);
    expect(ranked[0]).toBe(1);
    // every noise-only chunk ranks below every lexical hit
    for (const noise of [91, 81, 71, 61]) for (const hit of lexical) expect(fused.get(hit)!).toBeGreaterThan(fused.get(noise)!);
  });

  it("credits chunks of the releases the whole-release list ranks first", () => {
    const fused = fuse({ dense: [], lexical: [11, 21], releases: ["r2"], releaseOf, weights: { dense: 0, lexical: 1, release: 1 } });
    expect(fused.get(21)!).toBeGreaterThan(fused.get(11)!);
    expect(Math.max(...fused.values())).toBeLessThanOrEqual(1);
  });

  it("lets a semantic model's list carry its weight", () => {
    const w = fusionWeights("transformers:Xenova/multilingual-e5-small:q8");
    expect(w.dense).toBeGreaterThanOrEqual(w.lexical);
    const fused = fuse({ dense: [5], lexical: [6], releases: [], releaseOf, weights: w });
    expect(fused.get(5)!).toBeGreaterThanOrEqual(fused.get(6)!);
  });
});

describe("capPerGroup", () => {
  it("keeps at most n per group, in order", () => {
    const items = ["a1", "a2", "b1", "a3", "b2", "b3", "c1"];
    expect(capPerGroup(items, (s) => s[0]!, 2)).toEqual(["a1", "a2", "b1", "b2", "c1"]);
  });
});
