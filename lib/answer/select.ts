import { terms } from "../text/analyze";
import { hasPreciseDate, type AnswerSpec, type AnswerType } from "../text/answer-type";
import type { QueryAnalysis } from "../text/query";
import type { Passage } from "../types";
import { dot } from "../utils/dot";
import { coverage, type IdfOf } from "./coverage";
import { FEATURES, questionFeatures, sentenceFeatures } from "./features";
import { SCORER } from "./scorer-weights";
import { TextCache } from "./text-cache";

export interface ScoredSentence {
  text: string;
  releaseId: string;
  /** Offset of the sentence in the release text (document order). */
  start: number;
  /** Fitted score: how likely the sentence holds the asked fact; only compared between sentences. */
  sentenceScore: number;
  /** Share of the question's concepts in the sentence (idf-weighted). */
  coverage: number;
  /** Number of the question's concepts in the sentence. */
  matched: number;
  /** Feature vector (`FEATURES` order). */
  features: number[];
  /** Asked kinds of value the sentence holds. */
  types: AnswerType[];
  /** Words between the closest two different concepts of the question in the sentence (Infinity under two). */
  pairGap: number;
  passage: Passage;
}

/**
 * Scores the sentences of the retrieved passages for how well they answer the question: a
 * weighted sum of their features (`features.ts`: concept coverage, the asked kind of value near
 * the concepts, the passage's retrieval, form) with weights fitted on golden questions. Pure.
 */
export function scoreSentences(input: {
  query: QueryAnalysis;
  passages: Passage[];
  idf: IdfOf;
  cache?: TextCache;
  /** What the question asks for, when the caller has read it already. */
  spec?: AnswerSpec;
}): ScoredSentence[] {
  const { query, passages, idf } = input;
  const cache = input.cache ?? new TextCache();
  const best = Math.max(1e-9, ...passages.map((p) => p.fusedScore));
  const qf = questionFeatures(query, input.spec);
  const concepts = query.concepts.length ? query.concepts : query.contextConcepts;
  const topRelease = passages[0]?.releaseId;
  const out: ScoredSentence[] = [];
  const seen = new Set<string>();
  for (const passage of passages) {
    for (const s of cache.sentences(passage)) {
      const key = `${passage.releaseId}@${s.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const cov = coverage({ concepts, stems: s.stems, idf });
      const ctx = query.contextConcepts.length && query.concepts.length ? coverage({ concepts: query.contextConcepts, stems: s.stems, idf }).weighted : 0;
      const lead = leadRank(passage, s.start);
      const { features, types, pairGap } = sentenceFeatures(qf, {
        text: s.text,
        words: s.words,
        wordStems: s.wordStems,
        concepts,
        coverage: cov.weighted,
        matched: cov.matched,
        context: ctx,
        retrieval: passage.fusedScore / best,
        topRelease: passage.releaseId === topRelease,
        leadRank: lead,
      });
      out.push({
        text: s.text,
        releaseId: passage.releaseId,
        start: s.start,
        // a summary starts where the release does (no training question asks for one: a rule)
        sentenceScore: scoreOf(features) + (qf.summary ? SUMMARY_LEAD * Math.max(0, 1 - lead / 4) : 0),
        coverage: cov.weighted,
        matched: cov.matched,
        features,
        types,
        pairGap,
        passage,
      });
    }
  }
  return out.sort((a, b) => b.sentenceScore - a.sentenceScore);
}

/** Bonus of the first sentence of a release for a summary question, in score units. */
const SUMMARY_LEAD = 4;

const WEIGHTS: readonly number[] = FEATURES.map((f) => SCORER.weights[f]);

/** The fitted score of a feature vector. */
export function scoreOf(features: readonly number[]): number {
  return dot(WEIGHTS, features);
}

/** Position of a sentence among the first ones of its release (0 = first), from its passage's start. */
function leadRank(passage: Passage, start: number): number {
  if (passage.start > 0) return 99;
  return (passage.text.slice(0, Math.max(0, start - passage.start)).match(/[.!?…](?:\s|$)/g) ?? []).length;
}

/**
 * Picks 1–`max` sentences: the best one, those scored within the fitted margin of it (no
 * near-duplicates, at most `maxReleases` releases), and, when the question asks two things and
 * the picked ones hold only one, the best sentence holding the other.
 */
export function pickSentences(
  scored: ScoredSentence[],
  options: {
    max?: number;
    maxReleases?: number;
    /** Kinds of value asked: a sentence holding one the picked ones lack joins them. */
    asked?: readonly AnswerType[];
    /** The two parts of a question asking two things. */
    parts?: AnswerSpec["parts"];
    /** Sentences the asked kinds of value may come from (default: `scored`), best first. */
    pool?: ScoredSentence[];
    /** The other sentences of the best release, best first: read when the pool lacks what is needed. */
    rest?: () => ScoredSentence[];
    /** A day is asked ("Quand…", not "En quelle année…"): a sentence giving one joins quotes that give only a year. */
    day?: boolean;
    /** What one quoted sentence must hold ("financé par…" for who funds): the best sentence holding it joins the picked ones. */
    cue?: (text: string) => boolean;
  } = {},
): ScoredSentence[] {
  const max = options.max ?? 3;
  const maxReleases = options.maxReleases ?? 2;
  const top = scored[0];
  if (!top) return [];
  const picked: ScoredSentence[] = [top];
  const releases = new Set([top.releaseId]);
  const fits = (s: ScoredSentence) => !picked.includes(s) && !picked.some((p) => similar(p.text, s.text));
  for (const s of scored.slice(1)) {
    if (picked.length >= max) break;
    if (s.sentenceScore < top.sentenceScore - SCORER.margin || s.coverage === 0) continue;
    // another release adds its best sentence, when it comes close to the best
    if (s.releaseId !== top.releaseId && (releases.has(s.releaseId) || releases.size >= maxReleases || s.sentenceScore < top.sentenceScore - SCORER.margin / 2)) continue;
    if (!fits(s)) continue;
    picked.push(s);
    releases.add(s.releaseId);
  }
  const pool = options.pool ?? scored;
  let rest: ScoredSentence[] | undefined;
  // a sentence needed for something asked takes the place of the lowest sentence picked by
  // score alone (never the best one, never another needed one)
  const needed = new Set<ScoredSentence>([top]);
  // a sentence right after a picked one goes on about it ("Il était âgé de 86 ans.")
  const follows = (s: ScoredSentence) => picked.some((p) => p.passage.chunkId === s.passage.chunkId && s.start > p.start && s.start - (p.start + p.text.length) < FOLLOWS_WITHIN);
  // the best sentence of the best release on the question that holds what is needed: among
  // the retrieved passages, else in the rest of the release (read only then)
  const addHolding = (holds: (s: ScoredSentence) => boolean) => {
    const ok = (s: ScoredSentence) => s.releaseId === top.releaseId && holds(s) && (s.coverage > 0 || follows(s)) && fits(s);
    const other = pool.find(ok) ?? (rest ??= options.rest?.() ?? []).find(ok);
    if (!other) return;
    if (picked.length >= max) {
      const spare = [...picked].reverse().find((p) => !needed.has(p));
      if (!spare) return;
      picked.splice(picked.indexOf(spare), 1);
    }
    picked.push(other);
    needed.add(other);
  };
  for (const type of options.asked ?? []) if (!picked.some((p) => p.types.includes(type))) addHolding((s) => s.types.includes(type));
  // when: a sentence giving the day, when those picked only give a year ("en 2013" — "les 3 et 4 octobre")
  if (options.day && !picked.some((p) => hasPreciseDate(p.text))) addHolding((s) => hasPreciseDate(s.text));
  // who funds: a sentence saying who pays ("Elle a été financée par…"); the dead: a sentence counting them
  const cue = options.cue;
  if (cue && !picked.some((p) => cue(p.text))) addHolding((s) => cue(s.text));
  // a second question ("…, et à quel âge ?"): a sentence of the best release that answers it,
  // unless one quoted already does (the best one counts when it holds both kinds of value)
  const parts = options.parts;
  if (parts) {
    const holds = (s: ScoredSentence) => (parts.second.length ? parts.second.some((t) => s.types.includes(t)) : true);
    // the kind of value of the second question beside a word only it has ("… en 2016" — « Au 31 mai 2016, ils étaient 205 858 »)
    const own = new Set(parts.secondStems ?? []);
    const holdsOwn = (s: ScoredSentence) => holds(s) && terms(s.text).some((st) => own.has(st));
    const topHolds = parts.second.length > 0 && holds(top) && parts.second.some((t) => !parts.first.includes(t));
    if (!topHolds && !picked.slice(1).some((p) => p.releaseId === top.releaseId && holds(p))) addHolding(holds);
    else if (!topHolds && own.size && parts.second.length && !picked.some((p) => p.releaseId === top.releaseId && holdsOwn(p))) addHolding(holdsOwn);
  }
  return picked;
}

/** Characters between a picked sentence and one that goes on about it. */
const FOLLOWS_WITHIN = 300;

function similar(a: string, b: string): boolean {
  const x = new Set(terms(a));
  const y = new Set(terms(b));
  let inter = 0;
  for (const t of x) if (y.has(t)) inter++;
  return inter / Math.max(1, Math.min(x.size, y.size)) > 0.6;
}
