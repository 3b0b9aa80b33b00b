import { terms } from "../text/analyze";
import type { QueryAnalysis } from "../text/query";
import type { Answer, Citation, Passage, Suggestion } from "../types";
import { coverage, type IdfOf } from "./coverage";
import { quote, QUOTED_IN_FRENCH, TEXT } from "./language";
import { pickSentences, scoreSentences } from "./select";

export interface ExtractiveInput {
  query: QueryAnalysis;
  passages: Passage[];
  idf: IdfOf;
  /** Full cleaned text of a release (title excluded), for release-level coverage. */
  releaseText: (releaseId: string) => string;
}

/** Below these the releases are taken not to hold the answer (calibrated on the golden set). */
export const ABSTAIN = { releaseCoverage: 0.6, sentenceCoverage: 0.25 };

export type ExtractiveAnswer = Omit<Answer, "timings">;

/**
 * Answers by quoting 1–3 sentences of the releases, each followed by its [n] marker, after a
 * short lead naming the release(s); abstains when the releases do not cover the question. Pure.
 */
export function extractiveAnswer(input: ExtractiveInput): ExtractiveAnswer {
  const { query, passages } = input;
  const lang = query.language;
  const t = TEXT[lang];
  if (query.concepts.length === 0 && query.contextConcepts.length === 0) {
    return abstain({ lang, text: t.empty, suggestions: [] });
  }
  const concepts = query.concepts.length ? query.concepts : query.contextConcepts;
  const releaseCov = new Map<string, number>();
  for (const p of passages) {
    if (releaseCov.has(p.releaseId)) continue;
    const stems = new Set(terms(`${p.title}\n${input.releaseText(p.releaseId)}`));
    let cov = coverage({ concepts, stems, idf: input.idf });
    if (query.followUp && query.contextConcepts.length) {
      cov = Math.max(cov, 0.5 * cov + 0.5 * coverage({ concepts: query.contextConcepts, stems, idf: input.idf }));
    }
    releaseCov.set(p.releaseId, cov);
  }
  const answerable = passages.filter((p) => (releaseCov.get(p.releaseId) ?? 0) >= ABSTAIN.releaseCoverage);
  const scored = scoreSentences({ query, passages: answerable, idf: input.idf });
  const picked = pickSentences(scored);
  const suggestions = suggestionsOf(passages);
  if (picked.length === 0 || (picked[0]!.coverage < ABSTAIN.sentenceCoverage && !query.followUp)) {
    return abstain({ lang, text: `${t.notFound} ${suggestions.length ? t.closest(suggestions.map((s) => s.title)) : ""}`.trim(), suggestions });
  }

  // citations: one per release, most relevant (best sentence) first
  const order: string[] = [];
  for (const s of picked) if (!order.includes(s.releaseId)) order.push(s.releaseId);
  const citations: Citation[] = order.map((releaseId, i) => {
    const sentences = picked.filter((s) => s.releaseId === releaseId).sort((a, b) => a.start - b.start);
    const p = sentences[0]!.passage;
    return {
      n: i + 1,
      releaseId,
      title: p.title,
      source: p.source,
      location: p.location,
      passage: sentences.map((s) => s.text).join(" "),
      score: round(Math.max(...sentences.map((s) => s.score))),
    };
  });
  const lead =
    citations.length === 1
      ? `${t.leadOne(citations[0]!.title, citations[0]!.location)} [1]`
      : t.leadMany(citations.map((c) => `${t.titleRef(c.title)} [${c.n}]`));
  const body = citations
    .flatMap((c) =>
      picked
        .filter((s) => s.releaseId === c.releaseId)
        .sort((a, b) => a.start - b.start)
        .map((s) => `${quote(s.text)} [${c.n}]`),
    )
    .join("\n");
  const answer = `${lead}${lang === "en" ? QUOTED_IN_FRENCH : ""} :\n${body}`.replace(" (quoted in French) :", " (quoted in French):");
  return { answer, citations, abstained: false, mode: "extractive", language: lang };
}

function abstain(input: { lang: "fr" | "en"; text: string; suggestions: Suggestion[] }): ExtractiveAnswer {
  return {
    answer: input.text,
    citations: [],
    abstained: true,
    mode: "extractive",
    language: input.lang,
    suggestions: input.suggestions,
  };
}

function suggestionsOf(passages: Passage[]): Suggestion[] {
  const out: Suggestion[] = [];
  for (const p of passages) {
    if (out.length >= 3) break;
    if (!out.some((s) => s.releaseId === p.releaseId)) out.push({ releaseId: p.releaseId, title: p.title, location: p.location });
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
