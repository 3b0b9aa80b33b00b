/**
 * npm run fit-scorer -- [--train FILE@DIR ...] [--held-out FILE@DIR ...] [--scale DIR] [--write] [--out FILE]
 * Fits the weights of the extractive sentence scorer on golden questions: the candidate
 * sentences of each answerable question (what the answer pipeline considers) with their
 * features, labelled by whether they hold the expected fact; a conditional logit with the L2
 * penalty chosen by 5-fold cross-validation on the training questions. Prints the share of
 * answers holding the fact on the training and held-out questions (current and fitted
 * weights); with --write, writes lib/answer/scorer-weights.ts. Held-out sets never influence
 * the fit. The answer-or-abstain decision is fitted too (logistic regression over the best
 * sentence of each release) and kept only when it beats the coverage rule on the training
 * questions. FILE@DIR: a golden file and the releases it is about (one index per DIR; DIR+DIR
 * indexes several folders together). --scale DIR (the real releases and thousands of distractors,
 * as `npm run bench -- --scale N` makes them) asks the same questions of that corpus too: the
 * answer-or-abstain decision is then fitted and judged on both.
 */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { prepareAnswer } from "../lib/answer/answer";
import { FEATURES } from "../lib/answer/features";
import { SCORER } from "../lib/answer/scorer-weights";
import { decisionFeatures, DECISION_FEATURES } from "../lib/answer/abstain";
import type { Candidates } from "../lib/answer/extractive";
import type { QueryAnalysis } from "../lib/text/query";
import { config } from "../lib/config";
import { HashEmbedder } from "../lib/embeddings/hash";
import { EngineHolder, type Engine } from "../lib/engine";
import { answerRate, fit, folds, type Group } from "../lib/eval/fit";
import { factsOf, goldenSchema } from "../lib/eval/golden";
import { ingest } from "../lib/build/ingest";
import { fold } from "../lib/text/normalize";
import { dot } from "../lib/utils/dot";

const CORPUS = "../shared/corpus";
const DEFAULT_TRAIN = [
  "test/fixtures/golden.json@data/releases",
  `test/fixtures/golden-corpus.json@${CORPUS}`,
  `test/fixtures/golden-corpus-2.json@${CORPUS}`,
  `test/fixtures/golden-stranger.json@${CORPUS}`,
  `test/fixtures/golden-paraphrase.json@${CORPUS}`,
  `test/fixtures/golden-paraphrase-2.json@${CORPUS}`,
  `test/fixtures/golden-train-3.json@data/releases+${CORPUS}`,
  `test/fixtures/golden-named.json@${CORPUS}`,
  `test/fixtures/golden-fresh-3.json@${CORPUS}`,
  `test/fixtures/golden-paraphrase-3.json@${CORPUS}`,
  `test/fixtures/golden-fresh-5a.json@${CORPUS}`,
  `test/fixtures/golden-fresh-6.json@${CORPUS}`,
  `test/fixtures/golden-fresh-7.json@${CORPUS}`,
  `test/fixtures/golden-fresh-10.json@${CORPUS}`,
  `test/fixtures/golden-fresh-11.json@${CORPUS}`,
  `test/fixtures/golden-fresh-13.json@${CORPUS}`,
  `test/fixtures/golden-fresh-15.json@${CORPUS}`,
  `test/fixtures/golden-fresh-16.json@${CORPUS}`,
  `test/fixtures/golden-fresh-18.json@data/releases+${CORPUS}`,
  `test/fixtures/golden-fresh-19.json@data/releases+${CORPUS}`,
  `test/fixtures/golden-fresh-20.json@data/releases+${CORPUS}`,
  `test/fixtures/golden-fresh-22.json@data/releases+${CORPUS}`,
  `test/fixtures/golden-fresh-24.json@data/releases+${CORPUS}`,
  `test/fixtures/golden-fresh-25.json@${CORPUS}`,
  `test/fixtures/golden-fresh-27.json@${CORPUS}`,
  `test/fixtures/golden-fresh-28.json@${CORPUS}`,
  `test/fixtures/golden-fresh-30.json@${CORPUS}`,
  `test/fixtures/golden-fresh-32.json@${CORPUS}`,
  `test/fixtures/golden-fresh-33.json@${CORPUS}`,
  `test/fixtures/golden-followup.json@data/releases+${CORPUS}`,
  `test/fixtures/golden-offtopic.json@data/releases+${CORPUS}`,
  `test/fixtures/golden-traps.json@data/releases+${CORPUS}`,
];
const DEFAULT_HELD_OUT = [
  `test/fixtures/golden-heldout.json@${CORPUS}`,
  `test/fixtures/golden-stranger-heldout.json@${CORPUS}`,
  `test/fixtures/golden-offtopic-heldout.json@data/releases+${CORPUS}`,
  `test/fixtures/golden-traps-heldout.json@data/releases+${CORPUS}`,
  `test/fixtures/golden-fresh-heldout.json@${CORPUS}`,
  `test/fixtures/golden-fresh-2.json@${CORPUS}`,
  `test/fixtures/golden-fresh-4.json@${CORPUS}`,
  `test/fixtures/golden-fresh-5b.json@${CORPUS}`,
  `test/fixtures/golden-fresh-8.json@${CORPUS}`,
  `test/fixtures/golden-fresh-9.json@${CORPUS}`,
  `test/fixtures/golden-fresh-12.json@${CORPUS}`,
  `test/fixtures/golden-fresh-14.json@${CORPUS}`,
  `test/fixtures/golden-fresh-17.json@data/releases+${CORPUS}`,
  `test/fixtures/golden-fresh-21.json@data/releases+${CORPUS}`,
  `test/fixtures/golden-fresh-23.json@data/releases+${CORPUS}`,
  `test/fixtures/golden-fresh-26.json@${CORPUS}`,
  `test/fixtures/golden-fresh-29.json@${CORPUS}`,
  `test/fixtures/golden-fresh-31.json@${CORPUS}`,
];
const LAMBDAS = [0.0003, 0.001, 0.003, 0.01, 0.03];
/** Mean number of quoted sentences the margin may reach (answers stay short). */
const MAX_MEAN_SENTENCES = 1.8;
/** Share of the answerable training questions the decision may abstain on. */
const MAX_FALSE_ABSTENTION = 0.02;

function pct(r: { t: number; offTopic: number; falseAbstention: number }): string {
  return `threshold ${r.t}: false abstention ${(r.falseAbstention * 100).toFixed(1)}%, unanswerable abstained ${(r.offTopic * 100).toFixed(1)}%`;
}
const DECIDER_LAMBDA = 0.003;



async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      train: { type: "string", multiple: true },
      "held-out": { type: "string", multiple: true },
      write: { type: "boolean", default: false },
      out: { type: "string", default: "lib/answer/scorer-weights.ts" },
      scale: { type: "string" },
    },
  });
  const train = values.train ?? DEFAULT_TRAIN;
  const heldOut = values["held-out"] ?? DEFAULT_HELD_OUT;
  const engines = new Map<string, Engine>();
  const temps: string[] = [];
  const engineFor = async (input: string): Promise<Engine> => {
    let e = engines.get(input);
    if (!e) {
      const dir = await mkdtemp(join(tmpdir(), "oim-fit-"));
      temps.push(dir);
      let folder = input;
      if (input.includes("+")) {
        folder = await mkdtemp(join(tmpdir(), "oim-fit-input-"));
        temps.push(folder);
        for (const part of input.split("+")) await cp(part, folder, { recursive: true });
      }
      await ingest({ input: folder, dir, embedder: new HashEmbedder(), warn: () => {} });
      e = await new EngineHolder({ dir, modelsDir: config().MODELS_DIR }).get();
      engines.set(input, e);
    }
    return e;
  };
  try {
    /** One golden question as the answer pipeline saw it. */
    interface Seen {
      id: string;
      answerable: boolean;
      expected: string | null;
      query: QueryAnalysis;
      candidates: Candidates | null;
      group: Group | null;
    }
    const collect = async (specs: string[], scaleInput?: string): Promise<Seen[]> => {
      const seen: Seen[] = [];
      for (const spec of specs) {
        const [file, input] = spec.split("@") as [string, string | undefined];
        if (!input || !existsSync(file) || !input.split("+").every((d) => existsSync(d))) throw new Error(`--train/--held-out take FILE@DIR with both present (got "${spec}")`);
        const golden = goldenSchema.parse(JSON.parse(readFileSync(file, "utf8")));
        // at scale, every set is asked of one index of all the releases and the distractors
        const engine = await engineFor(scaleInput ?? input);
        for (const q of golden.questions) {
          const facts = factsOf(q).map(fold);
          let candidates: Candidates | null = null;
          const prepared = await prepareAnswer({ engine, question: q.question, history: q.history, onCandidates: (c) => (candidates = c) });
          for await (const e of prepared.events()) void e;
          const c = candidates as Candidates | null;
          seen.push({
            id: scaleInput ? `${q.id}@scale` : q.id,
            answerable: q.expected !== null,
            expected: q.expected,
            query: prepared.retrieval.query,
            candidates: c,
            group:
              q.expected && facts.length
                ? {
                    id: q.id,
                    features: (c?.sentences ?? []).map((x) => x.features),
                    // a sentence holding one of the asked facts is a right one to quote
                    positive: (c?.sentences ?? []).map((x) => facts.some((f) => fold(x.text).includes(f))),
                  }
                : null,
          });
        }
      }
      return seen;
    };
    const trainSeen = await collect(train);
    const heldSeen = await collect(heldOut);
    // the decision must hold among many releases too: the same questions against the scale corpus
    const trainScale = values.scale ? await collect(train, values.scale) : [];
    const heldScale = values.scale ? await collect(heldOut, values.scale) : [];
    const trainGroups = trainSeen.flatMap((x) => (x.group ? [x.group] : []));
    const heldGroups = heldSeen.flatMap((x) => (x.group ? [x.group] : []));
    const learnable = trainGroups.filter((g) => g.positive.some(Boolean));
    console.log(`training questions ${trainGroups.length} (${learnable.length} with a candidate holding the fact), held-out ${heldGroups.length}`);

    // L2 penalty by 5-fold cross-validation on the training questions only
    let bestLambda = LAMBDAS[0]!;
    let bestCv = -1;
    for (const lambda of LAMBDAS) {
      let hits = 0;
      for (const { train: tr, test } of folds(learnable, 5)) {
        const { weights } = fit(tr, { lambda });
        hits += answerRate(test, weights).rate * test.length;
      }
      const cv = hits / learnable.length;
      console.log(`  lambda ${lambda}: cross-validated best-sentence rate ${(cv * 100).toFixed(1)}%`);
      if (cv > bestCv + 1e-9) {
        bestCv = cv;
        bestLambda = lambda;
      }
    }
    const { weights } = fit(learnable, { lambda: bestLambda });
    // the margin: the most facts found with answers of at most MAX_MEAN_SENTENCES sentences on average
    let margin = 0;
    for (let m = 0; m <= 4; m += 0.1) {
      const r = answerRate(trainGroups, weights, m);
      if (r.sentences <= MAX_MEAN_SENTENCES) margin = Math.round(m * 10) / 10;
    }

    // the answer-or-abstain decision, on the best sentence of each candidate release under the fitted weights
    const decisions = (x: Seen): { releaseId: string; f: number[] }[] => {
      const c = x.candidates;
      if (!c?.sentences.length) return [];
      const rescored = c.sentences.map((s) => ({ ...s, sentenceScore: dot(weights, s.features) })).sort((a, b) => b.sentenceScore - a.sentenceScore);
      const out: { releaseId: string; f: number[] }[] = [];
      for (const top of rescored) {
        if (out.some((o) => o.releaseId === top.releaseId)) continue;
        out.push({ releaseId: top.releaseId, f: decisionFeatures({ query: x.query, asked: c.asked, top, sentences: rescored, check: c.checks.get(top.releaseId)! }) });
      }
      return out;
    };
    const examples = (xs: Seen[]) => xs.map((x) => ({ x, d: decisions(x) }));
    const trainEx = examples([...trainSeen, ...trainScale]);
    const heldEx = examples([...heldSeen, ...heldScale]);
    // positives: the expected release of an answerable question; negatives: every release of an unanswerable one
    const pos = trainEx.flatMap((e) => (e.x.answerable ? e.d.filter((d) => d.releaseId === e.x.expected) : []));
    const neg = trainEx.flatMap((e) => (e.x.answerable ? [] : e.d));
    // a logistic regression is a softmax between the example and a zero vector; negatives
    // repeated so that both classes weigh the same
    const zero = DECISION_FEATURES.map(() => 0);
    const repeat = Math.max(1, Math.round(pos.length / Math.max(1, neg.length)));
    const binary: Group[] = [
      ...pos.map((d) => ({ id: d.releaseId, features: [d.f, zero], positive: [true, false] })),
      ...Array.from({ length: repeat }, () => neg.map((d) => ({ id: d.releaseId, features: [d.f, zero], positive: [false, true] }))).flat(),
    ];
    console.log(`decision examples: ${pos.length} answering releases, ${neg.length} releases of unanswerable questions`);
    // two candidates: the fitted model and the coverage rule alone (a release "strong" enough
    // answers); each with the threshold abstaining most on unanswerable training questions while
    // abstaining on at most MAX_FALSE_ABSTENTION of the answerable ones
    const fitted = fit(binary, { lambda: DECIDER_LAMBDA, iterations: 3000 }).weights;
    const rule = DECISION_FEATURES.map((f) => (f === "bias" ? -5 : f === "strong" ? 10 : 0));
    const confidenceOf = (w: number[], f: number[]) => 1 / (1 + Math.exp(-dot(w, f)));
    const ratesOf = (w: number[], xs: typeof trainEx, t: number) => {
      const answers = (e: (typeof xs)[number]) => e.d.some((d) => confidenceOf(w, d.f) >= t);
      const a = xs.filter((e) => e.x.answerable);
      const o = xs.filter((e) => !e.x.answerable);
      return { falseAbstention: a.filter((e) => !answers(e)).length / Math.max(1, a.length), offTopic: o.filter((e) => !answers(e)).length / Math.max(1, o.length) };
    };
    const tuned = (w: number[], maxFalseAbstention: number) => {
      let best = { t: 0.5, offTopic: -1, falseAbstention: 1 };
      for (let t = 0.02; t <= 0.98; t += 0.01) {
        const r = ratesOf(w, trainEx, t);
        if (r.falseAbstention <= maxFalseAbstention && (r.offTopic > best.offTopic || (r.offTopic === best.offTopic && r.falseAbstention < best.falseAbstention))) best = { t: Math.round(t * 100) / 100, ...r };
      }
      return best;
    };
    // the fitted model replaces the simpler rule only if it dominates it on the training
    // questions: as few false abstentions, and more unanswerable questions abstained on
    const ruleBest = tuned(rule, MAX_FALSE_ABSTENTION);
    const fittedBest = tuned(fitted, ruleBest.falseAbstention);
    console.log(`decision on training questions: fitted model ${pct(fittedBest)}; coverage rule ${pct(ruleBest)}`);
    const useFitted = fittedBest.offTopic > ruleBest.offTopic && fittedBest.falseAbstention <= ruleBest.falseAbstention;
    const decider = useFitted ? fitted : rule;
    const threshold = useFitted ? fittedBest.t : 0.5;
    const rates = (xs: typeof trainEx, t: number) => ratesOf(decider, xs, t);
    if (process.env.FIT_DUMP) {
      const { writeFileSync } = await import("node:fs");
      const rows = [...trainEx, ...heldEx].flatMap((e) => e.d.map((d) => ({ id: e.x.id, held: heldEx.includes(e), answerable: e.x.answerable, expected: d.releaseId === e.x.expected, asked: e.x.candidates?.asked ?? [], f: d.f })));
      writeFileSync(process.env.FIT_DUMP, JSON.stringify({ names: DECISION_FEATURES, rows, empty: [...trainEx, ...heldEx].filter((e) => !e.d.length).map((e) => ({ id: e.x.id, held: heldEx.includes(e), answerable: e.x.answerable })) }));
    }
    const showDecision = (name: string, xs: typeof trainEx) => {
      const r = rates(xs, threshold);
      const a = xs.filter((e) => e.x.answerable).length;
      console.log(`${name.padEnd(17)} decision: false abstention ${(r.falseAbstention * 100).toFixed(1)}% of ${a}, unanswerable abstained ${(r.offTopic * 100).toFixed(1)}% of ${xs.length - a}`);
    };
    const atScale = (e: (typeof trainEx)[number]) => e.x.id.endsWith("@scale");
    showDecision("train", trainEx.filter((e) => !atScale(e)));
    showDecision("held-out", heldEx.filter((e) => !atScale(e)));
    if (values.scale) {
      showDecision("train at scale", trainEx.filter(atScale));
      showDecision("held-out at scale", heldEx.filter(atScale));
    }
    console.log(`decision threshold ${threshold}`);
    for (let i = 0; i < DECISION_FEATURES.length; i++) console.log(`  ${DECISION_FEATURES[i]!.padEnd(16)} ${decider[i]!.toFixed(3)}`);
    const current = FEATURES.map((f) => SCORER.weights[f]);
    const show = (name: string, groups: Group[]) => {
      const before = answerRate(groups, current, SCORER.margin);
      const after = answerRate(groups, weights, margin);
      const top = (w: number[]) => (answerRate(groups, w).rate * 100).toFixed(1);
      console.log(
        `${name.padEnd(9)} best sentence ${top(current)}% → ${top(weights)}%   quoted (with margin) ${(before.rate * 100).toFixed(1)}% → ${(after.rate * 100).toFixed(1)}%, ${before.sentences.toFixed(2)} → ${after.sentences.toFixed(2)} sentences`,
      );
    };
    show("train", trainGroups);
    show("held-out", heldGroups);
    console.log(`lambda ${bestLambda}, margin ${margin}`);
    for (let i = 0; i < FEATURES.length; i++) console.log(`  ${FEATURES[i]!.padEnd(12)} ${weights[i]!.toFixed(3)}`);
    if (values.write) {
      const body = FEATURES.map((f, i) => `    ${f}: ${Math.round(weights[i]! * 1000) / 1000},`).join("\n");
      const sets = train.map((s) => s.split("@")[0]!.replace(/^test\/fixtures\//, ""));
      await writeFile(
        values.out,
        `/**
 * Weights of the sentence scorer, one per feature of \`features.ts\`, and the margin within
 * which further sentences join the best one. Written by \`npm run fit-scorer\`; do not edit.
 */
export const SCORER = {
  weights: {
${body}
  },
  margin: ${margin},
  fitted: { questions: ${learnable.length}, lambda: ${bestLambda}, sets: ${JSON.stringify(sets)} } as null | { questions: number; lambda: number; sets: string[] },
} as const;

/** Weights of the answer-or-abstain decision (\`abstain.ts\`) and its threshold. Written by \`npm run fit-scorer\`. */
export const DECIDER = {
  weights: {
${DECISION_FEATURES.map((f, i) => `    ${f}: ${Math.round(decider[i]! * 1000) / 1000},`).join("\n")}
  },
  threshold: ${threshold},
} as const;
`,
      );
      console.log(`wrote ${values.out}`);
    }
    return 0;
  } finally {
    for (const e of engines.values()) await e.store.close?.();
    for (const d of temps) await rm(d, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`error: ${(err as Error).message}`);
    process.exit(2);
  },
);
