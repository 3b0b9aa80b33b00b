import { spawnSync } from "node:child_process";
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorSchema } from "@/lib/contract";
import type { Answer, Citation } from "@/lib/types";
import { parseSse } from "../helpers/sse";
import { startServer, type RunningServer } from "./server";

const QUESTION = "Qui finance l'atelier de Panama ?";
const PANAMA = "000_120eaf54a8d4fb0e";

/** Reads a streamed body until `until` matches what arrived, then aborts the request. */
async function readThenAbort(url: string, body: unknown, until: RegExp): Promise<string> {
  const controller = new AbortController();
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify(body),
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let seen = "";
  while (!until.test(seen)) {
    const { done, value } = await reader.read();
    if (done) break;
    seen += value;
  }
  controller.abort();
  await reader.cancel().catch(() => undefined);
  return seen;
}

const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });

describe("HTTP API over a real server (extractive)", () => {
  let server: RunningServer;
  let client: OpenAI;

  beforeAll(async () => {
    server = await startServer({ env: { LLM_BASE_URL: "", LLM_MODEL: "", LLM_API_KEY: "" } as Partial<NodeJS.ProcessEnv> as NodeJS.ProcessEnv });
    client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: "x", maxRetries: 0 });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("reports health", async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", releases: 5, embedder: "hash:v4:512", mode: "extractive" });
  });

  it("answers JSON", async () => {
    const res = await postJson(`${server.url}/api/answer`, { question: QUESTION });
    expect(res.status).toBe(200);
    const a = (await res.json()) as Answer;
    expect(a.abstained).toBe(false);
    expect(a.citations[0]!.releaseId).toBe(PANAMA);
    expect(a.answer).toContain("[1]");
  });

  it("streams server-sent events", async () => {
    const res = await postJson(`${server.url}/api/answer`, { question: QUESTION, stream: true });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = parseSse(await res.text());
    expect(events[0]!.event).toBe("sources");
    expect((JSON.parse(events[0]!.data) as { citations: Citation[] }).citations[0]!.releaseId).toBe(PANAMA);
    expect(events.at(-1)!.event).toBe("done");
    const tokens = events.filter((e) => e.event === "token").map((e) => (JSON.parse(e.data) as { text: string }).text);
    expect(tokens.length).toBeGreaterThan(1);
    const done = JSON.parse(events.at(-1)!.data) as Answer;
    expect(tokens.join("")).toBe(done.answer);
  });

  it("serves the releases and the OpenAPI description", async () => {
    const list = (await (await fetch(`${server.url}/api/releases`)).json()) as { releaseId: string }[];
    expect(list).toHaveLength(5);
    const one = await fetch(`${server.url}/api/releases/${PANAMA}`);
    expect(one.status).toBe(200);
    expect(((await one.json()) as { releaseId: string }).releaseId).toBe(PANAMA);
    const spec = await fetch(`${server.url}/api/openapi.json`);
    expect(spec.status).toBe(200);
    expect(((await spec.json()) as { openapi: string }).openapi).toMatch(/^3\.1/);
  });

  it("works with the official openai client: completion, stream, models", async () => {
    const completion = await client.chat.completions.create({ model: "oim-assistant", messages: [{ role: "user", content: QUESTION }] });
    const content = completion.choices[0]!.message.content ?? "";
    expect(content).toContain("[1]");
    expect(content).toContain("Sources");
    expect(completion.choices[0]!.finish_reason).toBe("stop");
    expect((completion as unknown as { citations: Citation[] }).citations[0]!.releaseId).toBe(PANAMA);

    const stream = await client.chat.completions.create({ model: "oim-assistant", messages: [{ role: "user", content: QUESTION }], stream: true });
    let streamed = "";
    let finish: string | null = null;
    for await (const chunk of stream) {
      streamed += chunk.choices[0]?.delta.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(streamed).toBe(content);
    expect(finish).toBe("stop");

    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toContain("oim-assistant");
  });

  it("reports errors to the openai client", async () => {
    await expect(client.chat.completions.create({ model: "oim-assistant", messages: [{ role: "system", content: "only a system message" }] })).rejects.toMatchObject({
      status: 400,
    });
  });

  it("survives a client that disconnects mid-stream", async () => {
    const seen = await readThenAbort(`${server.url}/api/answer`, { question: QUESTION, stream: true }, /event: sources/);
    expect(seen).toContain("event: sources");
    // a client that drops the socket without reading anything
    await new Promise<void>((resolve) => {
      const url = new URL(`${server.url}/api/answer`);
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { "content-type": "application/json" } });
      req.on("error", () => resolve());
      req.end(JSON.stringify({ question: QUESTION, stream: true }), () => {
        req.destroy();
        resolve();
      });
    });
    const res = await postJson(`${server.url}/api/answer`, { question: QUESTION });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Answer).citations.length).toBeGreaterThan(0);
  });

  it.each([
    ["bad JSON", "{", {}, 400],
    ["an empty question", { question: "" }, {}, 400],
    ["k = 0", { question: QUESTION, k: 0 }, {}, 400],
    ["a body over 32 KiB", { question: QUESTION, pad: "x".repeat(40_000) }, {}, 413],
    ["a form body", "question=x", { "content-type": "application/x-www-form-urlencoded" }, 415],
  ])("answers %s with a 4xx JSON error", async (_what, body, headers, status) => {
    const res = await postJson(`${server.url}/api/answer`, body, headers);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/json");
    const err = (await res.json()) as { error: { code: string; message: string } };
    expect(err.error.message).not.toMatch(/\n\s+at /);
  });

  it("answers JSON 404 and 405", async () => {
    const missing = await fetch(`${server.url}/api/nope`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");
    const release = await fetch(`${server.url}/api/releases/..%2F..%2Fpackage.json`);
    expect(release.status).toBe(404);
    const wrong = await fetch(`${server.url}/api/answer`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe("method_not_allowed");
  });
});

/**
 * An OpenAI-compatible upstream whose mode each test sets: `answer` (a cited answer), `drip`
 * (streams forever), `hang` (never answers). Counts the upstream requests the server closed.
 */
async function startUpstream() {
  const state = { mode: "answer" as "answer" | "drip" | "hang", opened: 0, closed: 0 };
  const server = createServer((req, res) => {
    void (async () => {
      for await (const _ of req);
      state.opened++;
      res.on("close", () => state.closed++);
      if (state.mode === "hang") return;
      res.writeHead(200, { "content-type": "text/event-stream" });
      const send = (content: string) =>
        res.write(`data: ${JSON.stringify({ id: "up", object: "chat.completion.chunk", created: 1, model: "up", choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`);
      send("L'atelier est financé par le Fonds de l'OIM pour le développement [1].");
      if (state.mode === "answer") {
        res.end("data: [DONE]\n\n");
        return;
      }
      const timer = setInterval(() => send(" Encore."), 100);
      res.on("close", () => clearInterval(timer));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    state,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function waitUntil(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return check();
}

describe("HTTP API over a real server (LLM mode, slow upstream)", () => {
  let server: RunningServer;
  let upstream: Awaited<ReturnType<typeof startUpstream>>;

  beforeAll(async () => {
    upstream = await startUpstream();
    server = await startServer({
      env: { LLM_BASE_URL: upstream.url, LLM_MODEL: "up", LLM_API_KEY: "x", LLM_TIMEOUT_MS: "30000", REQUEST_TIMEOUT_MS: "1500" } as Partial<NodeJS.ProcessEnv> as NodeJS.ProcessEnv,
    });
  });

  afterAll(async () => {
    await server?.stop();
    await upstream?.close();
  });

  it.each([
    ["/api/answer", { question: QUESTION, stream: true }, /event: token/],
    ["/v1/chat/completions", { messages: [{ role: "user", content: QUESTION }], stream: true }, /"content":"L'atelier/],
  ])("stops generating when the client of %s goes away, and keeps serving", async (path, body, until) => {
    upstream.state.mode = "drip";
    const before = upstream.state.closed;
    const seen = await readThenAbort(`${server.url}${path}`, body, until);
    expect(seen).toMatch(until);
    // the server gave up its upstream request too
    expect(await waitUntil(() => upstream.state.closed > before, 5000)).toBe(true);
    upstream.state.mode = "answer";
    const res = await postJson(`${server.url}/api/answer`, { question: QUESTION });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Answer).mode).toBe("llm");
  });

  it("answers 504 when the answer takes longer than REQUEST_TIMEOUT_MS", async () => {
    upstream.state.mode = "hang";
    const res = await postJson(`${server.url}/api/answer`, { question: QUESTION });
    expect(res.status).toBe(504);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("timeout");
    // streaming: the stream is open already, so the timeout is an `error` event
    const streamed = await postJson(`${server.url}/api/answer`, { question: QUESTION, stream: true });
    expect(streamed.status).toBe(200);
    const events = parseSse(await streamed.text());
    expect(events[0]!.event).toBe("sources");
    expect(events.at(-1)!.event).toBe("error");
    expect(JSON.parse(events.at(-1)!.data)).toMatchObject({ code: "timeout" });
  });
});

/** One raw HTTP exchange (any method, a body sent slowly), for what fetch cannot send. */
function raw(input: { url: string; method: string; path: string; headers?: Record<string, string>; body?: string; stallMs?: number }): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(input.url);
    const req = httpRequest({ host: u.hostname, port: u.port, method: input.method, path: input.path, headers: input.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    if (input.body !== undefined) req.write(input.body);
    // a client that sends part of its body, then nothing: the request is left open
    if (input.stallMs === undefined) req.end();
  });
}

describe("HTTP API over a real server (hostile clients, two workers)", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      env: { LLM_BASE_URL: "", LLM_MODEL: "", LLM_API_KEY: "", RATE_LIMIT_PER_MINUTE: "3", REQUEST_TIMEOUT_MS: "1500", WEB_CONCURRENCY: "2" } as Partial<NodeJS.ProcessEnv> as NodeJS.ProcessEnv,
    });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("bounds the heap of each worker (WORKER_HEAP_MB, 320 MB by default), keeping a heap size of one's own", async () => {
    const workersOf = (pid: number) =>
      spawnSync("ps", ["--ppid", String(pid), "-o", "args="], { encoding: "utf8" })
        .stdout.trim()
        .split("\n")
        .filter((l) => l.includes("serve.mjs"));
    const workers = workersOf(server.pid);
    expect(workers).toHaveLength(2);
    for (const args of workers) expect(args).toContain("--max-old-space-size=320");
    // an invalid value falls back to 320; one's own size in NODE_OPTIONS (either spelling) is kept
    for (const [env, flag] of [
      [{ WORKER_HEAP_MB: "1e21" }, "--max-old-space-size=320"],
      [{ WORKER_HEAP_MB: "512" }, "--max-old-space-size=512"],
      [{ NODE_OPTIONS: "--max_old_space_size=1024" }, null],
    ] as const) {
      const other = await startServer({ indexDir: server.indexDir, env: { LLM_BASE_URL: "", LLM_MODEL: "", LLM_API_KEY: "", WEB_CONCURRENCY: "2", ...env } as Partial<NodeJS.ProcessEnv> as NodeJS.ProcessEnv });
      try {
        const args = workersOf(other.pid);
        expect(args, JSON.stringify(env)).toHaveLength(2);
        for (const a of args) {
          if (flag) expect(a).toContain(flag);
          else expect(a).not.toContain("max-old-space-size");
        }
        expect((await fetch(`${other.url}/api/health`)).status).toBe(200);
      } finally {
        await other.stop();
      }
    }
  }, 60_000);

  it("answers the documented JSON 405 to TRACE and other methods no route serves, JSON 400 to made-up ones", async () => {
    for (const method of ["TRACE", "PROPFIND"]) {
      const r = await raw({ url: server.url, method, path: "/api/answer" });
      expect(r.status, method).toBe(405);
      expect(String(r.headers["allow"])).toContain("POST");
      expect(errorSchema.parse(JSON.parse(r.body)).error.code).toBe("method_not_allowed");
    }
    const made = await raw({ url: server.url, method: "BREW", path: "/api/answer" });
    expect(made.status).toBe(400);
    expect(errorSchema.parse(JSON.parse(made.body)).error.code).toBe("bad_request");
  });

  it("cuts off a body that trickles in slower than REQUEST_TIMEOUT_MS", async () => {
    const t0 = Date.now();
    const r = await raw({
      url: server.url,
      method: "POST",
      path: "/api/answer",
      headers: { "content-type": "application/json", "content-length": "200" },
      body: '{"question": "Qui fin',
      stallMs: 60_000,
    });
    expect(r.status).toBe(504);
    expect(errorSchema.parse(JSON.parse(r.body)).error.code).toBe("timeout");
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it("limits a client whatever X-Forwarded-For says, in one bucket across the workers, naming the configured limit", async () => {
    const statuses: number[] = [];
    let message = "";
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.url}/api/answer`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `203.0.113.${i}` },
        body: JSON.stringify({ question: "Qui finance l'atelier de Panama ?" }),
      });
      statuses.push(res.status);
      if (res.status === 429) message = errorSchema.parse(await res.json()).error.message;
      else await res.arrayBuffer();
    }
    // the slow body above counted too: at most 3 in the minute
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(3);
    expect(statuses.at(-1)).toBe(429);
    expect(message).toMatch(/at most 3 per minute/);
  });
});
