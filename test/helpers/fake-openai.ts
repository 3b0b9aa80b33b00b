import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the fake server does with one chat completion request. */
export type Script =
  /** Answers with these tokens (streamed one chunk each, or joined when not streaming). */
  | { tokens: string[]; delayMs?: number }
  /** Answers with this HTTP error status. */
  | { status: number; message?: string }
  /** Never answers (no headers, no body) until the client gives up or the server closes. */
  | { hang: true }
  /** Streams the first `breakAfter` tokens, then destroys the socket. */
  | { breakAfter: number; tokens?: string[]; delayMs?: number }
  /** Streams the first `stallAfter` tokens, then sends nothing more while keeping the socket open. */
  | { stallAfter: number; tokens?: string[]; delayMs?: number };

/** The JSON body of a chat completion request, as received. */
export interface ChatRequest {
  model?: string;
  stream?: boolean;
  messages: { role: string; content: unknown }[];
  [key: string]: unknown;
}

/**
 * Scripts consumed in order, or a function choosing one per request (`index` counts the requests
 * since the scripting was installed, from 0).
 */
export type Scripting = Script[] | ((body: ChatRequest, index: number) => Script);

export interface FakeOpenAI {
  /** Base of the server, e.g. `http://127.0.0.1:54321` (append `/v1` for OpenAI clients). */
  url: string;
  /** Bodies of the chat completion requests received, in order. */
  requests: ChatRequest[];
  /** Replaces the scripting for the next requests (restarting the request index at 0). */
  script(scripting: Scripting): void;
  /** Forgets the requests received. */
  reset(): void;
  close(): Promise<void>;
}

const FILLER = ["Réponse", " de", " test", "."];

/**
 * A small OpenAI-compatible chat server on 127.0.0.1 (free port) whose behaviour each test
 * scripts: streamed or whole answers, HTTP errors, hangs and broken connections.
 * Only `POST /v1/chat/completions` is served; any other route is a 404.
 */
export async function startFakeOpenAI(initial: Scripting = []): Promise<FakeOpenAI> {
  let scripting: Scripting = initial;
  const requests: ChatRequest[] = [];
  let count = 0;

  const next = (body: ChatRequest): Script => {
    const index = count++;
    if (typeof scripting === "function") return scripting(body, index);
    return scripting.shift() ?? { tokens: FILLER };
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== "POST" || !req.url?.startsWith("/v1/chat/completions")) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "not found", type: "invalid_request_error" } }));
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ChatRequest;
    requests.push(body);
    const script = next(body);

    if ("hang" in script) return; // the socket stays open until the client aborts or close()
    if ("status" in script) {
      res.writeHead(script.status, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: script.message ?? "scripted failure", type: "server_error" } }));
      return;
    }
    const tokens = script.tokens ?? FILLER;
    const limit = "breakAfter" in script ? script.breakAfter : "stallAfter" in script ? script.stallAfter : tokens.length;
    const id = `chatcmpl-fake-${requests.length}`;
    const created = Math.floor(Date.now() / 1000);
    const model = body.model ?? "fake";

    if (!body.stream) {
      if ("breakAfter" in script) {
        res.socket?.destroy();
        return;
      }
      if ("stallAfter" in script) return;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id,
          object: "chat.completion",
          created,
          model,
          choices: [{ index: 0, message: { role: "assistant", content: tokens.join("") }, finish_reason: "stop" }],
          usage: { prompt_tokens: 1, completion_tokens: tokens.length, total_tokens: 1 + tokens.length },
        }),
      );
      return;
    }

    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    const send = (choice: Record<string, unknown>) =>
      res.write(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, ...choice }] })}\n\n`);
    send({ delta: { role: "assistant", content: "" }, finish_reason: null });
    for (let i = 0; i < Math.min(limit, tokens.length); i++) {
      if (script.delayMs) await sleep(script.delayMs);
      if (res.destroyed) return;
      send({ delta: { content: tokens[i] }, finish_reason: null });
    }
    if ("breakAfter" in script) {
      // let the written chunks leave before cutting the connection mid-stream
      await sleep(20);
      res.socket?.destroy();
      return;
    }
    if ("stallAfter" in script) return; // open until the client aborts or close()
    send({ delta: {}, finish_reason: "stop" });
    res.end("data: [DONE]\n\n");
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(s) {
      scripting = s;
      count = 0;
    },
    reset() {
      requests.length = 0;
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

/** The text of the message with `role` in a received request ("" when absent). */
export function messageText(request: ChatRequest | undefined, role: string): string {
  const m = request?.messages.find((x) => x.role === role);
  if (!m) return "";
  if (typeof m.content === "string") return m.content;
  if (Array.isArray(m.content)) return m.content.map((p: { text?: string }) => p.text ?? "").join("");
  return "";
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
