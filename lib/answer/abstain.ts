/**
 * Whether a release answers: a logistic model over what is known of its best candidate (how much
 * of the question the release and the sentence cover, whether the question's rarest words and
 * names are there, whether the asked kind of value is). `npm run fit-scorer` fits it on
 * answerable and unanswerable golden questions and writes its weights only when it dominates
 * the coverage rule on them; otherwise the weights written are the rule's (bias −5, strong 10:
 * the release's `strong` check alone decides). Names and years absent from a release rule it
 * out before (`release-check.ts`). Pure.
 */
import type { QueryAnalysis } from "../text/query";
import { dot } from "../utils/dot";
import { FEATURES, type FeatureName } from "./features";
import type { ReleaseCheck } from "./release-check";
import { DECIDER } from "./scorer-weights";
import type { ScoredSentence } from "./select";

export const DECISION_FEATURES = [
  "bias",
  "coverage",
  "share",
  "context",
  "rare",
  "heaviestMissing",
  "sentenceCoverage",
  "sentenceShare",
  "missingAcronym",
  "missingName",
  "askedFound",
  "askedMissing",
  "typeNear",
  "countedNear",
  "fewConcepts",
  "score",
  "english",
  "followUp",
  "strong",
] as const;

export type DecisionFeature = (typeof DECISION_FEATURES)[number];

/**
 * The decision's features for a release: its best candidate sentence, the best closeness of an
 * asked value to the question's concepts among its sentences, and what the release holds.
 */
export function decisionFeatures(input: { query: QueryAnalysis; asked: readonly string[]; top: ScoredSentence; sentences: readonly ScoredSentence[]; check: ReleaseCheck }): number[] {
  const { query, top, check } = input;
  const best = (name: FeatureName) => Math.max(0, ...input.sentences.filter((s) => s.releaseId === top.releaseId).map((s) => s.features[FEATURES.indexOf(name)]!));
  const concepts = query.concepts.length ? query.concepts : query.contextConcepts;
  const values: Record<DecisionFeature, number> = {
    bias: 1,
    coverage: check.coverage,
    share: check.share,
    context: check.context,
    rare: check.rare,
    heaviestMissing: check.heaviestMissing,
    sentenceCoverage: top.coverage,
    sentenceShare: concepts.length ? top.matched / concepts.length : 0,
    missingAcronym: check.missingAcronym ? 1 : 0,
    missingName: check.missingName ? 1 : 0,
    askedFound: input.asked.length && top.types.length ? 1 : 0,
    askedMissing: input.asked.length && !top.types.length ? 1 : 0,
    typeNear: best("typeNear"),
    countedNear: best("countedNear"),
    fewConcepts: 1 / Math.max(1, concepts.length),
    score: top.sentenceScore / 10,
    english: query.language === "en" ? 1 : 0,
    followUp: query.followUp ? 1 : 0,
    strong: check.strong ? 1 : 0,
  };
  return DECISION_FEATURES.map((f) => values[f]);
}

const WEIGHTS: readonly number[] = DECISION_FEATURES.map((f) => DECIDER.weights[f]);

/** Probability-like confidence (0–1) that the question is answered by the candidate. */
export function answerConfidence(features: readonly number[]): number {
  return 1 / (1 + Math.exp(-dot(WEIGHTS, features)));
}

/** Whether to answer, from the decision's features. */
export function shouldAnswer(features: readonly number[]): boolean {
  return answerConfidence(features) >= DECIDER.threshold;
}
