import { randomUUID } from "node:crypto";
import { AppError, toResponse } from "../errors";
import { LIMITS, type ChatMessage, type ChatRequest } from "../contract";
import type { Answer, AnswerEvent, Citation, HistoryTurn } from "../types";
import { eventStream, sseData } from "./sse";
import { abortError, type Deadline } from "./timeout";

/** The model id the OpenAI-compatible endpoints announce. */
export const MODEL_ID = "oim-assistant";

/** "Sources:" block listing the citations: `[n] title — place (source)`; empty when none. */
export function sourcesText(citations: Citation[]): string {
  if (citations.length === 0) return "";
  const lines = citations.map((c) => `[${c.n}] ${c.title}${c.location ? ` — ${c.location}` : ""} (${c.source})`);
  return `\n\nSources:\n${lines.join("\n")}`;
}

/** What ends the content of a completion: the sources, or for an abstention the closest releases. */
export function answerFooter(answer: Answer): string {
  if (answer.citations.length > 0) return sourcesText(answer.citations);
  const closest = answer.suggestions ?? [];
  if (closest.length === 0) return "";
  const heading = answer.language === "en" ? "Closest releases:" : "Communiqués les plus proches :";
  return `\n\n${heading}\n${closest.map((s) => `- ${s.title}${s.location ? ` — ${s.location}` : ""} (${s.releaseId})`).join("\n")}`;
}

/** A rough token count (about four characters a token) for the `usage` block. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export interface CompletionMeta {
  id: string;
  created: number;
  model: string;
}

/** Identity of one completion. */
export function completionMeta(): CompletionMeta {
  return { id: `chatcmpl-${randomUUID().replace(/-/g, "")}`, created: Math.floor(Date.now() / 1000), model: MODEL_ID };
}

/** The `chat.completion` object for an answer; the content ends with the numbered sources. */
export function completionResponse(input: { answer: Answer; meta: CompletionMeta; promptText: string }) {
  const content = input.answer.answer + answerFooter(input.answer);
  const prompt = estimateTokens(input.promptText);
  const completion = estimateTokens(content);
  return {
    ...input.meta,
    object: "chat.completion" as const,
    choices: [{ index: 0, message: { role: "assistant" as const, content }, logprobs: null, finish_reason: "stop" as const }],
    usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
    citations: input.answer.citations,
  };
}

function chunk(meta: CompletionMeta, delta: { role?: "assistant"; content?: string }, finish: "stop" | null = null) {
  return { ...meta, object: "chat.completion.chunk", choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] };
}

/**
 * The answer events as `chat.completion.chunk`s: the role, the text as it comes, the sources
 * as a last content delta, a chunk with `finish_reason: "stop"`, then `data: [DONE]`. The
 * final answer can differ from the streamed text (an LLM answer whose markers were checked,
 * or a fallback): the missing end is sent, or the final answer after a blank line.
 */
export function completionStream(events: AsyncGenerator<AnswerEvent>, meta: CompletionMeta, deadline?: Deadline): ReadableStream<Uint8Array> {
  const signal = deadline?.signal;
  async function* chunks() {
    yield chunk(meta, { role: "assistant", content: "" });
    let streamed = "";
    for await (const e of events) {
      if (e.type === "token") {
        streamed += e.text;
        yield chunk(meta, { content: e.text });
      } else if (e.type === "done") {
        const final = e.answer.answer;
        const rest = final.startsWith(streamed) ? final.slice(streamed.length) : `\n\n${final}`;
        const tail = rest + answerFooter(e.answer);
        if (tail) yield chunk(meta, { content: tail });
        yield chunk(meta, {}, "stop");
        return;
      } else if (e.type === "error") {
        throw new AppError("internal", e.message);
      }
    }
    throw signal?.aborted ? abortError(signal) : new AppError("internal", "The answer ended without a result. Please try again.");
  }
  return eventStream(chunks(), {
    frame: (c) => sseData(c),
    errorFrame: (err) => sseData({ error: openAIError(err) }),
    tail: sseData("[DONE]"),
    signal,
    onClose: () => deadline?.dispose(),
  });
}

function errorType(status: number): string {
  if (status === 429) return "rate_limit_error";
  if (status >= 500) return "server_error";
  return "invalid_request_error";
}

function openAIError(err: AppError) {
  return { message: err.message, type: errorType(err.status), code: err.code, param: null };
}

/**
 * The contract's error response with OpenAI's fields added: `{error: {code, message, type}}`,
 * so that both kinds of client understand it. Status mapping stays in `toResponse`.
 */
export async function toOpenAIResponse(err: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const res = toResponse(err, headers);
  const body = (await res.json()) as { error: { code: string; message: string } };
  return new Response(JSON.stringify({ error: { ...body.error, type: errorType(res.status), param: null } }), {
    status: res.status,
    headers: res.headers,
  });
}

function textOf(content: ChatMessage["content"]): string {
  if (typeof content === "string") return content;
  if (!content) return "";
  return content
    .filter((p) => p.type === "text" && typeof p.text === "string")
    .map((p) => p.text)
    .join("\n");
}

/**
 * The question (the last user message) and the history (earlier user and assistant messages,
 * the last 20); system messages are ignored: the assistant has its own instructions.
 * Returns a field error message instead when there is no usable question.
 */
export function toQuestion(request: ChatRequest): { question: string; history: HistoryTurn[] } | { field: string; error: string } {
  const { messages } = request;
  let last = -1;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]!.role === "user") {
      last = i;
      break;
    }
  }
  if (last < 0) return { field: "messages", error: "must contain a user message (the question)" };
  const question = textOf(messages[last]!.content).trim();
  if (!question) return { field: `messages.${last}.content`, error: "must not be empty" };
  if (question.length > LIMITS.questionChars) return { field: `messages.${last}.content`, error: `must be at most ${LIMITS.questionChars} characters` };
  const history: HistoryTurn[] = [];
  for (const m of messages.slice(0, last)) {
    if (m.role !== "user" && m.role !== "assistant") continue;
    const content = textOf(m.content).trim();
    if (content) history.push({ role: m.role, content });
  }
  return { question, history: history.slice(-LIMITS.historyTurns) };
}

/** All message texts, for the rough prompt token count. */
export function promptText(request: ChatRequest): string {
  return request.messages.map((m) => textOf(m.content)).join("\n");
}
