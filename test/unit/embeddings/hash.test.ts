import { describe, expect, it } from "vitest";
import { HashEmbedder } from "../../../lib/embeddings/hash";

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe("HashEmbedder", () => {
  const e = new HashEmbedder();

  it("has a stable id and dimension", () => {
    expect(e.id).toBe("hash:v4:512");
    expect(e.dimension).toBe(512);
  });

  it("is deterministic and unit-length", async () => {
    const [a, b] = await e.embedDocuments(["L'OIM organise un atelier au Panama", "L'OIM organise un atelier au Panama"]);
    expect(a).toEqual(b);
    expect(Math.sqrt(dot(a!, a!))).toBeCloseTo(1, 5);
  });

  it("folds case, accents and elisions", async () => {
    const a = await e.embedQuery("l’Organisation a été créée à Genève");
    const b = await e.embedQuery("L'ORGANISATION A ETE CREEE A GENEVE");
    expect(dot(a, b)).toBeCloseTo(1, 5);
  });

  it("puts related texts closer than unrelated ones", async () => {
    const q = await e.embedQuery("qui finance l'atelier régional ?");
    const related = await e.embedQuery("L'atelier régional est financé par le Fonds de l'OIM.");
    const unrelated = await e.embedQuery("La recette de la tarte aux pommes demande du beurre.");
    expect(dot(q, related)).toBeGreaterThan(dot(q, unrelated) + 0.1);
  });

  it("is a LangChain Embeddings", async () => {
    const { Embeddings } = await import("@langchain/core/embeddings");
    expect(e).toBeInstanceOf(Embeddings);
  });

  it("returns a zero vector for empty text without failing", async () => {
    const v = await e.embedQuery("");
    expect(v.every((x) => x === 0)).toBe(true);
  });
});
