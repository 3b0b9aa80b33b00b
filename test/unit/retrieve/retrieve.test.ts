import { describe, expect, it } from "vitest";
import type { Embedder } from "../../../lib/embeddings/embedder";
import { conversationFor, focusReleases, retrieve } from "../../../lib/retrieve/retrieve";
import type { Store, StoredChunk } from "../../../lib/store/store";
import type { Release } from "../../../lib/types";

/** A store answering with hand-written lists: chunk label = 10 × release number + ordinal. */
function fakeStore(lists: { dense: number[]; lexical: number[] }): Store {
  const releaseOf = (label: number) => `r${Math.floor(label / 10)}`;
  const chunk = (label: number): StoredChunk => ({ label, id: `${releaseOf(label)}#${label % 10}`, releaseId: releaseOf(label), ordinal: label % 10, text: `chunk ${label}`, start: 0, end: 9 });
  const release = (releaseId: string): Release => ({ releaseId, source: `${releaseId}.txt`, title: `Titre ${releaseId}`, location: null, contacts: { emails: [], phones: [] }, hash: "h", text: "text" });
  return {
    info: async () => ({ kind: "embedded", embedder: { id: "hash:v4:4", dimension: 4 }, analyzerVersion: 6, builtAt: "", generation: "g", releases: 9, chunks: 90 }),
    dense: async (_v, k) => lists.dense.slice(0, k).map((label, i) => ({ label, similarity: 1 - i / 10 })),
    lexical: async (_t, k) => lists.lexical.slice(0, k).map((label, i) => ({ label, bm25: 10 - i })),
    releaseLexical: async () => [],
    chunks: async (labels) => new Map(labels.map((l) => [l, chunk(l)])),
    chunkLabels: async (ids) => ids.flatMap((id) => [0, 1, 2].map((o) => Number(id.slice(1)) * 10 + o)),
    releases: async (ids) => new Map(ids.map((id) => [id, release(id)])),
    releaseList: async () => [1, 2, 3].map((n) => ({ releaseId: `r${n}`, title: `Titre r${n} assez long`, location: null })),
    documentFrequencies: async () => ({ releases: 9, df: new Map() }),
    refresh: async () => false,
    close: async () => {},
  };
}

const hash: Embedder = { id: "hash:v4:4", dimension: 4, embedDocuments: async (t) => t.map(() => [1, 0, 0, 0]), embedQuery: async () => [1, 0, 0, 0] };

describe("the releases a conversation of questions is about", () => {
  const withScores = (scores: number[]): Store => ({ ...fakeStore({ dense: [], lexical: [] }), releaseLexical: async (_t, k) => scores.slice(0, k).map((bm25, i) => ({ releaseId: `r${i + 1}`, bm25 })) });
  const history = [{ role: "user" as const, content: "C'est quoi la campagne « Un million de migrants » en Thaïlande ?" }];
  it("are the release leading by whole-release BM25, or the two leading together, else none", async () => {
    expect(await focusReleases(withScores([20, 10, 9]), history)).toEqual(["r1"]);
    // two releases on one subject, well ahead of the third
    expect(await focusReleases(withScores([14.9, 14.2, 8.6]), history)).toEqual(["r1", "r2"]);
    expect(await focusReleases(withScores([14.9, 14.2, 13]), history)).toEqual([]);
    expect(await focusReleases(withScores([]), history)).toEqual([]);
  });
  it("are, when none leads, the only one of the first three naming the conversation's places", async () => {
    const texts: Record<string, string> = { r1: "Préparation aux séismes au Pérou.", r2: "L'OIM prépare Katmandou aux séismes.", r3: "Séismes et abris." };
    const naming = (scores: number[], text: Record<string, string>): Store => {
      const store = withScores(scores);
      return { ...store, releases: async (ids) => new Map([...(await fakeStore({ dense: [], lexical: [] }).releases(ids))].map(([id, r]) => [id, { ...r, text: text[id] ?? "" }])) };
    };
    const nepal = [{ role: "user" as const, content: "Tell me about IOM's earthquake preparedness work around Kathmandu." }];
    expect(await focusReleases(naming([15.6, 13.7, 13], texts), nepal)).toEqual(["r2"]);
    // two naming it, or none: no focus
    expect(await focusReleases(naming([15.6, 13.7, 13], { ...texts, r1: "Katmandou." }), nepal)).toEqual([]);
    expect(await focusReleases(naming([15.6, 13.7, 13], { ...texts, r2: "" }), nepal)).toEqual([]);
  });
});

describe("retrieve", () => {
  it("with the hash embedder, ranks by the lexical list and puts dense-only chunks after", async () => {
    const store = fakeStore({ lexical: [31, 11, 21], dense: [51, 11, 61] });
    const { passages } = await retrieve({ store, embedder: hash, question: "atelier Panama", k: 5 });
    expect(passages.map((p) => p.chunkId)).toEqual(["r3#1", "r1#1", "r2#1", "r5#1", "r6#1"]);
    expect(passages[0]!.fusedScore).toBe(1);
    expect(passages[3]!.fusedScore).toBe(0);
    expect(passages[1]).toMatchObject({ bm25: 9, denseSimilarity: 0.9 });
  });

  it("keeps at most two chunks of a release", async () => {
    const store = fakeStore({ lexical: [10, 11, 12, 20], dense: [] });
    const { passages } = await retrieve({ store, embedder: hash, question: "atelier Panama", k: 5 });
    expect(passages.map((p) => p.chunkId)).toEqual(["r1#0", "r1#1", "r2#0"]);
  });

  it("gives a follow-up the release its last answer named a bonus, and more of its chunks", async () => {
    const store = fakeStore({ lexical: [20, 21, 10], dense: [] });
    const history = [
      { role: "user" as const, content: "De quoi parle l'atelier ?" },
      { role: "assistant" as const, content: "Selon le communiqué « Titre r1 assez long » [1] : …" },
    ];
    const r = await retrieve({ store, embedder: hash, question: "Et qui l'a financé ?", history, k: 6 });
    expect(r.focus).toEqual(["r1"]);
    // r1#0 is lifted above r2's better lexical hits; r1's other chunks come in with the bonus alone
    expect(r.passages.map((p) => p.chunkId)).toEqual(["r1#0", "r2#0", "r2#1", "r1#1", "r1#2"]);
  });

  it("goes back to the first exchange when the question says so", async () => {
    const store = fakeStore({ lexical: [20, 30, 10], dense: [] });
    const history = [
      { role: "user" as const, content: "De quoi parle l'atelier ?" },
      { role: "assistant" as const, content: "Selon le communiqué « Titre r1 assez long » [1] : …" },
      { role: "user" as const, content: "Et la conférence ?" },
      { role: "assistant" as const, content: "Selon le communiqué « Titre r3 assez long » [1] : …" },
    ];
    expect((await retrieve({ store, embedder: hash, question: "Et qui l'a financée ?", history })).focus).toEqual(["r3"]);
    expect((await retrieve({ store, embedder: hash, question: "Going back to the first one, who paid for it?", history })).focus).toEqual(["r1"]);
    expect((await retrieve({ store, embedder: hash, question: "Pour revenir au premier sujet, qui l'a financé ?", history })).focus).toEqual(["r1"]);
    expect(conversationFor("Revenons au premier sujet : qui l'a financé ?", history)).toEqual(history.slice(0, 2));
    // ordinary questions with "first" or "back" keep the whole conversation
    for (const q of ["Qui l'a financée ?", "Combien sont arrivés pour la première fois en Italie ?", "Pour le premier trimestre, combien ?", "Who was the first one to arrive?", "How many migrants are going back home?"]) {
      expect(conversationFor(q, history), q).toBe(history);
    }
  });
});
