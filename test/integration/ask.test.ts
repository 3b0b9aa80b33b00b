import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { answerSchema } from "../../lib/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HashEmbedder } from "../../lib/embeddings/hash";
import { ingest } from "../../lib/build/ingest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "oim-ask-"));
  await ingest({ input: join(ROOT, "data/releases"), dir, embedder: new HashEmbedder(), warn: () => {} });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ask = (args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/ask.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, LLM_BASE_URL: "", LLM_MODEL: "" },
  });

describe("npm run ask", () => {
  it("--json prints exactly one Answer object", () => {
    const r = ask(["--index", dir, "--json", "--k", "5", "What did IOM sign with the Latin American Parliament?"]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const raw: unknown = JSON.parse(lines[0]!);
    expect(Object.keys(raw as object)).toEqual(expect.arrayContaining(["answer", "citations", "abstained", "mode", "timings"]));
    const a = answerSchema.parse(raw);
    expect(a.mode).toBe("extractive");
    expect(a.abstained).toBe(false);
    expect(a.citations[0]).toMatchObject({ n: 1, releaseId: "001_b45dd83a0103b98f", source: "001_b45dd83a0103b98f.txt", location: "Costa Rica" });
    expect(typeof a.citations[0]!.passage).toBe("string");
    expect(typeof a.citations[0]!.score).toBe("number");
    expect(a.answer).toContain("[1]");
    expect(a.timings.totalMs).toBeGreaterThanOrEqual(a.timings.retrievalMs);
  });

  it("prints a readable answer with numbered sources", () => {
    const r = ask(["--index", dir, "Où se tient le Sommet ibéro-américain ?"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Montevideo");
    expect(r.stdout).toMatch(/Sources :\n {2}\[1\] Le Directeur général de l’OIM assistera au Sommet ibéro-américain/);
  });

  it("refuses bad usage and a missing index with exit code 2", () => {
    expect(ask([]).status).toBe(2);
    expect(ask(["--k", "0", "question"]).status).toBe(2);
    expect(ask(["--bogus", "question"]).status).toBe(2);
    const missing = ask(["--index", join(dir, "nope"), "question ?"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/No index .*npm run ingest/);
  });
});
