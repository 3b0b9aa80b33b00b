import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as answerRoute from "../../app/api/answer/route";
import * as feedbackRoute from "../../app/api/feedback/route";
import { ingest } from "../../lib/build/ingest";
import { answerSchema, errorSchema, feedbackResponseSchema } from "../../lib/contract";
import { HashEmbedder } from "../../lib/embeddings/hash";
import { setAnswerLogForTests } from "../../lib/http/answer-log";
import { setRateLimitForTests } from "../../lib/http/rate-limit";
import { setEngineDirForTests } from "../../lib/http/server-engine";
import { SqliteAnswerLog } from "../../lib/store/answer-log-sqlite";
import { formatFeedback } from "../../scripts/feedback";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
let work: string;
let log: SqliteAnswerLog;

const post = (path: string, body: unknown) =>
  new Request(`http://test${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "oim-feedback-"));
  await ingest({ input: join(ROOT, "data/releases"), dir: join(work, "index"), embedder: new HashEmbedder(), warn: () => {} });
  setEngineDirForTests(join(work, "index"));
  setRateLimitForTests(0);
  log = new SqliteAnswerLog(join(work, "index"));
  setAnswerLogForTests(log);
});

afterAll(async () => {
  setAnswerLogForTests(null);
  await log.close();
  await rm(work, { recursive: true, force: true });
});

describe("feedback on answers", () => {
  it("gives every answer an id, takes a rating with a comment on it, and exports it", async () => {
    const answer = answerSchema.parse(await (await answerRoute.POST(post("/api/answer", { question: "Qui finance l'atelier de Panama ?" }))).json());
    expect(answer.id).toMatch(/^a_[0-9a-f]{20}$/);
    const res = await feedbackRoute.POST(post("/api/feedback", { answerId: answer.id, rating: "down", comment: "  La source est la bonne, mais la phrase non.  " }));
    expect(res.status).toBe(201);
    expect(feedbackResponseSchema.parse(await res.json())).toEqual({ answerId: answer.id, rating: "down" });
    const rows = await log.feedback();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: answer.id, question: "Qui finance l'atelier de Panama ?", rating: "down", comment: "La source est la bonne, mais la phrase non.", releaseIds: ["000_120eaf54a8d4fb0e"], mode: "extractive" });
    const csv = formatFeedback(rows, "csv");
    expect(csv.split("\n")[0]).toBe("answerId,question,answer,releaseIds,mode,answeredAt,rating,comment,ratedAt");
    expect(csv).toContain(`\n${answer.id},Qui finance l'atelier de Panama ?,"`);
    // fields with commas, quotes or line breaks are quoted (RFC 4180)
    expect(csv).toContain(',000_120eaf54a8d4fb0e,extractive,');
    expect(csv).toContain(',down,"La source est la bonne, mais la phrase non.",');
    const jsonl = JSON.parse(formatFeedback(rows, "jsonl").trim()) as Record<string, unknown>;
    expect(jsonl).toMatchObject({ answerId: answer.id, rating: "down", releaseIds: ["000_120eaf54a8d4fb0e"] });
    // the last rating counts
    expect((await feedbackRoute.POST(post("/api/feedback", { answerId: answer.id, rating: "up" }))).status).toBe(201);
    expect((await log.feedback()).map((r) => [r.rating, r.comment])).toEqual([["up", null]]);
  });

  it("answers 404 to an unknown answer and 400 to bad input, in the contract's error shape", async () => {
    const unknown = await feedbackRoute.POST(post("/api/feedback", { answerId: "a_nope", rating: "up" }));
    expect(unknown.status).toBe(404);
    expect(errorSchema.parse(await unknown.json()).error.code).toBe("not_found");
    for (const bad of [{ answerId: "a_x", rating: "meh" }, { rating: "up" }, { answerId: "a_x", rating: "up", comment: "x".repeat(2001) }, ["up"]]) {
      const res = await feedbackRoute.POST(post("/api/feedback", bad));
      expect(res.status, JSON.stringify(bad).slice(0, 60)).toBe(400);
      expect(errorSchema.parse(await res.json()).error.code).toBe("bad_request");
    }
  });

  it("accepts the releases an assistant turn cited in the history", async () => {
    const res = await answerRoute.POST(
      post("/api/answer", {
        question: "Et qui l'a organisé ?",
        history: [
          { role: "user", content: "Qui finance l'atelier de Panama ?" },
          { role: "assistant", content: "Le Fonds de l'OIM pour le développement [1].", citations: [{ n: 1, releaseId: "000_120eaf54a8d4fb0e" }] },
        ],
      }),
    );
    expect(res.status).toBe(200);
    expect(answerSchema.parse(await res.json()).citations[0]?.releaseId).toBe("000_120eaf54a8d4fb0e");
  });

  it("follows a short answer's release without a pronoun, and lets a new subject go", async () => {
    const history = [
      { role: "user" as const, content: "Qui finance l'atelier de Panama ?" },
      { role: "assistant" as const, content: "Le Fonds de l'OIM pour le développement [1]." },
    ];
    const follow = answerSchema.parse(await (await answerRoute.POST(post("/api/answer", { question: "Quels pays ont participé ?", history }))).json());
    expect(follow.citations[0]?.releaseId).toBe("000_120eaf54a8d4fb0e");
    const other = answerSchema.parse(await (await answerRoute.POST(post("/api/answer", { question: "Quel accord l'OIM a-t-elle signé avec le Parlement latino-américain ?", history }))).json());
    expect(other.citations[0]?.releaseId).toBe("001_b45dd83a0103b98f");
  });

  it("exports from the command line (npm run feedback), refusing bad flags", () => {
    const run = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "scripts/feedback.ts", ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, INDEX_DIR: join(work, "index") } });
    const ok = run(["--format", "csv", "--since", "2000-01-01"]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout.split("\n")[0]).toBe("answerId,question,answer,releaseIds,mode,answeredAt,rating,comment,ratedAt");
    expect(ok.stdout.match(/\na_[0-9a-f]{20},/g)).toHaveLength(1);
    expect(run(["--format", "xml"]).status).toBe(2);
    expect(run(["--since", "yesterday-ish"]).status).toBe(2);
  });
});
