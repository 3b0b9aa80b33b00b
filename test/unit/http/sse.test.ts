import { describe, expect, it } from "vitest";
import { AppError } from "../../../lib/errors";
import { answerEventStream, eventStream, sseEvent } from "../../../lib/http/sse";
import type { Answer, AnswerEvent } from "../../../lib/types";

const ANSWER: Answer = { id: "a_test", answer: "Oui [1].", citations: [], abstained: false, mode: "extractive", timings: { retrievalMs: 1, totalMs: 2 } };

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("eventStream", () => {
  it("frames every item, then the tail, and calls onClose once", async () => {
    let closed = 0;
    async function* items() {
      yield 1;
      yield 2;
    }
    const out = await text(eventStream(items(), { frame: (n) => `data: ${n}\n\n`, errorFrame: () => "x", tail: "data: [DONE]\n\n", onClose: () => closed++ }));
    expect(out).toBe("data: 1\n\ndata: 2\n\ndata: [DONE]\n\n");
    expect(closed).toBe(1);
  });

  it("turns a failure after the start into an error frame, without internals", async () => {
    async function* items() {
      yield 1;
      throw new Error("secret internals");
    }
    const out = await text(eventStream(items(), { frame: (n) => `data: ${n}\n\n`, errorFrame: (e) => sseEvent("error", { code: e.code, message: e.message }) }));
    expect(out).toContain("event: error");
    expect(out).toContain('"code":"internal"');
    expect(out).not.toContain("secret internals");
  });

  it("stops the generator when the client cancels", async () => {
    let finalized = false;
    let produced = 0;
    async function* items() {
      try {
        for (;;) {
          produced++;
          yield produced;
          await new Promise((r) => setTimeout(r, 5));
        }
      } finally {
        finalized = true;
      }
    }
    const reader = eventStream(items(), { frame: (n) => `data: ${n}\n\n`, errorFrame: () => "" }).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 20));
    expect(finalized).toBe(true);
    const after = produced;
    await new Promise((r) => setTimeout(r, 30));
    expect(produced).toBe(after);
  });

  it("ends with a timeout error when the deadline passes during a stuck step", async () => {
    const controller = new AbortController();
    async function* items(): AsyncGenerator<number> {
      yield 1;
      await new Promise(() => {}); // never settles
    }
    setTimeout(() => controller.abort(new DOMException("late", "TimeoutError")), 20);
    const out = await text(eventStream(items(), { frame: (n) => `data: ${n}\n\n`, errorFrame: (e) => sseEvent("error", { code: e.code }), signal: controller.signal }));
    expect(out).toBe('data: 1\n\nevent: error\ndata: {"code":"timeout"}\n\n');
  });
});

describe("answerEventStream", () => {
  it("writes the contract's events", async () => {
    async function* events(): AsyncGenerator<AnswerEvent> {
      yield { type: "sources", citations: [] };
      yield { type: "token", text: "Oui " };
      yield { type: "done", answer: ANSWER };
    }
    const out = await text(answerEventStream(events()));
    expect(out).toBe(
      `event: sources\ndata: {"citations":[]}\n\nevent: token\ndata: {"text":"Oui "}\n\nevent: done\ndata: ${JSON.stringify(ANSWER)}\n\n`,
    );
  });

  it("reports an end without a result as an error event", async () => {
    async function* events(): AsyncGenerator<AnswerEvent> {
      yield { type: "sources", citations: [] };
    }
    const out = await text(answerEventStream(events()));
    expect(out).toMatch(/event: error\ndata: \{"code":"internal","message":".+"\}\n\n$/);
  });

  it("keeps an AppError's code", async () => {
    async function* events(): AsyncGenerator<AnswerEvent> {
      yield { type: "sources", citations: [] };
      throw new AppError("index_unavailable", "gone");
    }
    expect(await text(answerEventStream(events()))).toContain('data: {"code":"index_unavailable","message":"gone"}');
  });
});
