import { dot } from "../utils/dot";

/**
 * Fits the sentence scorer: a conditional logit (softmax over the candidate sentences of each
 * question) whose weights make the sentences holding the asked fact come first. Pure.
 */

/** The candidate sentences of one question: feature vectors and whether each holds the fact. */
export interface Group {
  id: string;
  features: number[][];
  positive: boolean[];
  /** Release of each candidate (further sentences are picked within a margin of the best). */
  releases?: string[];
}

export interface FitOptions {
  /** L2 penalty on the weights. */
  lambda: number;
  iterations?: number;
  learningRate?: number;
}

function logSumExp(xs: number[]): number {
  const max = Math.max(...xs);
  return max + Math.log(xs.reduce((a, x) => a + Math.exp(x - max), 0));
}

/** Mean negative log-likelihood of the positives, and its gradient. */
function lossAndGradient(groups: Group[], w: number[], lambda: number): { loss: number; grad: number[] } {
  const d = w.length;
  const grad = w.map((x) => 2 * lambda * x);
  let loss = lambda * dot(w, w);
  const used = groups.filter((g) => g.positive.some(Boolean) && g.features.length > 0);
  for (const g of used) {
    const z = g.features.map((x) => dot(w, x));
    // log-sum-exp over all candidates and over the positives (no underflow to log 0)
    const logTotal = logSumExp(z);
    const logPos = logSumExp(z.filter((_, i) => g.positive[i]));
    loss += (logTotal - logPos) / used.length;
    for (let i = 0; i < z.length; i++) {
      const p = Math.exp(z[i]! - logTotal);
      const q = g.positive[i] ? Math.exp(z[i]! - logPos) : 0;
      const x = g.features[i]!;
      for (let j = 0; j < d; j++) grad[j]! += ((p - q) * x[j]!) / used.length;
    }
  }
  return { loss, grad };
}

/** Weights minimising the penalised loss (Adam from `start`, zeros by default). */
export function fit(groups: Group[], options: FitOptions, start?: number[]): { weights: number[]; loss: number } {
  const d = groups.find((g) => g.features.length)?.features[0]?.length ?? 0;
  const w = start ? [...start] : new Array<number>(d).fill(0);
  const m = new Array<number>(d).fill(0);
  const v = new Array<number>(d).fill(0);
  const lr = options.learningRate ?? 0.05;
  const iterations = options.iterations ?? 1500;
  let loss = Infinity;
  for (let t = 1; t <= iterations; t++) {
    const r = lossAndGradient(groups, w, options.lambda);
    loss = r.loss;
    for (let j = 0; j < d; j++) {
      m[j] = 0.9 * m[j]! + 0.1 * r.grad[j]!;
      v[j] = 0.999 * v[j]! + 0.001 * r.grad[j]! ** 2;
      const mh = m[j]! / (1 - 0.9 ** t);
      const vh = v[j]! / (1 - 0.999 ** t);
      w[j] = w[j]! - (lr * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return { weights: w, loss };
}

/**
 * Share of questions whose answer holds the fact when the best candidate and those within
 * `margin` of it (at most `max`) are quoted, and the mean number quoted. Questions with no
 * positive candidate count as misses.
 */
export function answerRate(groups: Group[], weights: readonly number[], margin = 0, max = 3): { rate: number; sentences: number } {
  if (!groups.length) return { rate: 0, sentences: 0 };
  let hits = 0;
  let sentences = 0;
  for (const g of groups) {
    const order = g.features.map((x, i) => ({ i, z: dot(weights, x) })).sort((a, b) => b.z - a.z);
    if (!order.length) continue;
    const top = order[0]!.z;
    const picked = order.filter((o) => o.z >= top - margin).slice(0, max);
    sentences += picked.length;
    if (picked.some((o) => g.positive[o.i])) hits++;
  }
  return { rate: hits / groups.length, sentences: sentences / groups.length };
}

/** Deterministic k-fold split of the groups (by position). */
export function folds<T>(xs: T[], k: number): { train: T[]; test: T[] }[] {
  return Array.from({ length: k }, (_, f) => ({ train: xs.filter((_, i) => i % k !== f), test: xs.filter((_, i) => i % k === f) }));
}
