/**
 * Weights of the sentence scorer, one per feature of `features.ts`, and the margin within
 * which further sentences join the best one. Written by `npm run fit-scorer`; do not edit.
 */
export const SCORER = {
  weights: {
    coverage: 1.322,
    share: 1.409,
    context: -0.576,
    retrieval: 0.179,
    topRelease: 2.269,
    typeAny: 0.522,
    typeAll: 0.42,
    typeNear: 1.764,
    countedNear: 1.746,
    quoted: 0.277,
    lead: -0.311,
    contact: -0.192,
    short: 0,
    long: -0.379,
    cutoff: -0.126,
    number: 0.319,
    density: 0.302,
    pronoun: -0.119,
    conceptSpan: -0.219,
  },
  margin: 2.3,
  fitted: { questions: 297, lambda: 0.003, sets: ["golden.json","golden-corpus.json","golden-corpus-2.json","golden-stranger.json","golden-followup.json","golden-offtopic.json","golden-traps.json"] } as null | { questions: number; lambda: number; sets: string[] },
} as const;

/** Weights of the answer-or-abstain decision (`abstain.ts`) and its threshold. Written by `npm run fit-scorer`. */
export const DECIDER = {
  weights: {
    bias: -5,
    coverage: 0,
    share: 0,
    context: 0,
    rare: 0,
    heaviestMissing: 0,
    sentenceCoverage: 0,
    sentenceShare: 0,
    missingAcronym: 0,
    missingName: 0,
    askedFound: 0,
    askedMissing: 0,
    typeNear: 0,
    countedNear: 0,
    fewConcepts: 0,
    score: 0,
    english: 0,
    followUp: 0,
    strong: 10,
  },
  threshold: 0.5,
} as const;
