import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HashEmbedder } from "../../lib/embeddings/hash";
import { ingest } from "../../lib/build/ingest";
import { setEngineDirForTests } from "../../lib/http/server-engine";
import { setRateLimitForTests } from "../../lib/http/rate-limit";
import { answerSchema, chatCompletionSchema, errorSchema, healthSchema, modelListSchema, releaseDetailSchema, releaseSummarySchema } from "../../lib/contract";
import type { Answer, Citation } from "../../lib/types";
import * as answerRoute from "../../app/api/answer/route";
import * as healthRoute from "../../app/api/health/route";
import * as releasesRoute from "../../app/api/releases/route";
import * as releaseRoute from "../../app/api/releases/[releaseId]/route";
import * as catchAllRoute from "../../app/api/[...slug]/route";
import * as openapiRoute from "../../app/api/openapi.json/route";
import * as chatRoute from "../../app/v1/chat/completions/route";
import * as modelsRoute from "../../app/v1/models/route";
import { parseSse } from "../helpers/sse";

// answers are extractive here whatever the environment says
for (const key of ["LLM_BASE_URL", "LLM_API_KEY", "LLM_MODEL"]) delete process.env[key];

const RELEASES = fileURLToPath(new URL("../../data/releases", import.meta.url));
const PANAMA = "000_120eaf54a8d4fb0e";
const QUESTION = "Qui finance l'atelier de Panama ?";
const OFF_TOPIC = "Quelle est la recette de la tarte tatin ?";

let tmp: string;
let indexDir: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "oim-api-"));
  indexDir = join(tmp, "index");
  await ingest({ input: RELEASES, dir: indexDir, embedder: new HashEmbedder(), warn: () => {} });
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

beforeEach(() => {
  setEngineDirForTests(indexDir);
  setRateLimitForTests(0);
});

function post(body: unknown, headers: Record<string, string> = {}, path = "/api/answer"): Request {
  return new Request(`http://test${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function errorOf(res: Response): Promise<{ code: string; message: string; type?: string }> {
  expect(res.headers.get("content-type")).toContain("application/json");
  const body = errorSchema.parse(await res.json());
  expect(typeof body.error.code).toBe("string");
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message).not.toMatch(/\n\s+at /); // never a stack trace
  return body.error;
}

/** Parses an event-stream body into `{event, data}` pairs. */
async function readSse(res: Response): Promise<{ event: string; data: string }[]> {
  return parseSse(await res.text());
}

function checkAnswer(a: Answer): void {
  expect(typeof a.answer).toBe("string");
  expect(["extractive", "llm"]).toContain(a.mode);
  expect(typeof a.timings.retrievalMs).toBe("number");
  expect(typeof a.timings.totalMs).toBe("number");
  const markers = new Set([...a.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  expect(new Set(a.citations.map((c) => c.n))).toEqual(markers);
}

describe("POST /api/answer", () => {
  it("answers with citations", async () => {
    const res = await answerRoute.POST(post({ question: QUESTION }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const a = answerSchema.parse(await res.json());
    checkAnswer(a);
    expect(a.abstained).toBe(false);
    expect(a.mode).toBe("extractive");
    expect(a.citations.length).toBeGreaterThan(0);
    expect(a.citations[0]!.releaseId).toBe(PANAMA);
    expect(a.answer).toContain("[1]");
  });

  it("abstains on an off-topic question", async () => {
    const res = await answerRoute.POST(post({ question: OFF_TOPIC }));
    expect(res.status).toBe(200);
    const a = answerSchema.parse(await res.json());
    expect(a.abstained).toBe(true);
    expect(a.citations).toEqual([]);
  });

  it("accepts history and k", async () => {
    const res = await answerRoute.POST(
      post({ question: "Et qui l'organise ?", history: [{ role: "user", content: QUESTION }, { role: "assistant", content: "Le Fonds de l'OIM [1]" }], k: 3 }),
    );
    expect(res.status).toBe(200);
    checkAnswer(answerSchema.parse(await res.json()));
  });

  it("streams sources, then tokens, then done with the Answer", async () => {
    for (const req of [post({ question: QUESTION, stream: true }), post({ question: QUESTION }, { accept: "text/event-stream" })]) {
      const res = await answerRoute.POST(req);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/event-stream");
      const events = await readSse(res);
      const names = events.map((e) => e.event);
      expect(names[0]).toBe("sources");
      expect(names.at(-1)).toBe("done");
      expect(names.slice(1, -1).every((n) => n === "token")).toBe(true);
      expect(names.length).toBeGreaterThan(3);
      const sources = JSON.parse(events[0]!.data) as { citations: Citation[] };
      expect(sources.citations[0]!.releaseId).toBe(PANAMA);
      const text = events.slice(1, -1).map((e) => (JSON.parse(e.data) as { text: string }).text).join("");
      const done = answerSchema.parse(JSON.parse(events.at(-1)!.data));
      checkAnswer(done);
      expect(text).toBe(done.answer);
      expect(done.citations).toEqual(sources.citations);
    }
  });

  it("lets an explicit stream: false win over the Accept header", async () => {
    const res = await answerRoute.POST(post({ question: QUESTION, stream: false }, { accept: "text/event-stream" }));
    expect(res.headers.get("content-type")).toContain("application/json");
  });

  it.each([
    ["bad JSON", "{question:", "body"],
    ["an empty body", "", "empty"],
    ["a non-object body", "[1, 2]", "body"],
    ["a missing question", {}, "question"],
    ["an empty question", { question: "   " }, "question"],
    ["a question over 2000 characters", { question: "a".repeat(2001) }, "question"],
    ["a question of the wrong type", { question: 42 }, "question"],
    ["a history over 20 turns", { question: QUESTION, history: Array.from({ length: 21 }, () => ({ role: "user", content: "x" })) }, "history"],
    ["a history turn with a bad role", { question: QUESTION, history: [{ role: "system", content: "x" }] }, "history.0.role"],
    ["k = 0", { question: QUESTION, k: 0 }, "k"],
    ["k = 21", { question: QUESTION, k: 21 }, "k"],
    ["k = 2.5", { question: QUESTION, k: 2.5 }, "k"],
    ["stream not boolean", { question: QUESTION, stream: "yes" }, "stream"],
  ])("answers 400 to %s, naming the field", async (_what, body, field) => {
    const res = await answerRoute.POST(post(body));
    expect(res.status).toBe(400);
    const err = await errorOf(res);
    expect(err.code).toBe("bad_request");
    expect(err.message.toLowerCase()).toContain(field.toLowerCase());
  });

  it("accepts a question of exactly 2000 characters after trimming", async () => {
    const res = await answerRoute.POST(post({ question: `  ${"migration ".repeat(200).slice(0, 2000)}  ` }));
    expect(res.status).toBe(200);
  });

  it("answers 413 to a body over 32 KiB, declared or not", async () => {
    const big = JSON.stringify({ question: QUESTION, padding: "x".repeat(33 * 1024) });
    const declared = await answerRoute.POST(post(big));
    expect(declared.status).toBe(413);
    expect((await errorOf(declared)).code).toBe("payload_too_large");
    // a streamed body without content-length is counted while it is read
    const bytes = new TextEncoder().encode(big);
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 4096) c.enqueue(bytes.slice(i, i + 4096));
        c.close();
      },
    });
    const streamed = new Request("http://test/api/answer", { method: "POST", headers: { "content-type": "application/json" }, body, duplex: "half" } as RequestInit);
    expect(streamed.headers.get("content-length")).toBeNull();
    const res = await answerRoute.POST(streamed);
    expect(res.status).toBe(413);
  });

  it("answers 415 when the body is not declared as JSON", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", ""]) {
      const req = new Request("http://test/api/answer", { method: "POST", headers: type ? { "content-type": type } : {}, body: JSON.stringify({ question: QUESTION }) });
      if (!type) req.headers.delete("content-type");
      const res = await answerRoute.POST(req);
      expect(res.status).toBe(415);
      expect((await errorOf(res)).code).toBe("unsupported_media_type");
    }
    const ok = await answerRoute.POST(post({ question: QUESTION }, { "content-type": "application/json; charset=utf-8" }));
    expect(ok.status).toBe(200);
  });

  it("answers 405 with Allow to other methods", async () => {
    for (const method of ["GET", "PUT", "PATCH", "DELETE"] as const) {
      const res = await answerRoute[method](new Request("http://test/api/answer", { method }));
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("POST");
      expect((await errorOf(res)).code).toBe("method_not_allowed");
    }
  });

  it("answers 429 with Retry-After over the rate limit, per client, whatever X-Forwarded-For says", async () => {
    setRateLimitForTests(2);
    process.env.OIM_CLIENT_HEADER = "x-oim-client";
    // the server's own header names the client (scripts/serve.mjs sets it from the socket); forwarded addresses rotate in vain
    let n = 0;
    const from = (ip: string) => post({ question: QUESTION }, { "x-oim-client": ip, "x-forwarded-for": `9.9.9.${n++}` });
    expect((await answerRoute.POST(from("1.1.1.1"))).status).toBe(200);
    expect((await answerRoute.POST(from("1.1.1.1"))).status).toBe(200);
    const limited = await answerRoute.POST(from("1.1.1.1"));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const limitedError = await errorOf(limited);
    expect(limitedError.code).toBe("rate_limited");
    expect(limitedError.message).toMatch(/at most 2 per minute/);
    expect((await answerRoute.POST(from("2.2.2.2"))).status).toBe(200);
    expect((await chatRoute.POST(post({ messages: [{ role: "user", content: QUESTION }] }, { "x-oim-client": "1.1.1.1" }, "/v1/chat/completions"))).status).toBe(429);
    delete process.env.OIM_CLIENT_HEADER;
  });

  it("answers 503 saying how to build an index when there is none", async () => {
    setEngineDirForTests(join(tmp, "missing"));
    const res = await answerRoute.POST(post({ question: QUESTION }));
    expect(res.status).toBe(503);
    const err = await errorOf(res);
    expect(err.code).toBe("index_unavailable");
    expect(err.message).toContain("npm run ingest");
    // bad input is still a 400, not a 503
    expect((await answerRoute.POST(post({ question: "" }))).status).toBe(400);
    // and the stream is not opened
    expect((await answerRoute.POST(post({ question: QUESTION, stream: true }))).status).toBe(503);
  });
});

describe("GET /api/health, /api/releases, /api/openapi.json", () => {
  it("reports the index", async () => {
    const res = await healthRoute.GET(new Request("http://test/api/health"));
    expect(res.status).toBe(200);
    const h = healthSchema.parse(await res.json());
    expect(h).toMatchObject({ status: "ok", releases: 5, embedder: "hash:v4:512", mode: "extractive" });
    expect(h.chunks).toBeGreaterThan(5);
    expect(typeof h.indexBuiltAt).toBe("string");
  });

  it("answers 503 without an index", async () => {
    setEngineDirForTests(join(tmp, "missing"));
    const res = await healthRoute.GET(new Request("http://test/api/health"));
    expect(res.status).toBe(503);
    expect((await errorOf(res)).message).toContain("npm run ingest");
  });

  it("lists the releases sorted by title", async () => {
    const res = await releasesRoute.GET(new Request("http://test/api/releases"));
    expect(res.status).toBe(200);
    const list = releaseSummarySchema.array().parse(await res.json());
    expect(list).toHaveLength(5);
    expect(Object.keys(list[0]!).sort()).toEqual(["location", "releaseId", "title"]);
    const titles = list.map((r) => r.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, "fr")));
  });

  it("serves one release, 404 for unknown or malformed ids", async () => {
    const get = (id: string) => releaseRoute.GET(new Request(`http://test/api/releases/${encodeURIComponent(id)}`), { params: Promise.resolve({ releaseId: id }) });
    const res = await get(PANAMA);
    expect(res.status).toBe(200);
    const r = releaseDetailSchema.parse(await res.json());
    expect(Object.keys(r).sort()).toEqual(["contacts", "location", "releaseId", "source", "text", "title"]);
    expect(r).toMatchObject({ releaseId: PANAMA, source: `${PANAMA}.txt`, location: "Panama City" });
    expect(String(r.text)).toContain("Fonds de l'OIM pour le développement");
    for (const id of ["nope", "../../etc/passwd", "..", "a/b", "__proto__x?", "constructor", "x".repeat(300)]) {
      const missing = await get(id);
      expect(missing.status).toBe(404);
      expect((await errorOf(missing)).code).toBe("not_found");
    }
  });

  it("serves the OpenAPI description", async () => {
    const res = await openapiRoute.GET(new Request("http://test/api/openapi.json"));
    expect(res.status).toBe(200);
    const spec = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(spec.openapi).toMatch(/^3\.1/);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(["/api/answer", "/v1/chat/completions", "/v1/models", "/api/health", "/api/releases", "/api/releases/{releaseId}"]),
    );
  });

  it("answers JSON 404 to unknown /api paths, whatever the method", async () => {
    for (const method of ["GET", "POST", "DELETE"] as const) {
      const res = await catchAllRoute[method](new Request("http://test/api/nope/deeper", { method }));
      expect(res.status).toBe(404);
      expect((await errorOf(res)).code).toBe("not_found");
    }
  });
});

describe("OpenAI-compatible routes", () => {
  const chat = (body: unknown) => chatRoute.POST(post(body, {}, "/v1/chat/completions"));

  it("lists the model", async () => {
    const res = await modelsRoute.GET(new Request("http://test/v1/models"));
    expect(res.status).toBe(200);
    expect(modelListSchema.parse(await res.json())).toMatchObject({ object: "list", data: [{ id: "oim-assistant", object: "model", owned_by: "oim" }] });
  });

  it("answers a chat completion with the sources at the end", async () => {
    const res = await chat({
      model: "oim-assistant",
      temperature: 0.2,
      messages: [
        { role: "system", content: "You are helpful." },
        { role: "user", content: [{ type: "text", text: QUESTION }] },
      ],
    });
    expect(res.status).toBe(200);
    const c = chatCompletionSchema.parse(await res.json());
    expect(c.object).toBe("chat.completion");
    expect(c.id).toMatch(/^chatcmpl-/);
    expect(c.model).toBe("oim-assistant");
    expect(Number.isInteger(c.created)).toBe(true);
    expect(c.choices).toHaveLength(1);
    expect(c.choices[0]).toMatchObject({ index: 0, finish_reason: "stop", message: { role: "assistant" } });
    const content = c.choices[0]!.message.content;
    expect(content).toContain("[1]");
    expect(content).toMatch(/\n\nSources:\n\[1\] .+ — Panama City \(000_120eaf54a8d4fb0e\.txt\)/);
    expect(c.citations[0]!.releaseId).toBe(PANAMA);
    expect(c.usage.total_tokens).toBe(c.usage.prompt_tokens + c.usage.completion_tokens);
  });

  it("has no sources block when abstaining", async () => {
    const res = await chat({ messages: [{ role: "user", content: OFF_TOPIC }] });
    const c = chatCompletionSchema.parse(await res.json());
    expect(c.citations).toEqual([]);
    expect(c.choices[0]!.message.content).not.toContain("Sources:");
  });

  it("streams chunks: role, content deltas, sources, stop, [DONE]", async () => {
    const res = await chat({ messages: [{ role: "user", content: QUESTION }], stream: true });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = await readSse(res);
    expect(events.every((e) => e.event === "message")).toBe(true);
    expect(events.at(-1)!.data).toBe("[DONE]");
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.data) as {
      id: string; object: string; choices: { index: number; delta: { role?: string; content?: string }; finish_reason: string | null }[];
    });
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
    expect(chunks.every((c) => c.object === "chat.completion.chunk")).toBe(true);
    expect(chunks[0]!.choices[0]!.delta.role).toBe("assistant");
    const last = chunks.at(-1)!.choices[0]!;
    expect(last.finish_reason).toBe("stop");
    expect(chunks.slice(0, -1).every((c) => c.choices[0]!.finish_reason === null)).toBe(true);
    const content = chunks.map((c) => c.choices[0]!.delta.content ?? "").join("");
    expect(content).toContain("[1]");
    expect(content).toMatch(/\n\nSources:\n\[1\] /);
    // the same text as the non-streamed completion
    const whole = (await (await chat({ messages: [{ role: "user", content: QUESTION }] })).json()) as { choices: { message: { content: string } }[] };
    expect(content).toBe(whole.choices[0]!.message.content);
  });

  it.each([
    ["no messages", { messages: [] }, "messages"],
    ["no user message", { messages: [{ role: "system", content: "hi" }] }, "messages"],
    ["an empty question", { messages: [{ role: "user", content: " " }] }, "messages.0.content"],
    ["messages not an array", { messages: "hi" }, "messages"],
    ["a bad role", { messages: [{ role: "robot", content: "hi" }] }, "messages.0.role"],
  ])("answers 400 in the OpenAI error shape to %s", async (_what, body, field) => {
    const res = await chat(body);
    expect(res.status).toBe(400);
    const err = await errorOf(res);
    expect(err).toMatchObject({ code: "bad_request", type: "invalid_request_error" });
    expect(err.message).toContain(field);
  });

  it("answers 405 and 415 in the OpenAI error shape", async () => {
    const res = await chatRoute.GET(new Request("http://test/v1/chat/completions"));
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect(await errorOf(res)).toMatchObject({ code: "method_not_allowed", type: "invalid_request_error" });
    const wrong = await chatRoute.POST(new Request("http://test/v1/chat/completions", { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" }));
    expect(wrong.status).toBe(415);
  });
});

describe("index hot swap", () => {
  it("serves every request while a new index version goes live, then the new releases", async () => {
    const input = join(tmp, "input");
    const dir = join(tmp, "hot");
    await cp(RELEASES, input, { recursive: true });
    await ingest({ input, dir, embedder: new HashEmbedder(), warn: () => {} });
    setEngineDirForTests(dir);
    const NEW_ID = "900_hot_swap_release";
    const listIds = async () => {
      const res = await releasesRoute.GET(new Request("http://test/api/releases"));
      expect(res.status).toBe(200);
      return ((await res.json()) as { releaseId: string }[]).map((r) => r.releaseId);
    };
    expect(await listIds()).not.toContain(NEW_ID);

    let stop = false;
    const statuses: number[] = [];
    const loop = (async () => {
      while (!stop) {
        const [a, r] = await Promise.all([answerRoute.POST(post({ question: QUESTION })), releasesRoute.GET(new Request("http://test/api/releases"))]);
        statuses.push(a.status, r.status);
        await a.text();
        await r.text();
      }
    })();

    await writeFile(
      join(input, `${NEW_ID}.txt`),
      "L’OIM ouvre un centre d’accueil pour les migrants à Tegucigalpa\n\n" +
        "Tegucigalpa - L’Organisation internationale pour les migrations (OIM) a inauguré un nouveau centre d’accueil " +
        "pour les migrants de retour au Honduras. Le centre, financé par le Gouvernement du Canada, offrira une assistance " +
        "psychosociale, médicale et juridique à plus de 3 000 personnes par an.\n\n" +
        "« Ce centre permettra aux migrants de retour de reconstruire leur vie dans la dignité », a déclaré la cheffe de mission.\n",
    );
    await ingest({ input, dir, embedder: new HashEmbedder(), warn: () => {} });
    // the next requests see the new version, without a restart
    expect(await listIds()).toContain(NEW_ID);
    const res = await answerRoute.POST(post({ question: "Qui finance le centre d'accueil de Tegucigalpa ?" }));
    const a = answerSchema.parse(await res.json());
    expect(a.citations[0]?.releaseId).toBe(NEW_ID);
    stop = true;
    await loop;
    expect(statuses.length).toBeGreaterThan(4);
    expect(statuses.every((s) => s === 200)).toBe(true);
  });
});
