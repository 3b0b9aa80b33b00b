import { describe, expect, it } from "vitest";
import { GLOSSARY } from "../../../lib/text/glossary-data";
import { frenchExpansion, placeMentions } from "../../../lib/text/glossary";

describe("the English → French glossary", () => {
  it("has one entry per English word or phrase, each with French words and a known scope", () => {
    const seen = new Map<string, number>();
    for (const [en] of GLOSSARY) seen.set(en, (seen.get(en) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([en]) => en)).toEqual([]);
    for (const [en, fr, scope] of GLOSSARY) {
      expect(en).toBe(en.toLowerCase());
      expect(fr.trim()).not.toBe("");
      expect(["place", "core", "english"]).toContain(scope);
    }
  });

  it("expands English questions with every scope, French questions with names and core terms only", () => {
    expect(frenchExpansion("Who funds the workshop in Panama?").get("workshop")).toEqual(["atelier"]);
    const english = frenchExpansion("How many refugees and families?");
    expect(english.get("refugees")).toEqual(["refugies"]);
    expect(english.get("many")).toEqual(["combien", "nombre"]);
    // general vocabulary is not applied to French text, where "person" could be a French word
    expect(frenchExpansion("Combien de personnes ?").size).toBe(0);
    expect(frenchExpansion("Quel accord avec l'IOM ?").get("iom")).toEqual(["oim"]);
    // everyday words of English questions
    expect(frenchExpansion("Who won the cup?").get("won")).toContain("remporte");
    expect(frenchExpansion("Where was the chief of mission born?").get("born")).toEqual(["ne", "nee"]);
  });

  it("leaves out English words no French release holds (prepositions, light verbs)", async () => {
    const { analyzeQuery } = await import("../../../lib/text/query");
    const words = analyzeQuery("How many migrants arrived between January and March, before the new rules came into force?").concepts.map((c) => c.word);
    for (const w of ["between", "before", "came"]) expect(words).not.toContain(w);
    expect(words).toContain("migrants");
    // a phrase of such words keeps its translation
    const made = analyzeQuery("What was the boat made up of?").concepts.flatMap((c) => c.stems);
    expect(made.some((s) => s.startsWith("compos"))).toBe(true);
  });

  it("finds multi-word places in English and in French", () => {
    expect(placeMentions("migrants from the Ivory Coast")).toEqual([{ words: ["ivory", "coast"], french: "cote ivoire" }]);
    expect(placeMentions("Les États-Unis d'Amérique").map((p) => p.french)).toContain("etats unis");
    // a place named by compass words is one in capitals only
    expect(placeMentions("dans la région de l'Extrême-Nord du Cameroun").map((p) => p.french)).toEqual(["extreme nord"]);
    expect(placeMentions("in Cameroon's Far North region").map((p) => p.french)).toContain("extreme nord");
    expect(placeMentions("dans l'extrême nord de Sumatra")).toEqual([]);
    expect(placeMentions("in the far north of the country")).toEqual([]);
  });

  it("names regions in either language, the longest name last", () => {
    expect(placeMentions("les États d'Asie du Sud-Est").at(-1)).toEqual({ words: ["asie", "du", "sud", "est"], french: "asie du sud est" });
    expect(placeMentions("migrants in South-East Asia").some((p) => p.french === "asie du sud est")).toBe(true);
    expect(placeMentions("les pays d'Asie centrale").map((p) => p.french)).toEqual(["asie centrale"]);
    // the European Union is also « l'UE »
    expect(placeMentions("financée par l'Union européenne").map((p) => p.french)).toEqual(["union europeenne|ue"]);
  });
});

describe("a reader's words for the releases' words", () => {
  it("lets a French synonym match the release word, not names", async () => {
    const { releaseWordsFor } = await import("../../../lib/text/synonyms");
    const { analyzeQuery } = await import("../../../lib/text/query");
    const { stem } = await import("../../../lib/text/normalize");
    expect(releaseWordsFor("rencontre")).toContain("reunion");
    expect(releaseWordsFor("xyzzy")).toEqual([]);
    // inflected question words: plural, feminine
    expect(releaseWordsFor("cyclones")).toContain("ouragan");
    expect(releaseWordsFor("debloquees")).toContain("alloue");
    expect(releaseWordsFor("successifs")).toContain("consecutifs");
    const somme = analyzeQuery("Quelle somme le Japon a-t-il versée ?").concepts.find((c) => c.word === "somme")!;
    expect(somme.related).toContain(stem("total"));
  });

  it("lets a capital stand for its country, without weighing", async () => {
    const { analyzeQuery } = await import("../../../lib/text/query");
    const { stem } = await import("../../../lib/text/normalize");
    const { countryOf } = await import("../../../lib/text/places");
    const { conceptIn, coverage } = await import("../../../lib/answer/coverage");
    expect(countryOf("tokyo")).toEqual(["japon"]);
    expect(countryOf("panama")).toEqual([]);
    // other cities do not stand for their country
    expect(countryOf("herat")).toEqual([]);
    const tokyo = analyzeQuery("Quelle somme Tokyo a-t-il accordée à l'OIM ?").concepts.find((c) => c.word === "tokyo")!;
    expect(tokyo.entity).toBe("name");
    expect(tokyo.stems).toEqual([stem("tokyo")]);
    expect(tokyo.related).toContain(stem("japon"));
    expect(conceptIn(tokyo, new Set([stem("japon")]))).toBe(true);
    // the related stems match but do not make the concept heavier
    const idf = (s: string) => (s === stem("tokyo") ? 1 : 9);
    expect(coverage({ concepts: [tokyo], stems: new Set([stem("japon")]), idf }).weighted).toBe(1);
  });
});
