import { splitSentences } from "../ingest/sentences";
import { terms } from "../text/analyze";
import type { Citation } from "../types";

const MARKER = /\[(\d{1,2})\]/g;

/** Numbers of the `[n]` markers in a text, in order of first appearance. */
export function markersOf(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(MARKER)) {
    const n = Number(m[1]);
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

/** Removes markers whose number is not in `valid`, tidying the spaces they leave. */
export function dropUnknownMarkers(text: string, valid: ReadonlySet<number>): string {
  return text
    .replace(/\[(\d{1,2})\]/g, (m, n: string) => (valid.has(Number(n)) ? m : ""))
    .replace(/[ \t]+([.,;:!?])/g, "$1")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

/**
 * Share of a claim's content terms found in a passage (1 = every term is there).
 * Stems make it robust to inflection; numbers must match exactly.
 */
export function support(claim: string, passage: string): number {
  const claimTerms = new Set(terms(claim.replace(MARKER, "")));
  if (claimTerms.size === 0) return 1;
  const passageTerms = new Set(terms(passage));
  let found = 0;
  for (const t of claimTerms) if (passageTerms.has(t)) found++;
  return found / claimTerms.size;
}

/** Minimum support for a cited sentence to count as backed by its passage. */
export const SUPPORT_THRESHOLD = 0.5;

/**
 * Verifies a generated answer against its numbered sources: markers to unknown sources are
 * removed; each sentence is checked against every passage it cites, and a citation is marked
 * `supported: false` when a sentence citing it is not supported. Returns only the cited
 * sources, in source order (the sources are ranked by relevance). Pure.
 */
export function verifyCitations(input: { text: string; sources: Citation[] }): { text: string; citations: Citation[] } {
  const byN = new Map(input.sources.map((s) => [s.n, s]));
  const text = dropUnknownMarkers(input.text, new Set(byN.keys()));
  const unsupported = new Set<number>();
  for (const sentence of splitSentences(text)) {
    const cited = markersOf(sentence.text);
    for (const n of cited) {
      const source = byN.get(n)!;
      if (support(sentence.text, `${source.title} ${source.passage}`) < SUPPORT_THRESHOLD) unsupported.add(n);
    }
  }
  const used = new Set(markersOf(text));
  const citations = input.sources
    .filter((s) => used.has(s.n))
    .map((s) => ({ ...s, supported: !unsupported.has(s.n) }));
  return { text, citations };
}
