import { describe, expect, it } from "vitest";
import { conceptIn, coverage } from "../../../lib/answer/coverage";
import type { Concept } from "../../../lib/text/query";

const concept = (word: string, stems: string[]): Concept => ({ word, stems, entity: null });

describe("coverage", () => {
  it("finds a concept by one of its stems, or a long shared prefix", () => {
    const stems = new Set(["parlement", "panameen", "atel"]);
    expect(conceptIn(concept("atelier", ["atel"]), stems)).toBe(true);
    // 9 letters shared, 75% of the shorter stem
    expect(conceptIn(concept("parlementaires", ["parlementair"]), stems)).toBe(true);
    expect(conceptIn(concept("panama", ["panam"]), stems)).toBe(true);
    // short stems need an exact match
    expect(conceptIn(concept("pan", ["pan"]), stems)).toBe(false);
    expect(conceptIn(concept("parler", ["parl"]), stems)).toBe(false);
    // a noun of person in "-naire" is no form of the word it starts with
    expect(conceptIn(concept("fonctionne", ["fonction"]), new Set(["fonctionnair"]))).toBe(false);
    expect(conceptIn(concept("fonctionnaires", ["fonctionnair"]), new Set(["fonction"]))).toBe(false);
    // nor a long word a short stem only begins
    expect(conceptIn(concept("photosynthesis", ["photosynthes"]), new Set(["photo"]))).toBe(false);
  });

  it("weighs each concept by the rarest of its stems", () => {
    const idf = (s: string) => ({ rare: 3, common: 1 })[s as "rare" | "common"] ?? 5;
    const concepts = [concept("a", ["rare"]), concept("b", ["common"]), concept("c", ["absent", "common"])];
    // weights 3, 1 and 5 (c weighs by its rarest stem, "absent"); c is found through "common"
    expect(coverage({ concepts, stems: new Set(["rare", "common"]), idf })).toEqual({ weighted: 1, matched: 3, informed: 3, informative: 3 });
    expect(coverage({ concepts, stems: new Set(["rare"]), idf })).toEqual({ weighted: 3 / 9, matched: 1, informed: 1, informative: 3 });
    expect(coverage({ concepts: [], stems: new Set(["rare"]), idf })).toEqual({ weighted: 0, matched: 0, informed: 0, informative: 0 });
  });

  it("counts apart the concepts weighing at least the informative weight", () => {
    const idf = (s: string) => ({ rare: 3, common: 0.2 })[s as "rare" | "common"] ?? 5;
    const concepts = [concept("a", ["rare"]), concept("b", ["common"]), concept("c", ["absent"])];
    expect(coverage({ concepts, stems: new Set(["common"]), idf, informative: 0.5 })).toMatchObject({ matched: 1, informed: 0, informative: 2 });
    expect(coverage({ concepts, stems: new Set(["common", "rare"]), idf, informative: 0.5 })).toMatchObject({ matched: 2, informed: 1, informative: 2 });
    expect(coverage({ concepts, stems: new Set(["common"]), idf })).toMatchObject({ matched: 1, informed: 1, informative: 3 });
  });
});
