import { describe, expect, it } from "vitest";
import { pickSentences, scoreSentences } from "../../../lib/answer/select";
import { answerSpec } from "../../../lib/text/answer-type";
import { analyzeQuery } from "../../../lib/text/query";
import type { Passage } from "../../../lib/types";

const passage = (releaseId: string, text: string, fusedScore = 1): Passage => ({
  chunkId: `${releaseId}#0`,
  releaseId,
  title: "Atelier régional au Panama",
  source: `${releaseId}.txt`,
  location: "Panama City",
  text,
  start: 0,
  end: text.length,
  fusedScore,
});

const idf = () => 1;

/** The sentences of one release scored for a question, and what the question asks. */
function scoredFor(question: string, text: string) {
  const query = analyzeQuery(question);
  return { scored: scoreSentences({ query, passages: [passage("r", text)], idf }), spec: answerSpec(question) };
}

describe("sentence selection", () => {
  it("prefers the sentence that brings the asked kind of fact", () => {
    const text =
      "L'atelier de Panama a réuni vingt pays de la région. " +
      "L'atelier de Panama est financé par le Fonds de l'OIM pour le développement. " +
      "Les participants ont visité la ville.";
    const scored = scoreSentences({ query: analyzeQuery("Qui finance l'atelier de Panama ?"), passages: [passage("p", text)], idf });
    expect(scored[0]!.text).toBe("L'atelier de Panama est financé par le Fonds de l'OIM pour le développement.");
    expect(scored[0]!.matched).toBe(3);
    expect(scored.map((s) => s.releaseId)).toEqual(["p", "p", "p"]);
    // offsets point into the release text
    expect(text.slice(scored[0]!.start, scored[0]!.start + scored[0]!.text.length)).toBe(scored[0]!.text);
  });

  it("picks up to three close sentences, no near-duplicates, at most two releases", () => {
    const q = analyzeQuery("Combien de migrants ont été aidés au Panama ?");
    const a = passage("a", "Au Panama, 500 migrants ont été aidés par l'OIM. Au Panama, 500 migrants ont été aidés par l'OIM cette année.");
    const b = passage("b", "Au Panama, 300 migrants ont été aidés en 2019.", 0.9);
    const c = passage("c", "Au Panama, 200 migrants ont été aidés en 2018.", 0.8);
    const picked = pickSentences(scoreSentences({ query: q, passages: [a, b, c], idf }));
    expect(picked.length).toBeGreaterThanOrEqual(1);
    expect(picked.length).toBeLessThanOrEqual(3);
    expect(new Set(picked.map((s) => s.releaseId)).size).toBeLessThanOrEqual(2);
    expect(picked.filter((s) => s.releaseId === "a")).toHaveLength(1);
    expect(picked[0]!.releaseId).toBe("a");
  });

  it("adds the best sentence of another release that comes close to the best, one only", () => {
    const q = analyzeQuery("Combien de déplacés vivent dans le site de Bentiu ?");
    const a = passage("a", "Le site de Bentiu accueille des déplacés venus de tout le pays. Les déplacés de Bentiu manquent d'eau.");
    const b = passage("b", "Plus de 108 300 déplacés vivent dans le site de Bentiu. Les déplacés du site de Bentiu sont 108 300.", 0.9);
    const scored = scoreSentences({ query: q, passages: [a, b], idf });
    const fromB = scored.filter((s) => s.releaseId === "b");
    // the best sentence of each release, and a second one of release a close to the best
    const [topA, secondA] = scored.filter((s) => s.releaseId === "a");
    const made = [topA!, { ...fromB[0]!, sentenceScore: topA!.sentenceScore - 0.1, matched: topA!.matched - 1 }, { ...fromB[1]!, sentenceScore: topA!.sentenceScore - 0.2, matched: topA!.matched }, { ...secondA!, sentenceScore: topA!.sentenceScore - 0.3 }];
    const picked = pickSentences(made);
    // another release's sentence with fewer of the question's words still joins, once
    expect(picked.map((s) => s.text)).toEqual([topA!.text, fromB[0]!.text, secondA!.text]);
    // not when it is far from the best
    expect(pickSentences([topA!, { ...fromB[0]!, sentenceScore: topA!.sentenceScore - 1.5 }]).map((s) => s.releaseId)).toEqual(["a"]);
  });

  it("adds a sentence answering the second thing asked", () => {
    const text =
      "William Lacy Swing, ancien Directeur général de l'OIM, est décédé à Kuala Lumpur, en Malaisie. " +
      "Les hommages se sont multipliés à Genève. " +
      "Il avait 86 ans.";
    const { scored, spec } = scoredFor("Où est décédé l'ancien Directeur général William Lacy Swing, et à quel âge ?", text);
    const picked = pickSentences(scored.filter((s) => s.matched >= 2), { asked: spec.types, parts: spec.parts, pool: scored });
    expect(picked.map((s) => s.text)).toContain("Il avait 86 ans.");
    expect(picked[0]!.text).toContain("Kuala Lumpur");
  });

  it("adds the sentence giving the day when those picked only give a year", () => {
    const text =
      "Le premier Dialogue de haut niveau sur la migration s'est tenu en 2006 à New York. " +
      "Le Dialogue de haut niveau 2013 dressera le bilan du travail accompli depuis 2006. " +
      "Le Dialogue se tiendra les 3 et 4 octobre au siège des Nations Unies.";
    const { scored, spec } = scoredFor("Quand se tiendra le Dialogue de haut niveau sur la migration ?", text);
    expect(spec.types).toEqual(["date"]);
    const picked = pickSentences(scored.filter((s) => s.matched >= 3), { asked: spec.types, pool: scored, day: true });
    expect(picked.map((s) => s.text)).toContain("Le Dialogue se tiendra les 3 et 4 octobre au siège des Nations Unies.");
    // a year asked: no day added
    expect(pickSentences(scored.filter((s) => s.matched >= 3), { asked: spec.types, pool: scored, day: false }).map((s) => s.text)).not.toContain("Le Dialogue se tiendra les 3 et 4 octobre au siège des Nations Unies.");
  });

  it("starts a summary with the release's lead", () => {
    const text =
      "Panama City - L'OIM a organisé un atelier régional sur la migration au Panama. " +
      "Les participants de l'atelier au Panama venaient de vingt pays. " +
      "L'atelier au Panama a été financé par le Fonds de l'OIM.";
    const scored = scoreSentences({ query: analyzeQuery("Que dit le communiqué sur l'atelier au Panama ?"), passages: [passage("s", text)], idf });
    expect(scored[0]!.text).toMatch(/^Panama City - /);
  });

  it("picks nothing from nothing", () => {
    expect(pickSentences([])).toEqual([]);
  });
});
