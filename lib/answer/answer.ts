import { randomUUID } from "node:crypto";
import { LIMITS } from "../contract";
import type { Engine } from "../engine";
import { detectLanguage } from "../text/analyze";
import { retrieve, type Retrieval } from "../retrieve/retrieve";
import type { FusionWeights } from "../retrieve/fusion";
import type { Store } from "../store/store";
import type { Concept } from "../text/query";
import type { Answer, AnswerEvent, Citation, HistoryTurn } from "../types";
import { checkedPrefix, verifyCitations } from "./citations";
import { informativeWeight, type IdfOf } from "./coverage";
import { extractiveAnswer, type Candidates, type ExtractiveAnswer } from "./extractive";
import { TEXT } from "./language";
import { TextCache } from "./text-cache";
import { redactSecrets } from "../utils/redact";
import { chatModel, completeChat, streamChat, type LlmSettings } from "./llm";
import { NO_ANSWER, REWRITE_PROMPT, rewritePrompt, SYSTEM_PROMPT, userPrompt } from "./prompt";

export interface AnswerInput {
  engine: Engine;
  question: string;
  history?: HistoryTurn[];
  /** Passages retrieved (and given to the LLM): 1–20, default 6. */
  k?: number;
  /** OpenAI-compatible chat server; extractive answers without it. */
  llm?: LlmSettings | null;
  signal?: AbortSignal;
  /** Weights of the retrieval's fused lists (default: those of the embedder). */
  fusion?: FusionWeights;
  /** Receives the extractive candidate sentences, best first (to fit and inspect the scorer). */
  onCandidates?: (candidates: Candidates) => void;
}

/** Retrieval done, generation pending: lets a server answer errors before opening a stream. */
export interface PreparedAnswer {
  retrieval: Retrieval;
  /** Events: `sources`, then `token`s, then `done`. Never throws for LLM failures (falls back). */
  events(): AsyncGenerator<AnswerEvent>;
  /** The whole answer when nothing is left to generate (extractive), so callers need no events. */
  ready?: () => Answer;
}

/** Retrieves the passages for a question (rewriting a follow-up with the LLM when one is set). */
export async function prepareAnswer(input: AnswerInput): Promise<PreparedAnswer> {
  const t0 = performance.now();
  const history = (input.history ?? []).slice(-LIMITS.historyTurns);
  const k = input.k ?? LIMITS.kDefault;
  let question = input.question.trim();
  let rewritten = false;
  if (input.llm && history.length > 0) {
    try {
      const model = chatModel({ ...input.llm, timeoutMs: Math.min(input.llm.timeoutMs, 15000) });
      const standalone = await completeChat({ model, system: REWRITE_PROMPT, user: rewritePrompt({ question, history }), signal: input.signal });
      if (standalone && standalone.length < 500 && !standalone.includes(NO_ANSWER)) {
        question = standalone;
        rewritten = true;
      }
    } catch {
      // the heuristic follow-up handling of retrieve() still applies
    }
  }
  const { store } = input.engine;
  const retrieval = await retrieve({
    store,
    embedder: input.engine.embedder,
    question,
    history: rewritten ? [] : history,
    k: Math.max(k, 6),
    fusion: input.fusion,
  });
  // answer in the language of the question asked, not of its rewrite
  if (rewritten) retrieval.query.language = detectLanguage(input.question);
  const retrievalMs = performance.now() - t0;
  const [{ idf, releases }, cache] = await Promise.all([idfOf(store, [...retrieval.query.concepts, ...retrieval.query.contextConcepts]), cacheFor(store)]);
  const extractive = extractiveAnswer({
    query: retrieval.query,
    passages: retrieval.passages,
    idf,
    informative: informativeWeight(releases),
    releaseText: (id) => retrieval.releases.get(id)?.text ?? "",
    focus: retrieval.focus,
    cache,
    onCandidates: input.onCandidates,
  });
  const timings = (gen?: number) => ({
    retrievalMs: round(retrievalMs),
    ...(gen !== undefined ? { generationMs: round(gen) } : {}),
    totalMs: round(performance.now() - t0),
  });
  // one id per answer (feedback refers to it)
  const id = `a_${randomUUID().replace(/-/g, "").slice(0, 20)}`;
  const finish = (a: ExtractiveAnswer | Omit<Answer, "timings" | "id">, gen?: number): Answer => ({ ...a, id, timings: timings(gen) });

  async function* extractiveEvents(warning?: string): AsyncGenerator<AnswerEvent> {
    yield { type: "sources", citations: extractive.citations };
    for (const piece of pieces(extractive.answer)) yield { type: "token", text: piece };
    yield { type: "done", answer: finish(warning ? { ...extractive, warning } : extractive) };
  }

  async function* llmEvents(llm: LlmSettings): AsyncGenerator<AnswerEvent> {
    const sources: Citation[] = retrieval.passages.slice(0, k).map((p, i) => ({
      n: i + 1,
      releaseId: p.releaseId,
      title: p.title,
      source: p.source,
      location: p.location,
      passage: p.text,
      score: round(p.fusedScore, 3),
    }));
    yield { type: "sources", citations: sources };
    const g0 = performance.now();
    const valid = new Set(sources.map((s) => s.n));
    let text = "";
    // what the tokens sent so far spell: always the start of the checked answer
    let shown = "";
    try {
      const model = chatModel(llm);
      for await (const token of streamChat({ model, system: SYSTEM_PROMPT, user: userPrompt({ question, sources }), signal: input.signal })) {
        text += token;
        // once the model writes the no-answer marker, nothing more goes out: `done` abstains
        if (text.includes(NO_ANSWER)) continue;
        // hold back an ending that may be the start of the no-answer marker, and unchecked citation markers
        const visible = checkedPrefix(text.slice(0, text.length - markerPrefixAtEnd(text)), valid);
        if (visible.length > shown.length && visible.startsWith(shown)) {
          yield { type: "token", text: visible.slice(shown.length) };
          shown = visible;
        }
      }
    } catch (err) {
      if (input.signal?.aborted) return;
      const t = TEXT[retrieval.query.language];
      // the LLM server's own words (its errors may hold keys and host names) go to the log only
      console.error(`[oim] LLM request failed: ${redactSecrets(String((err as Error).message ?? err), [llm.apiKey]).slice(0, 500)}`);
      yield { type: "done", answer: finish({ ...extractive, warning: t.llmFailed }) };
      return;
    }
    const genMs = performance.now() - g0;
    if (text.includes(NO_ANSWER) || text.trim() === "") {
      const t = TEXT[retrieval.query.language];
      const suggestions = extractive.suggestions ?? sources.slice(0, 3).map(({ releaseId, title, location }) => ({ releaseId, title, location }));
      yield { type: "done", answer: finish({ answer: t.notFound, citations: [], abstained: true, mode: "llm", language: retrieval.query.language, suggestions }, genMs) };
      return;
    }
    const verified = verifyCitations({ text, sources });
    if (verified.citations.length === 0) {
      // an answer without any valid citation cannot be trusted: quote the releases instead
      yield { type: "done", answer: finish({ ...extractive, warning: "The generated answer cited no source; extractive answer instead." }, genMs) };
      return;
    }
    if (verified.text.startsWith(shown) && verified.text.length > shown.length) yield { type: "token", text: verified.text.slice(shown.length) };
    yield {
      type: "done",
      answer: finish(
        {
          answer: verified.text,
          citations: verified.citations,
          abstained: false,
          mode: "llm",
          language: retrieval.query.language,
          ...(verified.uncited.length ? { warning: TEXT[retrieval.query.language].uncited } : {}),
        },
        genMs,
      ),
    };
  }

  const skipLlm = !input.llm || (extractive.abstained && retrieval.passages.length === 0);
  return {
    retrieval,
    events: () => (skipLlm || !input.llm ? extractiveEvents() : llmEvents(input.llm)),
    ...(skipLlm || !input.llm ? { ready: () => finish(extractive) } : {}),
  };
}

/** Streams an answer: `sources`, `token`s, `done`. */
export async function* answerStream(input: AnswerInput): AsyncGenerator<AnswerEvent> {
  const prepared = await prepareAnswer(input);
  yield* prepared.events();
}

/** Answers a question with citations (the Answer object of the contract). */
export async function answer(input: AnswerInput): Promise<Answer> {
  for await (const event of answerStream(input)) if (event.type === "done") return event.answer;
  throw new Error("answer stream ended without a result");
}

/** Length of the longest ending of `text` that is a proper start of the no-answer marker. */
function markerPrefixAtEnd(text: string): number {
  for (let n = Math.min(NO_ANSWER.length - 1, text.length); n > 0; n--) if (NO_ANSWER.startsWith(text.slice(-n))) return n;
  return 0;
}

/** Inverse release frequency of the concepts' stems (smoothed; unknown terms weigh most), and the number of releases. */
async function idfOf(store: Store, concepts: Concept[]): Promise<{ idf: IdfOf; releases: number }> {
  const { releases: n, df } = await store.documentFrequencies(concepts.flatMap((c) => c.stems));
  const idf = (stem: string) => {
    const d = df.get(stem) ?? 0;
    return Math.log(1 + (n - d + 0.5) / (d + 0.5));
  };
  return { idf, releases: n };
}

const caches = new WeakMap<Store, { generation: string; cache: TextCache }>();

/** The analysis memo of a store, started afresh whenever its content changes. */
async function cacheFor(store: Store): Promise<TextCache> {
  const { generation } = await store.info();
  let entry = caches.get(store);
  if (!entry || entry.generation !== generation) {
    entry = { generation, cache: new TextCache() };
    caches.set(store, entry);
  }
  return entry.cache;
}

/** Splits a text into small pieces (words with their spaces) for streaming. */
function pieces(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
