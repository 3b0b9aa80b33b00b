import { describe, expect, it } from "vitest";
import { words } from "../../../lib/text/normalize";
import { figuresOf, numbersOf, requiredFigures } from "../../../lib/text/numbers";

const fold = (s: string) => ` ${words(s).join(" ")} `;

describe("numbers of a text", () => {
  it("read figures with their thousands groups alike in English and French", () => {
    expect(figuresOf(fold("12,000 Syrians and the 75,000th refugee"))).toEqual(["12000", "75000"]);
    expect(figuresOf(fold("12 000 Syriens, 2 176 764 déplacés, le 75 000ème réfugié"))).toEqual(["12000", "2176764", "75000"]);
    // a year is not the start of the next number's groups; digits inside a word are not a number
    expect(figuresOf(fold("en 2014, 300 000 personnes ; le virus H1N1"))).toEqual(["2014", "300000"]);
    expect(figuresOf(fold("à 4h45"))).toEqual(figuresOf(fold("at 4:45")));
  });

  it("require of a release the question's figures above ten", () => {
    expect(requiredFigures(fold("What was Title 42 and when did it stop?"))).toEqual(["42"]);
    expect(requiredFigures(fold("Combien de familles parmi les 3 groupes et les 1 200 migrants ?"))).toEqual(["1200"]);
    expect(requiredFigures(fold("Qui dirige l'OIM ?"))).toEqual([]);
    // millions read alike in figures and words
    expect(requiredFigures(fold("les 12 millions de dollars"))).toEqual(["12000000"]);
    expect(numbersOf(fold("un appel de 12 000 000 de dollars")).has("12000000")).toBe(true);
  });

  it("find in a release numbers written in words and Roman ordinals", () => {
    const n = numbersOf(fold("Cent soixante migrants éthiopiens, le XVIIIème Sommet, quatre-vingt-dix-huit enfants, soixante-dix familles, 20 pour cent, la clé, deux mille"));
    for (const v of ["160", "18", "98", "70", "20", "2000"]) expect(n.has(v)).toBe(true);
    expect(numbersOf(fold("cent quatre-vingts migrants")).has("180")).toBe(true);
    expect(numbersOf(fold("deux cent quatre-vingt-un migrants")).has("281")).toBe(true);
    // "pour cent" is not a hundred, "clé" is no Roman numeral
    expect(n.has("100")).toBe(false);
    expect(n.has("150")).toBe(false);
  });
});
