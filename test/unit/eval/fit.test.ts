import { describe, expect, it } from "vitest";
import { answerRate, fit, folds, type Group } from "../../../lib/eval/fit";

/** Questions whose right sentence has feature 0 set; feature 1 is noise that favours wrong ones. */
function groups(n: number): Group[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `q${i}`,
    features: [
      [1, i % 3 === 0 ? 1 : 0],
      [0, 1],
      [0, 0.5],
    ],
    positive: [true, false, false],
  }));
}

describe("scorer fitting", () => {
  it("learns the feature that marks the right sentence and ranks it first", () => {
    const data = groups(30);
    expect(answerRate(data, [0, 1]).rate).toBeLessThan(0.5);
    const { weights, loss } = fit(data, { lambda: 0.001 });
    expect(weights[0]!).toBeGreaterThan(1);
    expect(weights[0]!).toBeGreaterThan(weights[1]!);
    expect(loss).toBeLessThan(0.2);
    expect(answerRate(data, weights).rate).toBe(1);
  });

  it("quotes more sentences with a wider margin", () => {
    const data = groups(10);
    const narrow = answerRate(data, [0, 1], 0);
    const wide = answerRate(data, [0, 1], 10);
    expect(wide.sentences).toBe(3);
    expect(wide.rate).toBe(1);
    expect(narrow.sentences).toBeLessThan(wide.sentences);
  });

  it("a stronger penalty keeps the weights smaller; questions without a right sentence are ignored", () => {
    const data = [...groups(20), { id: "none", features: [[0, 1]], positive: [false] }];
    const loose = fit(data, { lambda: 0.0001 }).weights;
    const tight = fit(data, { lambda: 1 }).weights;
    expect(Math.abs(tight[0]!)).toBeLessThan(Math.abs(loose[0]!));
  });

  it("splits into disjoint folds covering every item", () => {
    const parts = folds([1, 2, 3, 4, 5, 6, 7], 3);
    expect(parts).toHaveLength(3);
    expect(parts.flatMap((p) => p.test).sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const p of parts) expect(p.train.filter((x) => p.test.includes(x))).toEqual([]);
  });
});
