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

/** Streams the text of a completion, token by token. */
export async function* streamChat(input: {
  model: ChatOpenAI;
  system: string;
  user: string;
  signal?: AbortSignal;
}): AsyncGenerator<string> {
  const stream = await input.model.stream([new SystemMessage(input.system), new HumanMessage(input.user)], {
    signal: input.signal,
  });
  for await (const chunk of stream) {
    const text = typeof chunk.content === "string" ? chunk.content : chunk.content.map((p) => ("text" in p ? p.text : "")).join("");
    if (text) yield text;
  }
}

/** One whole completion (used for the short standalone-question rewrite). */
export async function completeChat(input: { model: ChatOpenAI; system: string; user: string; signal?: AbortSignal }): Promise<string> {
  let out = "";
  for await (const t of streamChat(input)) out += t;
  return out.trim();
}
