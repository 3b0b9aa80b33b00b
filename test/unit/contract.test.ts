import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { answerRequestSchema, answerSchema, chatRequestSchema, errorSchema, LIMITS } from "../../lib/contract";
import { openApiDocument } from "../../lib/openapi";

describe("the wire contract", () => {
  it("docs/openapi.json is what `npm run openapi` generates from the schemas", async () => {
    const pkg = JSON.parse(await readFile("package.json", "utf8")) as { version: string };
    const committed = await readFile("docs/openapi.json", "utf8");
    expect(committed).toBe(`${JSON.stringify(openApiDocument(pkg.version), null, 2)}\n`);
  });

  it("states the limits once, and the schemas apply them", () => {
    expect(LIMITS).toMatchObject({ questionChars: 2000, historyTurns: 20, kMin: 1, kMax: 20, bodyBytes: 32768 });
    expect(answerRequestSchema.safeParse({ question: "x".repeat(2000) }).success).toBe(true);
    expect(answerRequestSchema.safeParse({ question: "x".repeat(2001) }).success).toBe(false);
    expect(answerRequestSchema.safeParse({ question: "q", history: Array(21).fill({ role: "user", content: "c" }) }).success).toBe(false);
    expect(answerRequestSchema.safeParse({ question: "q", k: 21 }).success).toBe(false);
    expect(chatRequestSchema.safeParse({ messages: [{ role: "user", content: "q" }], k: 0 }).success).toBe(false);
  });

  it("describes the Answer and the error shape", () => {
    const answer = { id: "a_1", answer: "a [1]", citations: [{ n: 1, releaseId: "r", title: "t", source: "r.txt", location: null, passage: "p", score: 0.5 }], abstained: false, mode: "extractive", timings: { retrievalMs: 1, totalMs: 2 } };
    expect(answerSchema.parse(answer)).toEqual(answer);
    expect(answerSchema.safeParse({ ...answer, mode: "other" }).success).toBe(false);
    expect(errorSchema.safeParse({ error: { code: "not_found", message: "m" } }).success).toBe(true);
    expect(errorSchema.safeParse({ error: { code: "teapot", message: "m" } }).success).toBe(false);
  });
});
