import { describe, expect, it } from "vitest";
import { documentTerms, Lengths, mergeSegments, PostingsBuilder, Scratch, topBm25 } from "../../../lib/store/bm25";

describe("BM25 posting lists", () => {
  it("weighs a title occurrence 0.6 of a body one, ×10 as integers", () => {
    const d = documentTerms(["atel"], ["atel", "panam", "atel"]);
    expect([...d.tfs]).toEqual([["atel", 26], ["panam", 10]]);
    expect(d.length).toBe(36);
  });

  it("ranks by term frequency and rarity, skipping deleted documents", () => {
    const builder = new PostingsBuilder();
    const lengths = new Lengths();
    const docs: [number, string[]][] = [
      [1, ["panam", "atel"]],
      [2, ["panam", "panam", "panam", "rapport"]],
      [3, ["rom", "refugi"]],
    ];
    for (const [id, body] of docs) {
      const d = documentTerms([], body);
      builder.add(id, d.tfs);
      lengths.set(id, d.length);
    }
    const postings = new Map([...builder.entries()]);
    const search = (terms: string[]) => topBm25({ terms: terms.map((t) => (postings.has(t) ? [postings.get(t)!] : [])), lengths, k: 10, scratch: new Scratch() });
    expect(search(["panam"]).map((h) => h.id)).toEqual([2, 1]);
    expect(search(["rom", "panam"])[0]!.id).toBe(3);
    lengths.delete(2);
    expect(search(["panam"]).map((h) => h.id)).toEqual([1]);
    expect(search(["absent"])).toEqual([]);
  });

  it("scales a term's score by its weight", () => {
    const builder = new PostingsBuilder();
    const lengths = new Lengths();
    for (const [id, body] of [
      [1, ["somm", "aid"]],
      [2, ["montant", "aid"]],
    ] as [number, string[]][]) {
      const d = documentTerms([], body);
      builder.add(id, d.tfs);
      lengths.set(id, d.length);
    }
    const postings = new Map([...builder.entries()]);
    const search = (terms: string[], weights?: number[]) => topBm25({ terms: terms.map((t) => [postings.get(t)!]), weights, lengths, k: 10, scratch: new Scratch() });
    const even = search(["somm", "montant"]);
    expect(even[0]!.bm25).toBeCloseTo(even[1]!.bm25);
    const weighted = search(["somm", "montant"], [1, 0.3]);
    expect(weighted.map((h) => h.id)).toEqual([1, 2]);
    expect(weighted[1]!.bm25).toBeCloseTo(0.3 * weighted[0]!.bm25);
  });

  it("merges segments term by term, dropping documents that are gone", () => {
    const seg = (term: string, ids: number[], tfs: number[]) => ({ term, ids: Uint32Array.from(ids), tfs: Uint16Array.from(tfs) });
    const merged = mergeSegments([seg("a", [1, 2], [10, 20]), seg("b", [2], [10]), seg("a", [5], [30])], new Set([2]));
    expect(merged.map(([t, p]) => [t, [...p.ids], [...p.tfs]])).toEqual([["a", [1, 5], [10, 30]]]);
  });
});
