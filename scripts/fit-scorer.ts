/**
 * npm run fit-scorer -- [--train FILE@DIR ...] [--held-out FILE@DIR ...] [--write] [--out FILE]
 * Fits the weights of the extractive sentence scorer on golden questions: the candidate
 * sentences of each answerable question (what the answer pipeline considers) with their
 * features, labelled by whether they hold the expected fact; a conditional logit with the L2
 * penalty chosen by 5-fold cross-validation on the training questions. Prints the share of
 * answers holding the fact on the training and held-out questions (current and fitted
 * weights); with --write, writes lib/answer/scorer-weights.ts. Held-out sets never influence
 * the fit. FILE@DIR: a golden file and the releases it is about (one index per DIR; DIR+DIR
 * indexes several folders together).
 */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { prepareAnswer } from "../lib/answer/answer";
import { FEATURES } from "../lib/answer/features";
import { SCORER } from "../lib/answer/scorer-weights";
import type { ScoredSentence } from "../lib/answer/select";
import { config } from "../lib/config";
import { HashEmbedder } from "../lib/embeddings/hash";
import { EngineHolder, type Engine } from "../lib/engine";
import { answerRate, fit, folds, type Group } from "../lib/eval/fit";
import { factsOf, goldenSchema } from "../lib/eval/golden";
import { ingest } from "../lib/build/ingest";
import { fold } from "../lib/text/normalize";

const CORPUS = "../shared/corpus";
const DEFAULT_TRAIN = [
  "test/fixtures/golden.json@data/releases",
  `test/fixtures/golden-corpus.json@${CORPUS}`,
  `test/fixtures/golden-corpus-2.json@${CORPUS}`,
  `test/fixtures/golden-stranger.json@${CORPUS}`,
  `test/fixtures/golden-followup.json@data/releases+${CORPUS}`,
];
const DEFAULT_HELD_OUT = [`test/fixtures/golden-heldout.json@${CORPUS}`, `test/fixtures/golden-stranger-heldout.json@${CORPUS}`];
const LAMBDAS = [0.0003, 0.001, 0.003, 0.01, 0.03];
/** Mean number of quoted sentences the margin may reach (answers stay short). */
const MAX_MEAN_SENTENCES = 1.8;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      train: { type: "string", multiple: true },
      "held-out": { type: "string", multiple: true },
      write: { type: "boolean", default: false },
      out: { type: "string", default: "lib/answer/scorer-weights.ts" },
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
    const collect = async (specs: string[]) => {
      const groups: Group[] = [];
      for (const spec of specs) {
        const [file, input] = spec.split("@") as [string, string | undefined];
        if (!input || !existsSync(file) || !input.split("+").every((d) => existsSync(d))) throw new Error(`--train/--held-out take FILE@DIR with both present (got "${spec}")`);
        const golden = goldenSchema.parse(JSON.parse(readFileSync(file, "utf8")));
        const engine = await engineFor(input);
        for (const q of golden.questions) {
          const facts = factsOf(q).map(fold);
          if (!q.expected || !facts.length) continue;
          let candidates: ScoredSentence[] = [];
          const prepared = await prepareAnswer({ engine, question: q.question, history: q.history, onCandidates: (c) => (candidates = c) });
          for await (const e of prepared.events()) void e;
          groups.push({
            id: q.id,
            features: candidates.map((c) => c.features),
            // a sentence holding one of the asked facts is a right one to quote
            positive: candidates.map((c) => facts.some((f) => fold(c.text).includes(f))),
            releases: candidates.map((c) => c.releaseId),
          });
        }
      }
      return groups;
    };
    const trainGroups = await collect(train);
    const heldGroups = await collect(heldOut);
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
