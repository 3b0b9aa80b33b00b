/**
 * What is measured of a candidate sentence to decide whether it holds the asked fact: the
 * question's concepts it covers, the asked kind of value and how close that value stands to
 * the concepts, the retrieval of its passage, and its form. The weights that combine these
 * are fitted on golden questions (`npm run fit-scorer`, `scorer-weights.ts`). Pure.
 */
import { answerSpec, typeMatches, type AnswerSpec, type AnswerType, type TypeMatch } from "../text/answer-type";
import { frenchExpansion } from "../text/glossary";
import { stem, words } from "../text/normalize";
import type { Concept, QueryAnalysis } from "../text/query";
import { conceptIn } from "./coverage";

/** Names of the features, in the order of the vectors (the weights file is keyed by them). */
export const FEATURES = [
  "coverage",
  "share",
  "context",
  "retrieval",
  "topRelease",
  "typeAny",
  "typeAll",
  "typeNear",
  "countedNear",
  "quoted",
  "lead",
  "contact",
  "short",
  "long",
  "cutoff",
  "number",
  "density",
  "pronoun",
  "conceptSpan",
  "fundingCue",
] as const;

export type FeatureName = (typeof FEATURES)[number];

/** What a question contributes to every sentence's features, computed once. */
export interface QuestionFeatures {
  spec: AnswerSpec;
  /** The question's folded words and their French translations between spaces (values it already says are not answers). */
  questionWords: string;
  summary: boolean;
  contact: boolean;
  funding: boolean;
}

export function questionFeatures(query: QueryAnalysis, spec: AnswerSpec = answerSpec(query.question)): QuestionFeatures {
  return {
    spec,
    // with their French translations: "IOM" in the question, "OIM" in the sentence is no answer
    questionWords: ` ${[...words(query.question), ...[...frenchExpansion(query.question).values()].flat()].join(" ")} `,
    summary: query.intent === "summary",
    contact: query.intent === "contact",
    funding: query.intent === "funding",
  };
}

export interface SentenceInput {
  text: string;
  /** The sentence's folded words and their stems, in order (from the text when not given). */
  words?: readonly string[];
  wordStems?: readonly string[];
  /** Concepts of the question (those of the conversation for a follow-up without its own). */
  concepts: Concept[];
  coverage: number;
  matched: number;
  context: number;
  /** Retrieval score of the passage relative to the best passage (0–1). */
  retrieval: number;
  /** The passage belongs to the first release retrieved among those that can answer. */
  topRelease: boolean;
  /** Position of the sentence among the first ones of its release (0 = first, 99 = further). */
  leadRank: number;
}

export const CONTACT = /\b(pour plus d.informations|for more information|veuillez contacter|please contact|e-?mail\s*:|t[ée]l\.?\s*:)/i;
/** Words that say who pays, for questions asking it. */
export const FUNDING = /\b(?:financ\w*|fonds|fund\w*|donat\w*|bailleurs?|contributions?|grâce au soutien|soutien financier|don de|budget)/iu;
export const PRONOUN_START = /^(?:«\s*)?(?:il|elle|ils|elles|celui-ci|celle-ci|ce dernier|cette dernière|he|she|they|it|this|these)\b/i;

/** The feature vector of one sentence (in the order of FEATURES) and the asked kinds of value it holds. */
export function sentenceFeatures(q: QuestionFeatures, s: SentenceInput): { features: number[]; types: AnswerType[]; pairGap: number } {
  const ws = s.words ?? words(s.text);
  const n = ws.length;
  // word positions of the question's concepts in the sentence
  const positions: number[] = [];
  const stems = s.wordStems ?? ws.map((w) => stem(w));
  // words between the closest two different concepts of the question
  const identity = (j: number) => {
    const place = s.concepts[j]!.place;
    return place === undefined ? j : s.concepts.findIndex((x) => x.place === place);
  };
  let pairGap = Infinity;
  let last = -1;
  let lastConcept = -1;
  for (let i = 0; i < n; i++) {
    const one = new Set([stems[i]!]);
    const at = s.concepts.findIndex((x) => conceptIn(x, one));
    if (at < 0) continue;
    positions.push(i);
    // the words of one place ("Sri", "Lanka") are one concept
    const c = identity(at);
    // one word may stand for two different concepts ("humanitaire" for "aide" and "humanitaire")
    if (s.concepts.some((x, j) => j > at && identity(j) !== c && conceptIn(x, one))) pairGap = 0;
    if (lastConcept >= 0 && c !== lastConcept) pairGap = Math.min(pairGap, i - last);
    last = i;
    lastConcept = c;
  }
  let typeAny = 0;
  let typeAll = q.spec.types.length ? 1 : 0;
  let near = 0;
  const types: AnswerType[] = [];
  for (const type of q.spec.types) {
    const matches = typeMatches(s.text, type, q.questionWords);
    if (matches.length) {
      typeAny = 1;
      types.push(type);
    } else typeAll = 0;
    near = Math.max(near, proximity(matches, positions, type));
  }
  const counted = q.spec.counted.length ? countedNear(stems, q.spec.counted, ws) : 0;
  const span = positions.length > 1 ? (positions[positions.length - 1]! - positions[0]!) / Math.max(1, n) : 0;
  const values: Record<FeatureName, number> = {
    coverage: s.coverage,
    share: s.concepts.length ? s.matched / s.concepts.length : 0,
    context: s.context,
    retrieval: s.retrieval,
    topRelease: s.topRelease ? 1 : 0,
    typeAny,
    typeAll,
    typeNear: near,
    countedNear: counted,
    quoted: /«|“|"/.test(s.text) ? 1 : 0,
    lead: s.leadRank <= 1 ? 1 : 0,
    contact: !q.contact && CONTACT.test(s.text) ? 1 : 0,
    short: n < 5 ? 1 : 0,
    long: n > 60 ? Math.min(1, (n - 60) / 40) : 0,
    cutoff: !/[.!?»”"…)]$/.test(s.text) && n > 8 ? 1 : 0,
    number: /\d/.test(s.text) ? 1 : 0,
    density: positions.length / Math.sqrt(Math.max(4, n)),
    pronoun: PRONOUN_START.test(s.text) ? 1 : 0,
    conceptSpan: span,
    fundingCue: q.funding && FUNDING.test(s.text) ? 1 : 0,
  };
  return { features: FEATURES.map((f) => values[f]), types, pairGap };
}

/** 1 when a value of the asked kind stands next to a concept of the question, falling with distance. */
function proximity(matches: TypeMatch[], positions: number[], type: AnswerType): number {
  if (!matches.length) return 0;
  if (!positions.length) return 0.1;
  let best = 0;
  for (const m of matches) {
    const d = Math.min(...positions.map((p) => Math.abs(p - m.word)));
    // a name or title is often a few words from what it names
    const scale = type === "title" || type === "person" || type === "organisation" ? 6 : 4;
    best = Math.max(best, Math.exp(-Math.max(0, d - 1) / scale));
  }
  return best;
}

/** 1 when a number directly precedes the counted noun ("1 200 enfants", "dont 300 femmes"). */
function countedNear(stems: readonly string[], counted: string[], ws: readonly string[]): number {
  const wanted = new Set(counted);
  let best = 0;
  for (let i = 0; i < stems.length; i++) {
    if (!wanted.has(stems[i]!)) continue;
    for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
      if (/^\d/.test(ws[j]!) || NUMBER_WORDS.has(ws[j]!)) {
        best = Math.max(best, 1 - (i - j - 1) * 0.25);
        break;
      }
    }
  }
  return best;
}

const NUMBER_WORDS = new Set(
  "deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt trente quarante cinquante soixante cent cents mille million millions milliers centaines dizaines two three four five six seven eight nine ten dozen hundred hundreds thousand thousands".split(" "),
);
