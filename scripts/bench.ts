/**
 * npm run bench -- [--quick] [--skip-http] [--input DIR] [--out FILE]
 * Speed report: ingest throughput (hash embedder), HNSW build and query at 10k and 100k
 * synthetic 384-d vectors, HTTP answer throughput; printed as tables, written to JSON.
 *
 * npm run bench -- --scale N [--corpus DIR ...] [--golden FILE ...] [--held-out FILE ...] [--skip-http] [--out FILE]
 * Scale report: the real releases (data/releases and ../shared/corpus when present, or --corpus)
 * plus N synthetic distractors: ingest time and memory, one-release updates, index size,
 * retrieval and /api/answer latency, server memory and start, golden-set quality beside
 * lexical-only and a whole-release BM25. Written to reports/bench-scale-N.json.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { availableParallelism, cpus, totalmem } from "node:os";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { benchHnsw, HNSW_PARAMS } from "./bench/hnsw";
import { benchHttp } from "./bench/http";
import { benchIngest } from "./bench/ingest";
import { benchScale } from "./bench/scale";
import { existsSync } from "node:fs";

const GOALS = { chunksPerSecond: 5000, build100kSeconds: 40, httpReqPerSec: 300, httpP99Ms: 100 };

const DEFAULT_GOLDENS = [
  "test/fixtures/golden.json",
  "test/fixtures/golden-corpus.json",
  "test/fixtures/golden-corpus-2.json",
  "test/fixtures/golden-offtopic.json",
  "test/fixtures/golden-traps.json",
];

function machine() {
  return { cpus: availableParallelism(), model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      "skip-http": { type: "boolean", default: false },
      input: { type: "string", default: "data/releases" },
      out: { type: "string" },
      scale: { type: "string" },
      corpus: { type: "string", multiple: true },
      golden: { type: "string", multiple: true },
      "held-out": { type: "string", multiple: true },
      postgres: { type: "boolean", default: false },
    },
  });
  if (values.scale !== undefined) {
    const scale = Number(values.scale);
    if (!Number.isInteger(scale) || scale < 0) {
      console.error(`--scale must be a whole number of distractor releases (got "${values.scale}")`);
      return 2;
    }
    const heldOut = values["held-out"] ?? ["test/fixtures/golden-heldout.json", "test/fixtures/golden-offtopic-heldout.json", "test/fixtures/golden-traps-heldout.json"].filter((f) => existsSync(f));
    const goldens = values.golden ?? [...DEFAULT_GOLDENS.filter((f) => existsSync(f)), ...heldOut.filter((f) => !DEFAULT_GOLDENS.includes(f))];
    const inputs = values.corpus ?? ["data/releases", "../shared/corpus"].filter((d) => existsSync(d));
    console.log(`Scale benchmark: ${inputs.join(" + ")} + ${scale} distractors (hash embedder)…`);
    const report = { at: new Date().toISOString(), machine: machine(), ...(await benchScale({ scale, inputs, goldens, heldOut, skipHttp: values["skip-http"], postgres: values.postgres })) };
    console.log(JSON.stringify({ ...report, quality: undefined }, null, 2));
    const out = values.out ?? `reports/bench-scale-${scale}${values.postgres ? "-postgres" : ""}.json`;
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, JSON.stringify(report, null, 2));
    console.log(`Report written to ${out}`);
    return 0;
  }
  const report: Record<string, unknown> = {
    at: new Date().toISOString(),
    machine: machine(),
    goals: GOALS,
  };

  console.log("Ingest throughput (hash embedder)…");
  const ingest = await benchIngest({ input: values.input, copies: values.quick ? 100 : 400 });
  console.table(ingest);
  report.ingest = ingest;

  console.log(`HNSW (cosine, M=${HNSW_PARAMS.M}, efConstruction=${HNSW_PARAMS.efConstruction}, efSearch=${HNSW_PARAMS.efSearch}), synthetic clustered 384-d vectors…`);
  const sizes = values.quick ? [10_000] : [10_000, 100_000];
  const hnsw = [];
  for (const n of sizes) hnsw.push(await benchHnsw(n, 384, n >= 100_000 ? 50 : 200));
  console.table(hnsw);
  report.hnsw = { params: HNSW_PARAMS, rows: hnsw };

  if (!values["skip-http"]) {
    console.log("HTTP (autocannon, 10 connections, sample index, extractive)…");
    const http = await benchHttp();
    console.table(http);
    report.http = http;
  }

  const checks: string[] = [];
  const embedRow = ingest.find((r) => r.what.startsWith("hash"))!;
  const fullRow = ingest.find((r) => r.what.startsWith("full"))!;
  checks.push(`${embedRow.chunksPerSecond >= GOALS.chunksPerSecond ? "✓" : "✗"} hash embedder ${embedRow.chunksPerSecond} chunks/s (goal ≥ ${GOALS.chunksPerSecond})`);
  checks.push(`  (whole ingestion, HNSW graph and writing included: ${fullRow.chunksPerSecond} chunks/s)`);
  const h100 = hnsw.find((r) => r.vectors === 100_000);
  if (h100) checks.push(`${h100.buildSeconds <= GOALS.build100kSeconds ? "✓" : "✗"} HNSW 100k build ${h100.buildSeconds} s (goal ≤ ${GOALS.build100kSeconds} s)`);
  const answerRow = (report.http as { route: string; reqPerSec: number; p99Ms: number }[] | undefined)?.find((r) => r.route.includes("/api/answer"));
  if (answerRow) {
    checks.push(`${answerRow.reqPerSec >= GOALS.httpReqPerSec ? "✓" : "✗"} /api/answer ${answerRow.reqPerSec} req/s (goal ≥ ${GOALS.httpReqPerSec})`);
    checks.push(`${answerRow.p99Ms <= GOALS.httpP99Ms ? "✓" : "✗"} /api/answer p99 ${answerRow.p99Ms} ms (goal ≤ ${GOALS.httpP99Ms} ms)`);
  }
  console.log(checks.join("\n"));
  report.checks = checks;
  await mkdir(dirname(values.out ?? "reports/bench.json"), { recursive: true });
  const out = values.out ?? "reports/bench.json";
  await writeFile(out, JSON.stringify(report, null, 2));
  console.log(`Report written to ${out}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`error: ${(err as Error).stack ?? String(err)}`);
    process.exit(1);
  },
);
