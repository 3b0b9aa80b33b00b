/**
 * npm run eval -- [--golden FILE] [--input DIR] [--index DIR] [--embedder hash|transformers|auto] [--fusion D,L,R] [--out FILE] [--verbose]
 * `--fusion` sets the weights of the dense, chunk-lexical and release-lexical lists (`0,1,0`: lexical alone).
 * Builds a fresh index of --input (default data/releases) unless --index is given, answers the
 * golden questions, prints the metrics, writes the report (default reports/eval.json) and exits
 * 1 when a metric is below the thresholds of the golden file.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { config } from "../lib/config";
import { createEmbedder } from "../lib/embeddings/create";
import type { EmbedderKind } from "../lib/embeddings/embedder";
import { EngineHolder } from "../lib/engine";
import { goldenSchema } from "../lib/eval/golden";
import { pct, runEval } from "../lib/eval/run";
import { ingest } from "../lib/build/ingest";
import { parseFusionWeights } from "../lib/retrieve/fusion";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      golden: { type: "string", default: "test/fixtures/golden.json" },
      input: { type: "string", default: "data/releases" },
      index: { type: "string" },
      embedder: { type: "string", default: "hash" },
      out: { type: "string", default: "reports/eval.json" },
      verbose: { type: "boolean", default: false },
      fusion: { type: "string" },
    },
  });
  const fusion = values.fusion === undefined ? undefined : parseFusionWeights(values.fusion);
  if (fusion === null) {
    console.error(`--fusion must be three non-negative weights dense,lexical,release (got "${values.fusion}")`);
    return 2;
  }
  const golden = goldenSchema.parse(JSON.parse(await readFile(values.golden, "utf8")));
  const cfg = config();
  let dir = values.index;
  let temp: string | undefined;
  if (!dir) {
    temp = await mkdtemp(join(tmpdir(), "oim-eval-"));
    dir = temp;
    const embedder = await createEmbedder({ kind: values.embedder as EmbedderKind, modelsDir: cfg.MODELS_DIR, log: (l) => console.error(l) });
    await ingest({ input: values.input, dir, embedder, warn: () => {} });
  }
  try {
    const engine = await new EngineHolder({ dir, modelsDir: cfg.MODELS_DIR }).get();
    const report = await runEval({ engine, golden, fusion });
    const m = report.metrics;
    console.log(`Golden questions: ${report.questions} (${values.golden}), index embedder ${(await engine.store.info()).embedder.id}`);
    console.log(
      [
        `  hit@1 ${pct(m.hitAt1)}   hit@3 ${pct(m.hitAt3)}   hit@5 ${pct(m.hitAt5)}   MRR ${m.mrr.toFixed(3)}`,
        `  fact in answer       ${pct(m.factInAnswer)}`,
        `  citation integrity   ${pct(m.citationIntegrity)}`,
        `  off-topic abstention ${pct(m.offTopicAbstention)}`,
        `  false abstention     ${pct(m.falseAbstention)}`,
        `  mean time/question   ${m.meanMs.toFixed(1)} ms`,
      ].join("\n"),
    );
    for (const [kind, k] of Object.entries(report.byKind)) {
      console.log(`  ${kind.padEnd(11)} n=${k.n}  hit@5 ${pct(k.hitAt5)}  fact ${pct(k.factInAnswer)}  abstained ${pct(k.abstained)}`);
    }
    for (const r of report.results) {
      const bad = (r.expected && (r.rank === null || r.rank > 5 || r.abstained || r.factFound === false)) || (!r.expected && !r.abstained) || r.problems.length;
      if (bad || values.verbose) {
        console.log(`  ${bad ? "✗" : "✓"} ${r.id} [${r.kind}] ${r.question} → rank ${r.rank ?? "-"}${r.abstained ? ", abstained" : ""}${r.factFound === false ? ", fact missing" : ""}${r.problems.length ? `, ${r.problems.join("; ")}` : ""}`);
        if (values.verbose) console.log(`      ${r.answer.replace(/\n/g, "\n      ")}`);
      }
    }
    await mkdir(dirname(values.out), { recursive: true });
    await writeFile(values.out, JSON.stringify({ ...report, golden: values.golden, embedder: (await engine.store.info()).embedder.id, at: new Date().toISOString() }, null, 2));
    console.log(report.passed ? "PASS: all thresholds met" : `FAIL: ${report.failures.join("; ")}`);
    return report.passed ? 0 : 1;
  } finally {
    if (temp) await rm(temp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`error: ${(err as Error).message}`);
    process.exit(2);
  },
);
