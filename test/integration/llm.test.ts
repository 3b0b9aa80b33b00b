import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { vi, afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { answer, answerStream, prepareAnswer, type AnswerInput } from "../../lib/answer/answer";
import { markersOf } from "../../lib/answer/citations";
import { TEXT } from "../../lib/answer/language";
import type { LlmSettings } from "../../lib/answer/llm";
import { NO_ANSWER, REWRITE_PROMPT, SYSTEM_PROMPT } from "../../lib/answer/prompt";
import { HashEmbedder } from "../../lib/embeddings/hash";
import { EngineHolder, type Engine } from "../../lib/engine";
import { ingest } from "../../lib/build/ingest";
import type { Answer, AnswerEvent, Citation } from "../../lib/types";
import { messageText, startFakeOpenAI, type ChatRequest, type FakeOpenAI, type Script } from "../helpers/fake-openai";

const RELEASES = fileURLToPath(new URL("../../data/releases", import.meta.url));
const PANAMA = "000_120eaf54a8d4fb0e";
const FUNDING = "Fonds de l'OIM pour le développement";
const QUESTION = "Qui a financé l'atelier régional de l'OIM au Panama ?";

let dir: string;
let engine: Engine;
let fake: FakeOpenAI;
let settings: LlmSettings;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "oim-llm-"));
  await ingest({ input: RELEASES, dir, embedder: new HashEmbedder(), warn: () => {} });
  engine = await new EngineHolder({ dir, modelsDir: join(dir, "models") }).get();
  fake = await startFakeOpenAI();
  settings = { baseUrl: `${fake.url}/v1`, apiKey: "test", model: "fake", timeoutMs: 2000 };
});

afterAll(async () => {
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  fake.reset();
  fake.script([]);
});

/** Runs the streamed answer to its end and sorts the events. */
async function collect(input: Partial<AnswerInput> & { question: string }) {
  const events: AnswerEvent[] = [];
  for await (const e of answerStream({ engine, llm: settings, ...input })) events.push(e);
  const tokens = events.filter((e): e is Extract<AnswerEvent, { type: "token" }> => e.type === "token").map((e) => e.text);
  const done = events.filter((e): e is Extract<AnswerEvent, { type: "done" }> => e.type === "done");
  const sources = events.find((e): e is Extract<AnswerEvent, { type: "sources" }> => e.type === "sources");
  return { events, tokens, done, sources: sources?.citations ?? [], final: done[0]?.answer };
}

/** Numbered sources as the model saw them in the user message. */
function promptSources(body: ChatRequest): { n: number; text: string }[] {
  const user = messageText(body, "user");
  return [...user.matchAll(/<source n="(\d+)"[^>\n]*>\n([\s\S]*?)\n<\/source>/g)].map((m) => ({ n: Number(m[1]), text: m[2]! }));
}

/** A script answering with `words(n)` split in small tokens, `n` being the source that holds `needle`. */
function citing(needle: string, words: (n: number) => string[]): (body: ChatRequest) => Script {
  return (body) => {
    const hit = promptSources(body).find((s) => s.text.includes(needle));
    if (!hit) throw new Error(`no source contains ${needle}`);
    return { tokens: words(hit.n) };
  };
}

const FUNDED = (n: number) =>
  ["L'atelier", " est", " financé", " par", " le", " Fonds", " de", " l'OIM", " pour", " le", " développement", " [", String(n), "]."];

function expectContract(a: Answer): void {
  const cited = markersOf(a.answer).sort((x, y) => x - y);
  expect(a.citations.map((c) => c.n).sort((x, y) => x - y)).toEqual(cited);
  if (a.abstained) expect(a.citations).toEqual([]);
}

describe("LLM answers through the OpenAI-compatible client", () => {
  it("streams a cited answer: sources first, tokens in order, only cited sources, supported", async () => {
    fake.script(citing(FUNDING, FUNDED));
    const { events, tokens, done, sources, final } = await collect({ question: QUESTION });

    expect(events[0]?.type).toBe("sources");
    expect(events.at(-1)?.type).toBe("done");
    expect(done).toHaveLength(1);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.map((s) => s.n)).toEqual(sources.map((_, i) => i + 1));

    expect(final?.mode).toBe("llm");
    expect(final?.abstained).toBe(false);
    expect(final?.warning).toBeUndefined();
    expect(final?.language).toBe("fr");
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.join("")).toBe(final?.answer);
    expect(final?.answer).toMatch(/^L'atelier est financé par le Fonds de l'OIM pour le développement \[\d\]\.$/);

    expect(final?.citations).toHaveLength(1);
    const c = final!.citations[0]!;
    expect(c.releaseId).toBe(PANAMA);
    expect(c.supported).toBe(true);
    expect(c.passage).toContain(FUNDING);
    expect(sources.find((s) => s.n === c.n)?.releaseId).toBe(PANAMA);
    expectContract(final!);
    expect(final!.timings.generationMs).toBeGreaterThanOrEqual(0);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.stream).toBe(true);
    expect(fake.requests[0]!.model).toBe("fake");
  });

  it("answer() returns the same Answer object as the done event", async () => {
    fake.script(citing(FUNDING, FUNDED));
    const a = await answer({ engine, llm: settings, question: QUESTION });
    expect(a.mode).toBe("llm");
    expect(a.citations.map((c) => c.releaseId)).toEqual([PANAMA]);
  });

  it("removes markers to sources that do not exist", async () => {
    let count = 0;
    fake.script((body) => {
      count = promptSources(body).length;
      const n = promptSources(body).find((s) => s.text.includes(FUNDING))!.n;
      return { tokens: ["L'atelier", " est", " financé", " par", " le", " Fonds", " de", " l'OIM", " pour", " le", " développement", ` [${n}]`, `[${count + 1}]`, "."] };
    });
    const { tokens, sources, final } = await collect({ question: QUESTION });
    expect(sources.length).toBe(count);
    expect(count).toBeLessThanOrEqual(6);
    // the stream shows only what stands: the unknown marker never goes out, and the tokens spell the final answer
    expect(tokens.join("")).not.toContain(`[${count + 1}]`);
    expect(final?.mode).toBe("llm");
    expect(final?.answer).not.toContain(`[${count + 1}]`);
    expect(tokens.join("")).toBe(final?.answer);
    expect(final?.answer).toMatch(/développement \[\d\]\.$/);
    expect(final?.citations.map((c) => c.releaseId)).toEqual([PANAMA]);
    expectContract(final!);
  });

  it("keeps several citations in relevance order and drops the uncited sources", async () => {
    fake.script((body) => {
      const src = promptSources(body);
      const [a, b] = [src.at(-1)!.n, src[0]!.n];
      return { tokens: [`Première phrase [${a}].`, ` Seconde phrase [${b}][${a}].`] };
    });
    const { sources, final } = await collect({ question: QUESTION });
    expect(final?.mode).toBe("llm");
    expect(final?.citations.map((c) => c.n)).toEqual([1, sources.length]);
    expectContract(final!);
  });

  it("marks a citation whose sentence its source does not support", async () => {
    fake.script([{ tokens: ["Le sommet", " a eu lieu", " sur la Lune", " [1]."] }]);
    const { final } = await collect({ question: QUESTION });
    expect(final?.mode).toBe("llm");
    expect(final?.answer).toBe("Le sommet a eu lieu sur la Lune [1].");
    expect(final?.citations).toEqual([expect.objectContaining({ n: 1, supported: false })]);
  });

  it("falls back to the extractive answer when the generated one cites nothing", async () => {
    fake.script([{ tokens: ["L'atelier", " a été financé", " par le Fonds."] }]);
    const { tokens, final } = await collect({ question: QUESTION });
    expect(tokens.join("")).not.toBe(""); // tokens went out before the check; done replaces them
    expect(final?.mode).toBe("extractive");
    expect(final?.warning).toBeTruthy();
    expectContract(final!);
  });
});

describe("abstaining", () => {
  const cases: { question: string; lang: "fr" | "en"; tokens: string[] }[] = [
    { question: "Qui a remporté la Coupe du monde de football en 2018 ?", lang: "fr", tokens: ["NO", "_ANS", "WER"] },
    { question: "Who won the football World Cup in 2018?", lang: "en", tokens: [NO_ANSWER] },
    { question: "Quel est le budget de l'atelier au Panama ?", lang: "fr", tokens: ["\n", " NO_", "ANSWER", "."] },
    { question: "What was the budget of the Panama workshop?", lang: "en", tokens: ["N", "O", "_", "A", "N", "S", "W", "E", "R"] },
  ];

  for (const c of cases) {
    it(`abstains in the question's language on ${JSON.stringify(c.tokens)} (${c.lang})`, async () => {
      fake.script([{ tokens: c.tokens }]);
      const { tokens, final } = await collect({ question: c.question });
      expect(fake.requests).toHaveLength(1);
      expect(final?.mode).toBe("llm");
      expect(final?.abstained).toBe(true);
      expect(final?.citations).toEqual([]);
      expect(final?.language).toBe(c.lang);
      expect(final?.answer).toBe(TEXT[c.lang].notFound);
      expect(final?.answer).not.toContain(NO_ANSWER);
      expect(tokens).toEqual([]);
      expect(final?.suggestions?.length).toBeGreaterThan(0);
    });
  }

  it("never streams a no-answer marker the model writes after other words", async () => {
    fake.script([{ tokens: ["Les sources", " ne le disent", " pas.", " NO", "_ANSWER"] }]);
    const { tokens, final } = await collect({ question: "Quel est le budget de l'atelier au Panama ?" });
    expect(tokens.join("")).not.toMatch(/NO_|ANSWER/);
    expect(final?.abstained).toBe(true);
    expect(final?.answer).toBe(TEXT.fr.notFound);
    expect(final?.citations).toEqual([]);
  });

  it("streams an answer that merely starts like the marker as soon as it cannot be one", async () => {
    fake.script([{ breakAfter: 3, tokens: ["N", "on", ",", " pas", " du", " tout", " [1]."] }]);
    const { tokens, final } = await collect({ question: QUESTION });
    // the stream broke before its end, yet its first tokens had already gone out
    expect(tokens.slice(0, 2).join("")).toBe("Non,");
    expect(final?.mode).toBe("extractive");
  });

  it("streams a normal answer from its first token", async () => {
    fake.script([{ breakAfter: 1, tokens: ["L'atelier", " est"] }]);
    const { tokens } = await collect({ question: QUESTION });
    expect(tokens[0]).toBe("L'atelier");
  });
});

describe("failures fall back to the extractive answer", () => {
  async function expectFallback(input: Partial<AnswerInput> = {}) {
    const { events, done, final } = await collect({ question: QUESTION, ...input });
    expect(events[0]?.type).toBe("sources");
    expect(done).toHaveLength(1);
    expect(events.some((e) => e.type === "error")).toBe(false);
    expect(final?.mode).toBe("extractive");
    expect(final?.warning).toMatch(/Le modèle de langage n'a pas répondu/);
    expect(final?.abstained).toBe(false);
    expect(final?.citations[0]?.releaseId).toBe(PANAMA);
    expectContract(final!);
    return final!;
  }

  it("on a server error", async () => {
    fake.script([{ status: 500 }]);
    await expectFallback();
    expect(fake.requests).toHaveLength(1); // no retries
  });

  it("on a timeout, within a few seconds", async () => {
    fake.script([{ hang: true }]);
    const t0 = performance.now();
    await expectFallback({ llm: { ...settings, timeoutMs: 300 } });
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it("on a connection cut mid-stream", async () => {
    fake.script([{ breakAfter: 2, tokens: ["L'atelier", " est", " financé", " [1]."] }]);
    const { tokens } = await collect({ question: QUESTION, llm: { ...settings } });
    expect(tokens.join("")).toBe("L'atelier est");
    fake.script([{ breakAfter: 2, tokens: ["L'atelier", " est", " financé", " [1]."] }]);
    await expectFallback();
  });

  it("on a server that stalls mid-stream, within a few seconds", async () => {
    fake.script([{ stallAfter: 2, tokens: ["L'atelier", " est", " financé", " [1]."] }]);
    const t0 = performance.now();
    const final = await expectFallback({ llm: { ...settings, timeoutMs: 300 } });
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(final.warning).toMatch(/Le modèle de langage n'a pas répondu/);
  });

  it("on an error of the LLM server, whose text (secrets, hosts) never reaches the client", async () => {
    const secret = "Bearer sk-live-0123456789abcdef at llm-internal.corp.example:8443";
    fake.script(() => ({ status: 401, message: secret }));
    const errors: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errors.push(args.join(" ")));
    try {
      const final = await expectFallback({ llm: { ...settings, apiKey: "sk-live-0123456789abcdef" } });
      expect(final.warning).toBe("Le modèle de langage n'a pas répondu ; réponse extractive à la place.");
      expect(JSON.stringify(final)).not.toMatch(/sk-live|llm-internal|Bearer/);
    } finally {
      spy.mockRestore();
    }
    const logged = errors.join("\n");
    expect(logged).toMatch(/LLM request failed/);
    expect(logged).not.toContain("0123456789abcdef");
  });

  it("not because the consumer is slower than the timeout", async () => {
    fake.script(citing(FUNDING, FUNDED));
    const events: AnswerEvent[] = [];
    for await (const e of answerStream({ engine, llm: { ...settings, timeoutMs: 300 }, question: QUESTION })) {
      events.push(e);
      if (e.type === "token" && events.length < 4) await new Promise((r) => setTimeout(r, 450));
    }
    const done = events.at(-1);
    expect(done?.type === "done" && done.answer.mode).toBe("llm");
  });

  it("on an unreachable server", async () => {
    const gone = await startFakeOpenAI();
    const url = gone.url;
    await gone.close();
    await expectFallback({ llm: { ...settings, baseUrl: `${url}/v1` } });
  });

  it("answer() never throws", async () => {
    fake.script([{ status: 500 }]);
    await expect(answer({ engine, llm: settings, question: QUESTION })).resolves.toMatchObject({ mode: "extractive" });
  });
});

describe("the prompt sent to the model", () => {
  it("has the rules as system message and the numbered, delimited sources then the question as user message", async () => {
    fake.script(citing(FUNDING, FUNDED));
    const { sources } = await collect({ question: QUESTION });
    const body = fake.requests[0]!;
    expect(body.messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(messageText(body, "system")).toBe(SYSTEM_PROMPT);
    const user = messageText(body, "user");
    expect(user.startsWith("<sources>\n")).toBe(true);
    expect(user).toContain(`<source n="1" title="`);
    expect(user.indexOf("</sources>")).toBeLessThan(user.indexOf(`Question: ${QUESTION}`));
    // the model sees exactly the sources the client receives, with the same numbers
    const seen = promptSources(body);
    expect(seen.map((s) => s.n)).toEqual(sources.map((s) => s.n));
    expect(seen.map((s) => s.text)).toEqual(sources.map((s: Citation) => s.passage));
  });

  it("passes k sources", async () => {
    fake.script(citing(FUNDING, FUNDED));
    const { sources } = await collect({ question: QUESTION, k: 3 });
    expect(sources).toHaveLength(3);
    expect(promptSources(fake.requests[0]!)).toHaveLength(3);
  });
});

describe("follow-up questions", () => {
  const history = [
    { role: "user" as const, content: "Quel atelier l'OIM a-t-elle organisé au Panama ?" },
    { role: "assistant" as const, content: "L'OIM a organisé un atelier régional sur la migration et les ODD au Panama [1]." },
  ];

  it("rewrites the question with the model first, then retrieves and answers with the rewrite", async () => {
    const standalone = "Qui a financé l'atelier régional de l'OIM sur la migration au Panama ?";
    fake.script((body, i) => (i === 0 ? { tokens: [standalone] } : citing(FUNDING, FUNDED)(body)));
    const { final } = await collect({ question: "Et qui l'a financé ?", history });

    expect(fake.requests).toHaveLength(2);
    const [rewrite, main] = fake.requests as [ChatRequest, ChatRequest];
    expect(messageText(rewrite, "system")).toBe(REWRITE_PROMPT);
    expect(messageText(rewrite, "user")).toContain("User: Quel atelier l'OIM a-t-elle organisé au Panama ?");
    expect(messageText(rewrite, "user")).toContain("Last question: Et qui l'a financé ?");
    expect(messageText(main, "user")).toContain(`Question: ${standalone}`);

    expect(final?.mode).toBe("llm");
    expect(final?.language).toBe("fr");
    expect(final?.citations.map((c) => c.releaseId)).toEqual([PANAMA]);
  });

  it("retrieves with the rewritten question, not the conversation", async () => {
    const standalone = "Quel accord l'OIM a-t-elle signé avec le Parlement d'Amérique latine au Costa Rica ?";
    fake.script((_, i) => (i === 0 ? { tokens: [standalone] } : { tokens: ["Un accord de coopération [1]."] }));
    const prepared = await prepareAnswer({ engine, llm: settings, question: "Et qui l'a financé ?", history });
    expect(prepared.retrieval.passages[0]?.releaseId).toBe("001_b45dd83a0103b98f");
  });

  it("keeps the original question when the rewrite fails", async () => {
    fake.script((body, i) => (i === 0 ? { status: 500 } : citing(FUNDING, FUNDED)(body)));
    const { final } = await collect({ question: "Et qui l'a financé ?", history });
    expect(fake.requests).toHaveLength(2);
    expect(messageText(fake.requests[1], "user")).toContain("Question: Et qui l'a financé ?");
    expect(final?.mode).toBe("llm");
    expect(final?.citations.map((c) => c.releaseId)).toEqual([PANAMA]);
  });

  it("answers in the language of the question, not of its rewrite", async () => {
    fake.script((body, i) => (i === 0 ? { tokens: ["Qui a financé l'atelier régional de l'OIM au Panama ?"] } : { tokens: [NO_ANSWER] }));
    const { final } = await collect({
      question: "And who funded it?",
      history: [{ role: "user", content: "What workshop did IOM organise in Panama?" }],
    });
    expect(final?.abstained).toBe(true);
    expect(final?.answer).toBe(TEXT.en.notFound);
  });
});

describe("the fake server", () => {
  it("answers without streaming too", async () => {
    fake.script([{ tokens: ["Bon", "jour"] }]);
    const res = await fetch(`${fake.url}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "fake", messages: [{ role: "user", content: "Salut" }] }),
    });
    const json = (await res.json()) as { object: string; choices: { message: { content: string } }[] };
    expect(json.object).toBe("chat.completion");
    expect(json.choices[0]?.message.content).toBe("Bonjour");
    expect(messageText(fake.requests[0], "user")).toBe("Salut");
  });
});

describe("abort", () => {
  it("stops the stream without throwing and without a done event", async () => {
    const tokens = Array.from({ length: 40 }, (_, i) => ` mot${i}`);
    fake.script([{ tokens: ["L'atelier", ...tokens, " [1]."], delayMs: 25 }]);
    const controller = new AbortController();
    const events: AnswerEvent[] = [];
    const t0 = performance.now();
    for await (const e of answerStream({ engine, llm: settings, question: QUESTION, signal: controller.signal })) {
      events.push(e);
      if (events.filter((x) => x.type === "token").length === 3) controller.abort();
    }
    expect(events[0]?.type).toBe("sources");
    expect(events.some((e) => e.type === "done")).toBe(false);
    expect(events.filter((e) => e.type === "token").length).toBeLessThan(10);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it("stops when the consumer leaves the loop", async () => {
    fake.script([{ tokens: ["L'atelier", " est", " financé", " [1]."], delayMs: 25 }]);
    const events: AnswerEvent[] = [];
    for await (const e of answerStream({ engine, llm: settings, question: QUESTION })) {
      events.push(e);
      if (e.type === "token") break;
    }
    expect(events.map((e) => e.type)).toEqual(["sources", "token"]);
  });
});
