import { describe, expect, it } from "vitest";
import { detectLanguage, terms } from "../../../lib/text/analyze";
import { fold, stem, words } from "../../../lib/text/normalize";
import { analyzeQuery } from "../../../lib/text/query";

describe("French-aware analysis", () => {
  it("folds accents, ligatures and apostrophes", () => expect(fold("Œuvre À l’ÉTÉ")).toBe("oeuvre a l'ete"));
  it("removes elisions", () => expect(words("l’atelier d'experts qu’il jusqu'à aujourd'hui")).toEqual(["atelier", "experts", "il", "a", "aujourdhui"]));
  it("stems inflections together", () => {
    expect(stem(fold("financé"))).toBe(stem("financement"));
    expect(stem(fold("organisées"))).toBe(stem("organise"));
  });
  it("drops stop words", () => expect(terms("Qui a financé l'atelier de Panama ?")).toEqual([stem("finance"), stem("atelier"), "panama"]));
  it("detects the question language", () => {
    expect(detectLanguage("What did IOM sign with the Latin American Parliament?")).toBe("en");
    expect(detectLanguage("Qui finance l'atelier de Panama ?")).toBe("fr");
  });
  it("translates English concepts for the offline search", () => {
    const q = analyzeQuery("Who funds the Panama workshop?");
    const workshop = q.concepts.find((c) => c.word === "workshop")!;
    expect(workshop.stems).toContain(stem("atelier"));
    expect(q.lexicalText).toContain("atelier");
  });
  it("folds a follow-up question into the previous turn", () => {
    const q = analyzeQuery("Et qui l'a financé ?", [
      { role: "user", content: "Qu'organise l'OIM au Panama ?" },
      { role: "assistant", content: "Un atelier régional [1]" },
    ]);
    expect(q.followUp).toBe(true);
    expect(q.lexicalText).toContain("Panama");
  });
});
