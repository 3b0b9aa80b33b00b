import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { HashEmbedder } from "../../lib/embeddings/hash";
import { EngineHolder, type Engine } from "../../lib/engine";
import { goldenSchema } from "../../lib/eval/golden";
import type { HistoryTurn } from "../../lib/types";
import { runEval } from "../../lib/eval/run";
import { ingest } from "../../lib/build/ingest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
let dir: string;

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("golden questions (offline hash embedder)", () => {
  it("meets the thresholds of the golden file", async () => {
    const golden = goldenSchema.parse(JSON.parse(await readFile(join(ROOT, "test/fixtures/golden.json"), "utf8")));
    expect(golden.questions.length).toBeGreaterThanOrEqual(40);
    for (const kind of ["fact", "paraphrase", "english", "followup", "offtopic"]) {
      expect(golden.questions.some((q) => q.kind === kind), kind).toBe(true);
    }
    dir = await mkdtemp(join(tmpdir(), "oim-eval-test-"));
    await ingest({ input: join(ROOT, "data/releases"), dir, embedder: new HashEmbedder(), warn: () => {} });
    const engine = await new EngineHolder({ dir, modelsDir: join(ROOT, ".cache/models") }).get();
    const report = await runEval({ engine, golden });
    expect(report.failures).toEqual([]);
    expect(report.metrics.hitAt5).toBeGreaterThanOrEqual(0.95);
    expect(report.metrics.citationIntegrity).toBe(1);
    expect(report.metrics.offTopicAbstention).toBeGreaterThanOrEqual(0.9);
    expect(report.metrics.falseAbstention).toBeLessThanOrEqual(0.05);
  });

  it("runs as npm run eval and writes the report", async () => {
    const { spawnSync } = await import("node:child_process");
    const out = join(tmpdir(), `oim-eval-${process.pid}.json`);
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/eval.ts", "--out", out], { cwd: ROOT, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/hit@5 100\.0%|hit@5 9[5-9]\.\d%/);
    expect(r.stdout).toContain("PASS");
    const report = JSON.parse(await readFile(out, "utf8")) as { metrics: { citationIntegrity: number } };
    expect(report.metrics.citationIntegrity).toBe(1);
    await rm(out, { force: true });
  });
});

const CORPUS = join(ROOT, "..", "shared", "corpus");
const HAVE_CORPUS = existsSync(CORPUS);
if (!HAVE_CORPUS && process.env.CI !== "true") console.warn(`\n!! ${CORPUS} not found: the follow-up golden questions are SKIPPED.\n`);

/** One index of the samples and the corpus for the sets below, built once and removed after them. */
let corpusIndex: Promise<{ engine: Engine; dirs: string[] }> | undefined;
function corpusEngine(): Promise<{ engine: Engine; dirs: string[] }> {
  corpusIndex ??= (async () => {
    const input = await mkdtemp(join(tmpdir(), "oim-corpus-input-"));
    const index = await mkdtemp(join(tmpdir(), "oim-corpus-index-"));
    await cp(join(ROOT, "data/releases"), input, { recursive: true });
    await cp(CORPUS, input, { recursive: true });
    await ingest({ input, dir: index, embedder: new HashEmbedder(), warn: () => {} });
    return { engine: await new EngineHolder({ dir: index, modelsDir: join(ROOT, ".cache/models") }).get(), dirs: [input, index] };
  })();
  return corpusIndex;
}

afterAll(async () => {
  if (!corpusIndex) return;
  const { engine, dirs } = await corpusIndex;
  await engine.store.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe.skipIf(!HAVE_CORPUS && process.env.CI !== "true")("follow-up golden questions, four history styles (offline hash embedder)", () => {
  it("finds the conversation's release and the asked fact, within the thresholds of the file", async () => {
    const golden = goldenSchema.parse(JSON.parse(await readFile(join(ROOT, "test/fixtures/golden-followup.json"), "utf8")));
    expect(golden.questions.length).toBeGreaterThanOrEqual(30);
    const { engine } = await corpusEngine();
    const report = await runEval({ engine, golden });
    expect(report.failures).toEqual([]);
    expect(report.metrics.citationIntegrity).toBe(1);
  }, 120_000);

  it("abstains on a follow-up about something else than the conversation", async () => {
    const golden = goldenSchema.parse(JSON.parse(await readFile(join(ROOT, "test/fixtures/golden-followup.json"), "utf8")));
    const { engine } = await corpusEngine();
    const history = golden.questions[0]!.history!;
    const questions = ["Et qui a gagné la coupe du monde ?", "What about the weather there tomorrow?", "Merci, et tu peux me donner une recette de crêpes ?"];
    const report = await runEval({ engine, golden: { ...golden, questions: questions.map((question, i) => ({ id: `off-${i}`, kind: "offtopic" as const, question, history, expected: null, fact: null })) } });
    expect(report.metrics.offTopicAbstention).toBe(1);
  }, 60_000);

  it("answers the same follow-ups whatever the history holds: questions only, an older exchange first, a short answer without title", async () => {
    const golden = goldenSchema.parse(JSON.parse(await readFile(join(ROOT, "test/fixtures/golden-followup.json"), "utf8")));
    const { engine } = await corpusEngine();
    const styles = {
      "questions only": (h: HistoryTurn[]) => h.filter((t) => t.role === "user"),
      "older exchange first": (h: HistoryTurn[]) => [{ role: "user" as const, content: "Bonjour, que fait l'OIM au Yémen ?" }, { role: "assistant" as const, content: "L'OIM aide les migrants bloqués au Yémen." }, ...h],
      "short answer": (h: HistoryTurn[]) => h.map((t) => (t.role === "assistant" ? { role: t.role, content: (/«([^»]+)»[^«]*«([^»]+)»/.exec(t.content)?.[2] ?? t.content).trim().slice(0, 160) } : t)),
    };
    for (const [style, change] of Object.entries(styles)) {
      const report = await runEval({ engine, golden: { ...golden, questions: golden.questions.map((q) => ({ ...q, history: change(q.history ?? []) })) } });
      expect(report.metrics.hitAt1, style).toBeGreaterThanOrEqual(0.95);
      expect(report.metrics.factInAnswer, style).toBeGreaterThanOrEqual(0.9);
      expect(report.metrics.citationIntegrity, style).toBe(1);
    }
  }, 180_000);
});

describe.skipIf(!HAVE_CORPUS && process.env.CI !== "true")("stranger-written and unanswerable golden questions over the corpus (offline hash embedder)", () => {
  it("answers questions typed in capitals, or without any, as well as the others", async () => {
    const { engine } = await corpusEngine();
    for (const file of ["golden-stranger.json", "golden-offtopic.json"]) {
      const golden = goldenSchema.parse(JSON.parse(await readFile(join(ROOT, "test/fixtures", file), "utf8")));
      for (const [style, change] of [["capitals", (q: string) => q.toUpperCase()], ["no capitals", (q: string) => q.toLowerCase()]] as const) {
        const report = await runEval({ engine, golden: { ...golden, questions: golden.questions.map((q) => ({ ...q, question: change(q.question) })) } });
        if (file === "golden-stranger.json") expect(report.metrics.factInAnswer, style).toBeGreaterThanOrEqual(0.9);
        expect(report.metrics.falseAbstention, style).toBeLessThanOrEqual(0.03);
        expect(report.metrics.offTopicAbstention, `${file} ${style}`).toBeGreaterThanOrEqual(0.85);
      }
    }
  }, 180_000);

  it("meets the thresholds of the training sets: facts, paraphrases, English, off-topic, near-topic traps", async () => {
    const { engine } = await corpusEngine();
    for (const file of ["golden-stranger.json", "golden-paraphrase.json", "golden-paraphrase-2.json", "golden-train-3.json", "golden-named.json", "golden-fresh-3.json", "golden-paraphrase-3.json", "golden-fresh-5a.json", "golden-fresh-6.json", "golden-fresh-7.json", "golden-fresh-10.json", "golden-fresh-11.json", "golden-fresh-13.json", "golden-fresh-15.json", "golden-fresh-16.json", "golden-fresh-18.json", "golden-fresh-19.json", "golden-fresh-20.json", "golden-fresh-22.json", "golden-fresh-24.json", "golden-fresh-25.json", "golden-fresh-27.json", "golden-fresh-28.json", "golden-fresh-30.json", "golden-fresh-32.json", "golden-fresh-33.json", "golden-offtopic.json", "golden-traps.json"]) {
      const golden = goldenSchema.parse(JSON.parse(await readFile(join(ROOT, "test/fixtures", file), "utf8")));
      const report = await runEval({ engine, golden });
      expect(report.failures, file).toEqual([]);
      expect(report.metrics.citationIntegrity, file).toBe(1);
    }
  }, 180_000);
});
