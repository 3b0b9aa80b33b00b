/**
 * Weights of the sentence scorer, one per feature of `features.ts`, and the margin within
 * which further sentences join the best one. Written by `npm run fit-scorer`; do not edit.
 */
export const SCORER = {
  weights: {
    coverage: 1.335,
    share: 1.324,
    context: -0.549,
    retrieval: 0.171,
    topRelease: 2.267,
    typeAny: 0.547,
    typeAll: 0.428,
    typeNear: 1.729,
    countedNear: 1.743,
    quoted: 0.278,
    lead: -0.287,
    contact: -0.191,
    short: 0,
    long: -0.367,
    cutoff: -0.137,
    number: 0.33,
    density: 0.306,
    pronoun: -0.111,
    conceptSpan: -0.224,
    fundingCue: 0.54,
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
