import { describe, expect, it } from "vitest";
import { placeAliases } from "../../../lib/text/glossary";
import { capitalPhrases, countriesOfRegion, countryNamesOf, countryOf, namesCountry, placeOfAdjective } from "../../../lib/text/places";
import { stem } from "../../../lib/text/normalize";
import { conceptsOf } from "../../../lib/text/query";
import { phraseSynonyms } from "../../../lib/text/synonyms";

describe("places a question may name otherwise", () => {
  it("reads a nationality adjective as its place, not any word with such an ending", () => {
    expect(placeOfAdjective("acehnais")).toContain("aceh");
    expect(placeOfAdjective("malien")).toContain("mali");
    expect(placeOfAdjective("irakiennes")).toContain("irak");
    expect(placeOfAdjective("chinois")).toContain("chine");
    for (const w of ["autorites", "jamais", "palais", "terrain", "frais"]) expect(placeOfAdjective(w), w).toEqual([]);
  });

  it("names a country by its nationality too, never a neighbour by a shared start", () => {
    expect(placeAliases("equateur")).toContain("equatorienne");
    expect(placeAliases("liban")).toContain("libanais");
    expect(placeAliases("niger")).not.toContain("nigeria");
    expect(placeAliases("autriche")).not.toContain("australie");
    expect(placeAliases("malawi")).not.toContain("malaisie");
  });

  it("reads a question in capitals by its places, not as a row of acronyms", () => {
    const entities = conceptsOf("COMBIEN DE FEMMES ÉTAIENT À BORD DU VOL PARTI DE ZINTAN VERS LE NIGERIA EN 2018 ?").filter((c) => c.entity);
    expect(entities.map((c) => [c.word, c.entity])).toEqual([["nigeria", "name"], ["2018", "year"]]);
  });

  it("reads a question without capitals by its places too, and a place opening a question as a name", () => {
    expect(conceptsOf("combien de femmes étaient à bord du vol parti de zintan vers le nigeria ?").filter((c) => c.entity).map((c) => c.word)).toEqual(["nigeria"]);
    expect(conceptsOf("Haïti : combien de kits ont été distribués ?").find((c) => c.word === "haiti")?.entity).toBe("name");
    expect(conceptsOf("Combien de kits ont été distribués ?").find((c) => c.word === "combien")).toBeUndefined();
    // pieces of place names and months are no names on their own
    expect(conceptsOf("combien de migrants dans le sud du pays en mai 2020 ?").filter((c) => c.entity).map((c) => c.word)).toEqual(["2020"]);
  });

  it("does not take « Casques bleus » for a name the release must hold", () => {
    expect(conceptsOf("Quel convoi escorté par les Casques bleus a atteint le sud d'Haïti ?").find((c) => c.word === "casques")?.entity).toBeNull();
  });

  it("reads a capital of several words as its country, and Brussels as the European Union", () => {
    expect(capitalPhrases("quand kuala lumpur et jakarta ont accepte").get("kuala")).toEqual(["malaisie"]);
    expect(capitalPhrases("la ville de kuala").size).toBe(0);
    expect(countryOf("bruxelles")).toEqual(expect.arrayContaining(["belgique", "ue", "europeenne"]));
    // under any of the country's names: Chișinău for "Moldavie" and "Moldova"
    const chisinau = conceptsOf("la frontière entre Kiev et Chișinău").find((c) => c.word === "chisinau")!;
    expect(chisinau.related).toEqual(expect.arrayContaining([stem("moldavie"), stem("moldova")]));
  });

  it("gives a capital's country by its full name, for releases naming the country alone", () => {
    expect(countryNamesOf("london")).toEqual(["royaume uni"]);
    expect(countryNamesOf("londres")).toEqual(["royaume uni"]);
    expect(countryNamesOf("migrants")).toEqual([]);
  });

  it("gives a phrase's release word to its first word only", () => {
    expect(phraseSynonyms("apres le tremblement de terre").get("tremblement")).toContain("seisme");
    expect(phraseSynonyms("apres le tremblement de terre").has("terre")).toBe(false);
    const tremblement = conceptsOf("Qui a aidé après le tremblement de terre ?").find((c) => c.word === "tremblement");
    expect(tremblement?.related).toContain("seism");
    // a reader's words for remittances are the releases' (« remises de fonds », « envois de fonds »)
    expect(phraseSynonyms("les transferts argent des migrants").get("transferts")).toEqual(expect.arrayContaining(["remises", "envois"]));
  });
});

describe("regions and their countries", () => {
  it("lists the countries of a region, the towns of an island group", () => {
    expect(countriesOfRegion("caucase")).toContain("georgie");
    expect(countriesOfRegion("visayas")).toContain("cebu");
    expect(countriesOfRegion("geneve")).toEqual([]);
  });
  it("finds a country under its name or one of its peoples, not inside another word", () => {
    expect(namesCountry(" les jeunes georgiens ", "georgie")).toBe(true);
    expect(namesCountry(" en georgie ", "georgie")).toBe(true);
    expect(namesCountry(" les autorites armeniennes ", "armenie")).toBe(true);
    expect(namesCountry(" au mali ", "mali")).toBe(true);
    expect(namesCountry(" les femmes maliennes ", "mali")).toBe(true);
    expect(namesCountry(" un georgianisme ", "georgie")).toBe(false);
    expect(namesCountry(" les somaliens ", "mali")).toBe(false);
    // a language or a currency is no people (« chercheurs français », « francs CFA »)
    expect(namesCountry(" des chercheurs francais ", "france")).toBe(false);
    expect(namesCountry(" 500 000 francs cfa ", "france")).toBe(false);
    expect(countriesOfRegion("luzon")).not.toContain("cagayan");
  });
});
