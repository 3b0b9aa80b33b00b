import { ChatOpenAI } from "@langchain/openai";
import { HumanMessage, SystemMessage } from "@langchain/core/messages";

export interface LlmSettings {
  baseUrl: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
}

/** An OpenAI-compatible chat model (OpenAI, Ollama, vLLM, llama.cpp) through LangChain. */
export function chatModel(settings: LlmSettings): ChatOpenAI {
  return new ChatOpenAI({
    model: settings.model,
    apiKey: settings.apiKey,
    configuration: { baseURL: settings.baseUrl },
    temperature: 0,
    maxRetries: 0,
    timeout: settings.timeoutMs,
    streaming: true,
  });
}

/** Thrown when the chat server sends nothing for longer than the model's timeout. */
export class LlmTimeoutError extends Error {
  override readonly name = "LlmTimeoutError";
}

/**
 * Streams the text of a completion, token by token. The model's `timeout` also bounds every
 * wait for the next chunk: the client's own timeout stops at the response headers, so a server
 * stalling mid-stream would otherwise hang the answer.
 */
export async function* streamChat(input: {
  model: ChatOpenAI;
  system: string;
  user: string;
  signal?: AbortSignal;
}): AsyncGenerator<string> {
  const idleMs = input.model.timeout;
  const controller = new AbortController();
  const onAbort = () => controller.abort(input.signal?.reason);
  if (input.signal?.aborted) onAbort();
  input.signal?.addEventListener("abort", onAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  let finished = false;
  const arm = () => {
    clearTimeout(timer);
    if (idleMs) {
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, idleMs);
    }
  };
  try {
    arm();
    const stream = await input.model.stream([new SystemMessage(input.system), new HumanMessage(input.user)], {
      signal: controller.signal,
    });
    for await (const chunk of stream) {
      const text = typeof chunk.content === "string" ? chunk.content : chunk.content.map((p) => ("text" in p ? p.text : "")).join("");
      if (!text) continue;
      // the wait for our consumer is not the server's
      clearTimeout(timer);
      yield text;
      arm();
    }
    finished = true;
  } catch (err) {
    finished = true;
    if (timedOut && !input.signal?.aborted) throw new LlmTimeoutError(`no response from the model within ${idleMs} ms`, { cause: err });
    throw err;
  } finally {
    clearTimeout(timer);
    input.signal?.removeEventListener("abort", onAbort);
    // the consumer left early: close the request instead of letting the model run on
    if (!finished) controller.abort();
  }
}

/** One whole completion (used for the short standalone-question rewrite). */
export async function completeChat(input: { model: ChatOpenAI; system: string; user: string; signal?: AbortSignal }): Promise<string> {
  let out = "";
  for await (const t of streamChat(input)) out += t;
  return out.trim();
}
