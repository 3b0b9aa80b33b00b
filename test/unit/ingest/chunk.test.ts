import { describe, expect, it } from "vitest";
import { chunkRelease, embeddingText } from "../../../lib/ingest/chunk";
import { splitSentences } from "../../../lib/ingest/sentences";
import type { Release } from "../../../lib/types";

describe("splitSentences", () => {
  it("handles French abbreviations, initials and numbers", () => {
    const s = splitSentences("Le Dr. Osotimehin et M. Eliasson arrivent. J. Smith parle. Environ 7,6 millions vivent ici. Fin.");
    expect(s.map((x) => x.text)).toEqual([
      "Le Dr. Osotimehin et M. Eliasson arrivent.",
      "J. Smith parle.",
      "Environ 7,6 millions vivent ici.",
      "Fin.",
    ]);
  });

  it("keeps a quotation « … » together with its attribution", () => {
    const s = splitSentences("« Le thème est essentiel. Il faut agir » explique le directeur. Suite.");
    expect(s[0]!.text).toBe("« Le thème est essentiel. Il faut agir » explique le directeur.");
    expect(s[1]!.text).toBe("Suite.");
  });

  it("ends a sentence at a paragraph break and returns exact offsets", () => {
    const text = "Titre sans point\n\nPhrase une. Phrase deux.";
    for (const s of splitSentences(text, 10)) expect(text.slice(s.start - 10, s.end - 10)).toBe(s.text);
    expect(splitSentences(text)).toHaveLength(3);
  });
});

const release = (text: string): Release => ({
  releaseId: "r1",
  source: "r1.txt",
  title: "Titre",
  location: null,
  contacts: { emails: [], phones: [] },
  hash: "h",
  text,
});

describe("chunkRelease", () => {
  const sentence = (i: number) => `Phrase numéro ${i} avec quelques mots de plus pour faire du volume ici.`;
  const text = Array.from({ length: 60 }, (_, i) => sentence(i)).join(" ");
  const chunks = chunkRelease(release(text), { maxWords: 60, overlapWords: 15 });

  it("makes sentence-aligned chunks of bounded size with stable ids", () => {
    expect(chunks.length).toBeGreaterThan(5);
    chunks.forEach((c, i) => {
      expect(c.id).toBe(`r1#${i}`);
      expect(c.text.split(/\s+/).length).toBeLessThanOrEqual(60);
      expect(c.text).toMatch(/^Phrase numéro \d+/);
      expect(c.text.endsWith(".")).toBe(true);
      expect(text.slice(c.start, c.end)).toBe(c.text);
    });
  });

  it("overlaps consecutive chunks by whole sentences and covers everything", () => {
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.start).toBeLessThan(chunks[i - 1]!.end);
    expect(chunks[0]!.start).toBe(0);
    expect(chunks[chunks.length - 1]!.end).toBe(text.length);
  });

  it("is deterministic", () => {
    expect(chunkRelease(release(text), { maxWords: 60, overlapWords: 15 })).toEqual(chunks);
  });

  it("splits a giant sentence without punctuation", () => {
    const long = Array.from({ length: 500 }, (_, i) => `mot${i}`).join(" ");
    const cs = chunkRelease(release(long), { maxWords: 100, overlapWords: 0 });
    expect(cs.length).toBe(5);
  });

  it("embeds the release title with every chunk", () => {
    expect(embeddingText("Titre", chunks[3]!)).toMatch(/^Titre\n\nPhrase/);
  });
});
