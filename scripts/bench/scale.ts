/**
 * Scale benchmark: the real releases plus N synthetic distractors, ingested, updated, served
 * and evaluated. Run through `npm run bench -- --scale N`.
 */
import { spawnSync } from "node:child_process";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { EngineHolder } from "../../lib/engine";
import { goldenSchema, type Golden } from "../../lib/eval/golden";
import { runEval, type EvalReport } from "../../lib/eval/run";
import { listReleaseFiles } from "../../lib/ingest/files";
import { retrieve } from "../../lib/retrieve/retrieve";
import { terms } from "../../lib/text/analyze";
import { analyzeQuery } from "../../lib/text/query";
import { startServer } from "../../test/e2e/server";
import { startPostgres } from "../../test/helpers/postgres";
import { answer } from "../../lib/answer/answer";
import { makeDistractors } from "./distractors";

export interface ScaleOptions {
  /** Distractor releases to add. */
  scale: number;
  /** Folders of real releases. */
  inputs: string[];
  /** Golden question files (their expected releases are never used as donors). */
  goldens: string[];
  /** Golden files kept out of all tuning (reported apart). */
  heldOut: string[];
  /** Skip the HTTP server part. */
  skipHttp?: boolean;
  /** Measure PostgreSQL (a throwaway cluster on this machine) instead of the embedded store. */
  postgres?: boolean;
}

interface IngestRun {
  seconds: number;
  peakRssMb: number;
  output: string;
}

const ROOT = new URL("../..", import.meta.url).pathname;

/** Runs `npm run ingest` in a child process, timing it and reading its peak RSS. */
function runIngest(args: string[], env: NodeJS.ProcessEnv = process.env): IngestRun {
  const t0 = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, "--import", "tsx", "scripts/ingest.ts", ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20, env });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`ingest failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const peakKb = Number(r.stderr.trim().split("\n").pop());
  return { seconds: round(seconds), peakRssMb: Math.round(peakKb / 1024), output: r.stdout };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : 0;
}

function round(x: number, d = 2): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

function du(path: string): number {
  const r = spawnSync("du", ["-sbL", path], { encoding: "utf8" });
  return Number(r.stdout.split(/\s/)[0]);
}

/** RSS (MB) of a process and all its descendants. */
function treeRssMb(pid: number): number {
  const r = spawnSync("ps", ["-eo", "pid=,ppid=,rss="], { encoding: "utf8" });
  const rows = r.stdout.trim().split("\n").map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
  const inTree = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [p, pp] of rows) {
      if (inTree.has(pp) && !inTree.has(p)) {
        inTree.add(p);
        grew = true;
      }
    }
  }
  return Math.round(rows.filter(([p]) => inTree.has(p)).reduce((s, [, , rss]) => s + rss, 0) / 1024);
}

/** hit@1 and hit@5 of a plain whole-release BM25 (the release FTS alone) on a golden set. */
async function releaseBm25(engine: Awaited<ReturnType<EngineHolder["get"]>>, golden: Golden): Promise<{ hitAt1: number; hitAt5: number }> {
  const answerable = golden.questions.filter((q) => q.expected);
  let h1 = 0;
  let h5 = 0;
  for (const q of answerable) {
    const hits = await engine.store.releaseLexical(terms(analyzeQuery(q.question, q.history).lexicalText), 5);
    const rank = hits.findIndex((h) => h.releaseId === q.expected);
    if (rank === 0) h1++;
    if (rank >= 0) h5++;
  }
  return { hitAt1: round(h1 / answerable.length, 3), hitAt5: round(h5 / answerable.length, 3) };
}

function summary(r: EvalReport) {
  const m = r.metrics;
  return { hitAt1: round(m.hitAt1, 3), hitAt5: round(m.hitAt5, 3), mrr: round(m.mrr, 3), fact: round(m.factInAnswer, 3), falseAbstention: round(m.falseAbstention, 3), offTopic: round(m.offTopicAbstention, 3) };
}

/** The whole scale benchmark; returns the report (also printed by the caller). */
export async function benchScale(options: ScaleOptions): Promise<Record<string, unknown>> {
  const work = await mkdtemp(join(tmpdir(), "oim-bench-scale-"));
  const log = (m: string) => console.log(`  ${m}`);
  try {
    const goldens = await Promise.all(options.goldens.map(async (f) => ({ file: f, golden: goldenSchema.parse(JSON.parse(await readFile(f, "utf8"))) })));
    const targeted = new Set(goldens.flatMap((g) => g.golden.questions.map((q) => q.expected).filter((e): e is string => !!e)));

    const corpus = join(work, "releases");
    const realDir = join(corpus, "real");
    await mkdir(realDir, { recursive: true });
    const donors: { releaseId: string; text: string }[] = [];
    let real = 0;
    for (const input of options.inputs) {
      for (const source of await listReleaseFiles(input)) {
        const name = basename(source);
        await cp(join(input, source), join(realDir, name));
        real++;
        const releaseId = name.replace(/\.[^.]+$/, "");
        if (!targeted.has(releaseId)) donors.push({ releaseId, text: await readFile(join(input, source), "utf8") });
      }
    }
    log(`${real} real releases (${donors.length} donors, ${targeted.size} targeted by golden questions); generating ${options.scale} distractors…`);
    const distractorDir = join(corpus, "synthetic");
    await mkdir(distractorDir);
    const batch = 1000;
    for (let first = 0; first < options.scale; first += batch) {
      const made = makeDistractors({ donors, count: Math.min(batch, options.scale - first), seed: 7 + first });
      await Promise.all(made.map((d, i) => writeFile(join(distractorDir, `d${first + i}-${d.name}`), d.text)));
    }

    if (options.postgres) return { releases: real + options.scale, real, distractors: options.scale, ...(await benchPostgres({ corpus, realDir, goldens, skipHttp: options.skipHttp, log })) };

    const index = join(work, "index");
    const args = ["--input", corpus, "--index", index, "--embedder", "hash"];
    log("full ingest…");
    const full = runIngest(args);
    const chunks = Number(/chunks: +(\d+)/.exec(full.output)?.[1] ?? 0);
    const releases = real + options.scale;
    log(`full ingest: ${full.seconds} s, peak RSS ${full.peakRssMb} MB, ${chunks} chunks`);
    const unchanged = runIngest(args);
    log(`unchanged corpus: ${unchanged.seconds} s`);
    const files = (await readdir(realDir)).sort();
    await appendFile(join(realDir, files[0]!), "\n\nUn paragraphe ajouté pour mesurer la mise à jour d'un communiqué.\n");
    const changed = runIngest(args);
    log(`one changed release: ${changed.seconds} s`);
    await cp(join(realDir, files[0]!), join(realDir, `copy-${files[0]}`));
    const added = runIngest(args);
    await rm(join(realDir, `copy-${files[0]}`));
    const removed = runIngest(args);
    log(`one added: ${added.seconds} s, one removed: ${removed.seconds} s`);
    const sizeMb = Math.round(du(join(index, "current")) / 2 ** 20);

    // in process: open time, retrieval latency, quality
    const t0 = performance.now();
    const engine = await new EngineHolder({ dir: index, modelsDir: ".cache/models", checkEveryMs: 60_000 }).get();
    const openMs = performance.now() - t0;
    const questions = [...new Set(goldens.flatMap((g) => g.golden.questions.map((q) => q.question)))];
    const retrievalMs: number[] = [];
    for (const question of questions) {
      const s = performance.now();
      await retrieve({ store: engine.store, embedder: engine.embedder, question, k: 6 });
      retrievalMs.push(performance.now() - s);
    }
    log(`retrieval p50 ${round(percentile(retrievalMs, 50))} ms over ${questions.length} questions`);
    const quality: Record<string, unknown>[] = [];
    for (const { file, golden } of goldens) {
      const hybrid = await runEval({ engine, golden });
      const lexicalOnly = await runEval({ engine, golden, fusion: { dense: 0, lexical: 1, release: 0 } });
      const bm25 = await releaseBm25(engine, golden);
      quality.push({
        set: basename(file),
        heldOut: options.heldOut.includes(file),
        questions: golden.questions.length,
        hybrid: summary(hybrid),
        lexicalOnly: summary(lexicalOnly),
        releaseBm25: bm25,
      });
    }
    console.table(quality.map((q) => ({ set: q.set, heldOut: q.heldOut, ...(q.hybrid as object), "lexical hit@5": (q.lexicalOnly as { hitAt5: number }).hitAt5, "release BM25 hit@5": (q.releaseBm25 as { hitAt5: number }).hitAt5 })));
    await engine.store.close();

    let http: Record<string, unknown> | null = null;
    if (!options.skipHttp) {
      if (!existsSync(join(ROOT, ".next", "BUILD_ID"))) throw new Error("no production build: run `npm run build` first (or pass --skip-http)");
      log("server: time to healthy, memory, /api/answer latency…");
      const s0 = performance.now();
      const server = await startServer({ indexDir: index, env: { RATE_LIMIT_PER_MINUTE: "0", LLM_BASE_URL: "", LLM_MODEL: "", LLM_API_KEY: "" } as Partial<NodeJS.ProcessEnv> as NodeJS.ProcessEnv });
      const healthyMs = performance.now() - s0;
      try {
        const answerMs: number[] = [];
        let errors = 0;
        // warm both workers, then sequential requests over distinct questions
        for (const question of questions.slice(0, 10)) await ask(server.url, question);
        for (const question of questions) {
          const s = performance.now();
          if (!(await ask(server.url, question))) errors++;
          answerMs.push(performance.now() - s);
        }
        http = {
          healthySeconds: round(healthyMs / 1000),
          serverRssMb: treeRssMb(server.pid),
          answerP50Ms: round(percentile(answerMs, 50)),
          answerP99Ms: round(percentile(answerMs, 99)),
          requests: answerMs.length,
          errors,
        };
      } finally {
        await server.stop();
      }
    }
    return {
      releases,
      real,
      distractors: options.scale,
      chunks,
      ingest: {
        fullSeconds: full.seconds,
        fullPeakRssMb: full.peakRssMb,
        unchangedSeconds: unchanged.seconds,
        oneChangedSeconds: changed.seconds,
        oneAddedSeconds: added.seconds,
        oneRemovedSeconds: removed.seconds,
        oneChangedPeakRssMb: changed.peakRssMb,
      },
      indexSizeMb: sizeMb,
      openSeconds: round(openMs / 1000),
      retrieval: { p50Ms: round(percentile(retrievalMs, 50)), p99Ms: round(percentile(retrievalMs, 99)), questions: questions.length },
      http,
      quality,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function ask(url: string, question: string): Promise<boolean> {
  const res = await fetch(`${url}/api/answer`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question }) });
  await res.arrayBuffer();
  return res.ok;
}

/** The same measurements against PostgreSQL with pgvector: a throwaway cluster on this machine. */
async function benchPostgres(input: {
  corpus: string;
  realDir: string;
  goldens: { file: string; golden: Golden }[];
  skipHttp?: boolean;
  log: (m: string) => void;
}): Promise<Record<string, unknown>> {
  const { log } = input;
  const db = await startPostgres();
  const env = { ...process.env, DATABASE_URL: db.url };
  const holders: EngineHolder[] = [];
  try {
    const args = ["--input", input.corpus, "--embedder", "hash"];
    log("full ingest into PostgreSQL…");
    const full = runIngest(args, env);
    const chunks = Number(/chunks: +(\d+)/.exec(full.output)?.[1] ?? 0);
    log(`full ingest: ${full.seconds} s, peak RSS ${full.peakRssMb} MB, ${chunks} chunks`);
    const unchanged = runIngest(args, env);
    const files = (await readdir(input.realDir)).sort();
    await appendFile(join(input.realDir, files[0]!), "\n\nUn paragraphe ajouté pour mesurer la mise à jour d'un communiqué.\n");
    const changed = runIngest(args, env);
    log(`unchanged ${unchanged.seconds} s, one changed ${changed.seconds} s`);

    // two "servers" following the database, as the HTTP server's holders do (a check a second)
    const servers = [0, 1].map(() => new EngineHolder({ dir: "unused", modelsDir: ".cache/models", databaseUrl: db.url, checkEveryMs: 1000 }));
    holders.push(...servers);
    const t0 = performance.now();
    const engine = await servers[0]!.get();
    await servers[1]!.get();
    const openMs = performance.now() - t0;
    const questions = [...new Set(input.goldens.flatMap((g) => g.golden.questions.map((q) => q.question)))];
    const retrievalMs: number[] = [];
    const answerMs: number[] = [];
    for (const question of questions) {
      let s = performance.now();
      await retrieve({ store: engine.store, embedder: engine.embedder, question, k: 6 });
      retrievalMs.push(performance.now() - s);
      s = performance.now();
      await answer({ engine, question });
      answerMs.push(performance.now() - s);
    }
    const quality: Record<string, unknown>[] = [];
    for (const { file, golden } of input.goldens) quality.push({ set: basename(file), hybrid: summary(await runEval({ engine, golden })) });
    console.table(quality.map((q) => ({ set: q.set, ...(q.hybrid as object) })));

    // a new release: how long after its ingest ends until both servers answer with it
    await writeFile(join(input.realDir, "zz-new-release.txt"), "Un nouveau centre à Tromsø\nTromsø - L'OIM ouvre un centre d'accueil à Tromsø pour les migrants arrivés par la mer de Barents.\n");
    runIngest(args, env);
    const t1 = performance.now();
    const seen = await Promise.all(
      servers.map(async (h) => {
        for (;;) {
          const a = await answer({ engine: await h.get(), question: "Où l'OIM ouvre-t-elle un centre pour les migrants arrivés par la mer de Barents ?" });
          if (a.citations.some((c) => c.releaseId === "zz-new-release")) return performance.now() - t1;
          if (performance.now() - t1 > 60_000) return Number.POSITIVE_INFINITY;
          await new Promise((r) => setTimeout(r, 100));
        }
      }),
    );

    let http: Record<string, unknown> | null = null;
    if (!input.skipHttp) {
      const s0 = performance.now();
      const server = await startServer({ indexDir: join(input.corpus, "..", "unused-index"), env: { DATABASE_URL: db.url, RATE_LIMIT_PER_MINUTE: "0", LLM_BASE_URL: "", LLM_MODEL: "", LLM_API_KEY: "" } as Partial<NodeJS.ProcessEnv> as NodeJS.ProcessEnv });
      const healthyMs = performance.now() - s0;
      try {
        const ms: number[] = [];
        for (const question of questions.slice(0, 10)) await ask(server.url, question);
        for (const question of questions) {
          const s = performance.now();
          await ask(server.url, question);
          ms.push(performance.now() - s);
        }
        http = { healthySeconds: round(healthyMs / 1000), serverRssMb: treeRssMb(server.pid), answerP50Ms: round(percentile(ms, 50)), answerP99Ms: round(percentile(ms, 99)) };
      } finally {
        await server.stop();
      }
    }
    return {
      store: "postgres",
      chunks,
      ingest: { fullSeconds: full.seconds, fullPeakRssMb: full.peakRssMb, unchangedSeconds: unchanged.seconds, oneChangedSeconds: changed.seconds },
      openSeconds: round(openMs / 1000),
      retrieval: { p50Ms: round(percentile(retrievalMs, 50)), p99Ms: round(percentile(retrievalMs, 99)), questions: questions.length },
      answerInProcess: { p50Ms: round(percentile(answerMs, 50)), p99Ms: round(percentile(answerMs, 99)) },
      newReleaseAnsweredBySecondsAfterIngest: seen.map((ms) => round(ms / 1000)),
      http,
      quality,
    };
  } finally {
    for (const h of holders) await h.close();
    await db.destroy();
  }
}
