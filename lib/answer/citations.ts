import { splitSentences } from "../ingest/sentences";
import { terms } from "../text/analyze";
import type { Citation } from "../types";

const MARKER = /\[(\d{1,3})\]/g;

/**
 * Release text quoted in an answer with its own bracketed numbers made plain ("[2]" → "(2)"),
 * so that they can never be read as citation markers. Pure.
 */
export function neutraliseMarkers(text: string): string {
  return text.replace(/\[(\s*\d{1,3}\s*)\]/g, "($1)");
}

/** Numbers of the `[n]` markers in a text, in order of first appearance. */
export function markersOf(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(MARKER)) {
    const n = Number(m[1]);
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

/** Removes markers whose number is not in `valid`, with the spaces before them (and after them, before punctuation); trims. */
export function dropUnknownMarkers(text: string, valid: ReadonlySet<number>): string {
  return text.replace(/\s*\[(\d{1,3})\](?:\s+(?=[.,;:!?]))?/g, (m, n: string) => (valid.has(Number(n)) ? m : "")).trim();
}

/**
 * What of a text being generated can be shown already: unknown markers removed, and nothing
 * from trailing spaces or a `[` whose marker is not complete yet on. It is always the start of
 * `dropUnknownMarkers(whole text)`, so a stream never shows what the checked answer removes. Pure.
 */
export function checkedPrefix(text: string, valid: ReadonlySet<number>): string {
  let end = text.trimEnd().length;
  const pending = /\[\d{0,3}$/.exec(text.slice(0, end));
  if (pending) end = text.slice(0, pending.index).trimEnd().length;
  return dropUnknownMarkers(text.slice(0, end), valid);
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
 * sources, in source order (the sources are ranked by relevance). Sentences without a marker
 * are checked too: those no source supports are returned as `uncited`. Pure.
 */
export function verifyCitations(input: { text: string; sources: Citation[] }): { text: string; citations: Citation[]; uncited: string[] } {
  const byN = new Map(input.sources.map((s) => [s.n, s]));
  const text = dropUnknownMarkers(input.text, new Set(byN.keys()));
  const unsupported = new Set<number>();
  const uncited: string[] = [];
  for (const sentence of splitSentences(text)) {
    const cited = markersOf(sentence.text);
    if (cited.length === 0) {
      // a claim without a marker must still come from some source
      const best = Math.max(0, ...input.sources.map((s) => support(sentence.text, `${s.title} ${s.passage}`)));
      if (best < SUPPORT_THRESHOLD) uncited.push(sentence.text);
      continue;
    }
    for (const n of cited) {
      const source = byN.get(n)!;
      if (support(sentence.text, `${source.title} ${source.passage}`) < SUPPORT_THRESHOLD) unsupported.add(n);
    }
  }
  const used = new Set(markersOf(text));
  const citations = input.sources
    .filter((s) => used.has(s.n))
    .map((s) => ({ ...s, supported: !unsupported.has(s.n) }));
  return { text, citations, uncited };
}
