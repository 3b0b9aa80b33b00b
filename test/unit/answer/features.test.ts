import { describe, expect, it } from "vitest";
import { FEATURES, questionFeatures, sentenceFeatures } from "../../../lib/answer/features";
import { analyzeQuery } from "../../../lib/text/query";

const base = { coverage: 1, matched: 2, context: 0, retrieval: 1, topRelease: true, leadRank: 99 };
const value = (f: number[], name: (typeof FEATURES)[number]) => f[FEATURES.indexOf(name)]!;

describe("sentence features", () => {
  it("rewards the counted part of a whole, not the total", () => {
    const query = analyzeQuery("Combien d'enfants ont été réinstallés en Australie ?");
    const q = questionFeatures(query);
    const part = sentenceFeatures(q, { ...base, text: "Sur les 900 réfugiés réinstallés en Australie, 300 enfants.", concepts: query.concepts });
    const total = sentenceFeatures(q, { ...base, text: "Au total, 900 réfugiés ont été réinstallés en Australie.", concepts: query.concepts });
    expect(value(part.features, "countedNear")).toBe(1);
    expect(value(total.features, "countedNear")).toBe(0);
    expect(part.types).toEqual(["count"]);
  });

  it("measures how close the asked value stands to the question's concepts", () => {
    const query = analyzeQuery("Quel montant le Japon a-t-il versé pour le projet au Cameroun ?");
    const q = questionFeatures(query);
    const near = sentenceFeatures(q, { ...base, text: "Le Japon a versé 2 millions de dollars pour ce projet.", concepts: query.concepts });
    const far = sentenceFeatures(q, {
      ...base,
      text: "Le Japon, partenaire de longue date du Cameroun et de nombreux pays de la région du lac Tchad depuis des années, a aussi été remercié, et un autre donateur a fourni 2 millions de dollars.",
      concepts: query.concepts,
    });
    expect(value(near.features, "typeNear")).toBeGreaterThan(value(far.features, "typeNear"));
    expect(value(near.features, "typeAll")).toBe(1);
  });

  it("measures the words between the closest two different concepts", () => {
    const query = analyzeQuery("Quelle est la distance entre la Terre et Mars ?");
    const q = questionFeatures(query);
    const near = sentenceFeatures(q, { ...base, text: "La distance entre la Terre et Mars varie.", concepts: query.concepts });
    const far = sentenceFeatures(q, {
      ...base,
      text: "Nous avons quitté cette zone pour des terres situées dans les hauteurs où les familles ont reçu des bâches, des couvertures et des ustensiles de cuisine distribués par les équipes depuis le 3 mars.",
      concepts: query.concepts,
    });
    expect(near.pairGap).toBeLessThanOrEqual(3);
    expect(far.pairGap).toBeGreaterThan(20);
    expect(sentenceFeatures(q, { ...base, text: "Rien de commun.", concepts: query.concepts }).pairGap).toBe(Infinity);
    // the words of one place are one concept
    const lanka = analyzeQuery("Combien de migrants au Sri Lanka ?");
    const long = sentenceFeatures(questionFeatures(lanka), {
      ...base,
      text: "Au Sri Lanka, le gouvernement a annoncé cette semaine un vaste programme de reconstruction des routes, des écoles, des hôpitaux et des ponts détruits dans le nord et l'est du pays, qui concernera aussi des migrants.",
      concepts: lanka.concepts,
    });
    expect(long.pairGap).toBeGreaterThan(20);
  });

  it("does not take the organisation an English question names, in French, for the answer (IOM / OIM)", () => {
    const query = analyzeQuery("Who led the dance workshop IOM organised in Bangui?");
    const q = questionFeatures(query);
    expect(sentenceFeatures(q, { ...base, text: "L'OIM a organisé un atelier de danse à Bangui.", concepts: query.concepts }).types).toEqual([]);
    expect(sentenceFeatures(q, { ...base, text: "Souleymane Sanogo a animé l'atelier de danse à Bangui.", concepts: query.concepts }).types).toEqual(["person"]);
  });

  it("has one value per feature, and knows contact lines and cut-off text", () => {
    const query = analyzeQuery("Qui finance l'atelier ?");
    const { features } = sentenceFeatures(questionFeatures(query), { ...base, text: "Pour plus d'informations, veuillez contacter Jorge Gallo au bureau de l'OIM de", concepts: query.concepts });
    expect(features).toHaveLength(FEATURES.length);
    expect(value(features, "contact")).toBe(1);
    expect(value(features, "cutoff")).toBe(1);
  });
});
