/**
 * Weights of the sentence scorer, one per feature of `features.ts`, and the margin within
 * which further sentences join the best one. Written by `npm run fit-scorer`; do not edit.
 */
export const SCORER = {
  weights: {
    coverage: 1.047,
    share: 0.991,
    context: -0.233,
    retrieval: 0.09,
    topRelease: 1.574,
    typeAny: 0.606,
    typeAll: 0.609,
    typeNear: 1.21,
    countedNear: 0.9,
    quoted: 0.262,
    lead: -0.196,
    contact: -0.085,
    short: 0,
    long: -0.141,
    cutoff: -0.029,
    number: 0.163,
    density: 0.587,
    pronoun: -0.036,
    conceptSpan: -0.059,
    fundingCue: 0.332,
  },
  margin: 1.9,
  fitted: { questions: 298, lambda: 0.01, sets: ["golden.json","golden-corpus.json","golden-corpus-2.json","golden-stranger.json","golden-followup.json","golden-offtopic.json","golden-traps.json"] } as null | { questions: number; lambda: number; sets: string[] },
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
