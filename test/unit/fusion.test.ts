import { describe, expect, it } from "vitest";
import { capPerGroup, reciprocalRankFusion } from "../../lib/fusion";

describe("reciprocalRankFusion", () => {
  it("scores 1 for first in every list and favours agreement", () => {
    const fused = reciprocalRankFusion([
      { items: [{ label: 1 }, { label: 2 }, { label: 3 }], weight: 1 },
      { items: [{ label: 1 }, { label: 3 }, { label: 4 }], weight: 1 },
    ]);
    expect(fused.get(1)).toBeCloseTo(1, 10);
    expect(fused.get(3)!).toBeGreaterThan(fused.get(2)!);
    expect(fused.get(3)!).toBeGreaterThan(fused.get(4)!);
    expect([...fused.values()].every((s) => s > 0 && s <= 1)).toBe(true);
  });

  it("weights lists", () => {
    const fused = reciprocalRankFusion([
      { items: [{ label: 1 }], weight: 2 },
      { items: [{ label: 2 }], weight: 1 },
    ]);
    expect(fused.get(1)!).toBeGreaterThan(fused.get(2)!);
  });
});

describe("capPerGroup", () => {
  it("keeps at most n per group, in order", () => {
    const items = ["a1", "a2", "b1", "a3", "b2", "b3", "c1"];
    expect(capPerGroup(items, (s) => s[0]!, 2)).toEqual(["a1", "a2", "b1", "b2", "c1"]);
  });
});
