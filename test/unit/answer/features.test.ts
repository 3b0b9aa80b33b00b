import { describe, expect, it } from "vitest";
import { FEATURES, questionFeatures, sentenceFeatures } from "../../../lib/answer/features";
import { analyzeQuery } from "../../../lib/text/query";

const base = { coverage: 1, matched: 2, context: 0, retrieval: 1, topRelease: true, leadRank: 99 };
const value = (f: number[], name: (typeof FEATURES)[number]) => f[FEATURES.indexOf(name)]!;

/** The features of sentences for one question. */
function featuresFor(question: string) {
  const query = analyzeQuery(question);
  const q = questionFeatures(query);
  return (text: string) => sentenceFeatures(q, { ...base, text, concepts: query.concepts });
}

describe("sentence features", () => {
  it("rewards the counted part of a whole, not the total", () => {
    const of = featuresFor("Combien d'enfants ont été réinstallés en Australie ?");
    const part = of("Sur les 900 réfugiés réinstallés en Australie, 300 enfants.");
    const total = of("Au total, 900 réfugiés ont été réinstallés en Australie.");
    expect(value(part.features, "countedNear")).toBe(1);
    expect(value(total.features, "countedNear")).toBe(0);
    expect(part.types).toEqual(["count"]);
  });

  it("measures how close the asked value stands to the question's concepts", () => {
    const of = featuresFor("Quel montant le Japon a-t-il versé pour le projet au Cameroun ?");
    const near = of("Le Japon a versé 2 millions de dollars pour ce projet.");
    const far = of("Le Japon, partenaire de longue date du Cameroun et de nombreux pays de la région du lac Tchad depuis des années, a aussi été remercié, et un autre donateur a fourni 2 millions de dollars.");
    expect(value(near.features, "typeNear")).toBeGreaterThan(value(far.features, "typeNear"));
    expect(value(near.features, "typeAll")).toBe(1);
  });

  it("measures the words between the closest two different concepts", () => {
    const of = featuresFor("Quelle est la distance entre la Terre et Mars ?");
    const near = of("La distance entre la Terre et Mars varie.");
    const far = of("Nous avons quitté cette zone pour des terres situées dans les hauteurs où les familles ont reçu des bâches, des couvertures et des ustensiles de cuisine distribués par les équipes depuis le 3 mars.");
    expect(near.pairGap).toBeLessThanOrEqual(3);
    expect(far.pairGap).toBeGreaterThan(20);
    expect(of("Rien de commun.").pairGap).toBe(Infinity);
    // the words of one place are one concept
    const long = featuresFor("Combien de migrants au Sri Lanka ?")("Au Sri Lanka, le gouvernement a annoncé cette semaine un vaste programme de reconstruction des routes, des écoles, des hôpitaux et des ponts détruits dans le nord et l'est du pays, qui concernera aussi des migrants.");
    expect(long.pairGap).toBeGreaterThan(20);
  });

  it("does not take the organisation an English question names, in French, for the answer (IOM / OIM)", () => {
    const of = featuresFor("Who led the dance workshop IOM organised in Bangui?");
    expect(of("L'OIM a organisé un atelier de danse à Bangui.").types).toEqual([]);
    expect(of("Souleymane Sanogo a animé l'atelier de danse à Bangui.").types).toEqual(["person"]);
  });

  it("has one value per feature, and knows contact lines and cut-off text", () => {
    const query = analyzeQuery("Qui finance l'atelier ?");
    const { features } = sentenceFeatures(questionFeatures(query), { ...base, text: "Pour plus d'informations, veuillez contacter Jorge Gallo au bureau de l'OIM de", concepts: query.concepts });
    expect(features).toHaveLength(FEATURES.length);
    expect(value(features, "contact")).toBe(1);
    expect(value(features, "cutoff")).toBe(1);
  });
});
