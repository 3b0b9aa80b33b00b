/**
 * Weights of the sentence scorer, one per feature of `features.ts`, and the margin within
 * which further sentences join the best one. Written by `npm run fit-scorer`; do not edit.
 */
export const SCORER = {
  weights: {
    coverage: 0.44,
    share: 3.68,
    context: -1.642,
    retrieval: 0.469,
    topRelease: 3.309,
    typeAny: -1.181,
    typeAll: 2.025,
    typeNear: 2.384,
    countedNear: 2.41,
    quoted: 0.512,
    lead: -0.14,
    leadSummary: 0,
    contact: -0.92,
    short: 0,
    long: -1.859,
    cutoff: 0.145,
    number: 0.478,
    density: -0.534,
    pronoun: 0.209,
    conceptSpan: 0.26,
  },
  margin: 3.7,
  fitted: { questions: 279, lambda: 0.0003, sets: ["golden.json","golden-corpus.json","golden-corpus-2.json","golden-stranger.json","golden-followup.json"] } as null | { questions: number; lambda: number; sets: string[] },
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
