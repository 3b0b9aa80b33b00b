import { terms } from "../text/analyze";
import { fold } from "../text/normalize";
import type { Intent, QueryAnalysis } from "../text/query";
import type { Passage } from "../types";
import { coverage, type IdfOf } from "./coverage";
import { TextCache } from "./text-cache";

export interface ScoredSentence {
  text: string;
  releaseId: string;
  /** Offset of the sentence in the release text (document order). */
  start: number;
  /** How well the sentence answers (coverage, retrieval, asked kind of fact); only compared between sentences. */
  sentenceScore: number;
  /** Share of the question's concepts in the sentence (idf-weighted). */
  coverage: number;
  /** Number of the question's concepts in the sentence. */
  matched: number;
  passage: Passage;
}

const CONTACT = /\b(pour plus d.informations|for more information|veuillez contacter|please contact|e-?mail\s*:|t[ée]l\.?\s*:)/i;

/** What an answer of each kind contains (global: every match is checked for new information). */
const INTENT_CUES: Record<Intent, RegExp | null> = {
  funding: /\b(financ\w*|fonds|fund\w*|donat\w*|bailleur\w*|contribution\w*|grâce au soutien|soutien financier|budget)/giu,
  who: /\b\p{Lu}[\p{Ll}'’-]+(?:\s+(?:de |du |da |van |von |al-|el-)?\p{Lu}[\p{Ll}'’-]+)+/gu,
  where: /\b(?:à|au|aux|en|dans|vers|in|at|to)\s+(?:l['’]|la |le )?\p{Lu}[\p{L}'’-]+/gu,
  when: /\b(\d{1,2}(er)? (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)|(19|20)\d\d|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd.hui)/giu,
  howMany: /\d[\d\s.,]*|\b(deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente|quarante|cinquante|cent|mille|millions?)\b/giu,
  howLong: /\b(\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze)\s+(jours?|semaines?|mois|ans|années|heures)\b|\bdurée\b/giu,
  contact: /[\w.+-]+@[\w.-]+|\+\d[\d\s-]+/gu,
  summary: null,
  what: null,
};

/** Whether a sentence holds something of the asked kind that the question (folded) does not already say. */
function bringsAnswer(sentence: string, cue: RegExp | null, asked: string): boolean {
  if (!cue) return false;
  for (const m of sentence.matchAll(cue)) {
    const found = fold(m[0]).replace(/^(a|au|aux|en|dans|vers|in|at|to|la|le|l) /, "").trim();
    if (found && !asked.includes(found)) return true;
  }
  return false;
}

/**
 * Scores the sentences of the retrieved passages for how well they answer the question:
 * concept coverage (idf-weighted, the passage's release title counting for context), the
 * passage's retrieval score, and a small preference for sentences of the asked kind. Pure.
 */
export function scoreSentences(input: { query: QueryAnalysis; passages: Passage[]; idf: IdfOf; cache?: TextCache }): ScoredSentence[] {
  const { query, passages, idf } = input;
  const cache = input.cache ?? new TextCache();
  const best = Math.max(1e-9, ...passages.map((p) => p.fusedScore));
  const cue = INTENT_CUES[query.intent];
  const asked = fold(query.question);
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
      let score = 0.6 * cov.weighted + 0.1 * ctx + 0.25 * (passage.fusedScore / best);
      if (bringsAnswer(s.text, cue, asked)) score += 0.12;
      // a summary starts where the release does: its lead sentences
      if (query.intent === "summary") score += Math.max(0, 0.2 - 0.05 * leadRank(passage, s.start));
      if (query.intent !== "contact" && CONTACT.test(s.text)) score -= 0.35;
      if (wordsCount < 5) score -= 0.2;
      if (wordsCount > 60) score -= 0.05 + (wordsCount > 90 ? 0.05 : 0);
      // a last "sentence" without final punctuation is usually a cut-off text
      if (!/[.!?»”"…)]$/.test(s.text) && wordsCount > 8) score -= 0.08;
      out.push({ text: s.text, releaseId: passage.releaseId, start: s.start, sentenceScore: score, coverage: cov.weighted, matched: cov.matched, passage });
    }
  }
  return out.sort((a, b) => b.sentenceScore - a.sentenceScore);
}

/** Position of a sentence among the first ones of its release (0 = first), from its passage's start. */
function leadRank(passage: Passage, start: number): number {
  if (passage.start > 0) return 99;
  return (passage.text.slice(0, Math.max(0, start - passage.start)).match(/[.!?…](?:\s|$)/g) ?? []).length;
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
    if (s.sentenceScore < top.sentenceScore * 0.8 || s.coverage === 0) continue;
    if (!releases.has(s.releaseId) && (releases.size >= maxReleases || s.sentenceScore < top.sentenceScore * 0.9 || s.matched < top.matched)) continue;
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
