import { terms } from "../text/analyze";
import type { Intent, QueryAnalysis } from "../text/query";
import type { Passage } from "../types";
import { coverage, type IdfOf } from "./coverage";
import { TextCache } from "./text-cache";

export interface ScoredSentence {
  text: string;
  releaseId: string;
  /** Offset of the sentence in the release text (document order). */
  start: number;
  score: number;
  /** Share of the question's concepts in the sentence (idf-weighted). */
  coverage: number;
  /** Number of the question's concepts in the sentence. */
  matched: number;
  passage: Passage;
}

const CONTACT = /\b(pour plus d.informations|for more information|veuillez contacter|please contact|e-?mail\s*:|t[ée]l\.?\s*:)/i;

const INTENT_CUES: Record<Intent, RegExp | null> = {
  funding: /\b(financ\w*|fonds|fund\w*|donat\w*|bailleur\w*|contribution\w*|grâce au soutien|soutien financier|budget)/i,
  who: /\b(\p{Lu}\p{L}+ \p{Lu}\p{L}+|OIM|ONU|PNUD|HCR|minist\w+|directeur|directrice|président\w*|gouvernement)/u,
  where: /\b(à|au|aux|en|in|at) \p{Lu}/u,
  when: /\b(\d{1,2}(er)? (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)|(19|20)\d\d|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|semaine|hier|aujourd)/i,
  howMany: /\d|\b(deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente|quarante|cinquante|cent|mille|millions?)\b/i,
  howLong: /\b(\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze)\s+(jours?|semaines?|mois|ans|années|heures)\b|\bdurée\b/i,
  contact: /@|\+\d/,
  what: null,
};

/**
 * Scores the sentences of the retrieved passages for how well they answer the question:
 * concept coverage (idf-weighted, the passage's release title counting for context), the
 * passage's retrieval score, and a small preference for sentences of the asked kind. Pure.
 */
export function scoreSentences(input: { query: QueryAnalysis; passages: Passage[]; idf: IdfOf; cache?: TextCache }): ScoredSentence[] {
  const { query, passages, idf } = input;
  const cache = input.cache ?? new TextCache();
  const best = Math.max(1e-9, ...passages.map((p) => p.score));
  const cue = INTENT_CUES[query.intent];
  const out: ScoredSentence[] = [];
  const seen = new Set<string>();
  for (const passage of passages) {
    for (const s of cache.sentences(passage)) {
      const key = `${passage.releaseId}@${s.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const stems = s.stems;
      const cov = coverage({ concepts: query.concepts, stems, idf });
      const ctx = query.contextConcepts.length ? coverage({ concepts: query.contextConcepts, stems, idf }).weighted : 0;
      const wordsCount = s.text.split(/\s+/).length;
      let score = 0.6 * cov.weighted + 0.1 * ctx + 0.25 * (passage.score / best);
      if (cue?.test(s.text)) score += 0.12;
      if (query.intent !== "contact" && CONTACT.test(s.text)) score -= 0.35;
      if (wordsCount < 5) score -= 0.2;
      if (wordsCount > 90) score -= 0.1;
      out.push({ text: s.text, releaseId: passage.releaseId, start: s.start, score, coverage: cov.weighted, matched: cov.matched, passage });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * Picks 1–`max` sentences close to the best one, without redundancy, from at most
 * `maxReleases` releases.
 */
export function pickSentences(scored: ScoredSentence[], options: { max?: number; maxReleases?: number } = {}): ScoredSentence[] {
  const max = options.max ?? 3;
  const maxReleases = options.maxReleases ?? 2;
  const top = scored[0];
  if (!top) return [];
  const picked: ScoredSentence[] = [top];
  const releases = new Set([top.releaseId]);
  for (const s of scored.slice(1)) {
    if (picked.length >= max) break;
    if (s.score < top.score * 0.8 || s.coverage === 0) continue;
    if (!releases.has(s.releaseId) && (releases.size >= maxReleases || s.score < top.score * 0.9 || s.matched < top.matched)) continue;
    if (picked.some((p) => similar(p.text, s.text))) continue;
    picked.push(s);
    releases.add(s.releaseId);
  }
  return picked;
}

function similar(a: string, b: string): boolean {
  const x = new Set(terms(a));
  const y = new Set(terms(b));
  let inter = 0;
  for (const t of x) if (y.has(t)) inter++;
  return inter / Math.max(1, Math.min(x.size, y.size)) > 0.6;
}
