/**
 * Weights of the sentence scorer, one per feature of `features.ts`, and the margin within
 * which further sentences join the best one. Written by `npm run fit-scorer`; do not edit.
 */
export const SCORER = {
  weights: {
    coverage: 1.104,
    share: 1.423,
    context: -0.462,
    retrieval: 0.117,
    topRelease: 2.09,
    typeAny: 0.069,
    typeAll: 0.916,
    typeNear: 1.562,
    countedNear: 1.546,
    quoted: 0.276,
    lead: -0.117,
    leadSummary: 0,
    contact: -0.174,
    short: 0,
    long: -0.284,
    cutoff: 0.027,
    number: 0.393,
    density: 0.291,
    pronoun: 0.126,
    conceptSpan: 0.108,
  },
  margin: 2.9,
  fitted: { questions: 274, lambda: 0.003, sets: ["golden.json","golden-corpus.json","golden-corpus-2.json","golden-stranger.json","golden-followup.json"] } as null | { questions: number; lambda: number; sets: string[] },
} as const;
