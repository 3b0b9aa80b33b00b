import { z } from "zod";
import type { HistoryTurn } from "@/lib/types";

const MAX_QUESTION_CHARS = 2000;
const MAX_HISTORY_TURNS = 20;

const textPart = z.object({ type: z.string(), text: z.string().optional() }).passthrough();

const messageSchema = z
  .object({
    role: z.enum(["system", "developer", "user", "assistant", "tool", "function"], {
      message: 'must be "system", "developer", "user", "assistant" or "tool"',
    }),
    content: z.union([z.string(), z.array(textPart), z.null()], { message: "must be a string or an array of {type: 'text', text} parts" }).optional(),
  })
  .passthrough();

/** Body of POST /v1/chat/completions: OpenAI's request; fields the assistant does not use are ignored. */
export const chatRequestSchema = z
  .object({
    model: z.string().optional(),
    messages: z.array(messageSchema, { required_error: "is required", invalid_type_error: "must be an array" }).min(1, "must not be empty"),
    stream: z.boolean({ invalid_type_error: "must be a boolean" }).nullable().optional(),
    /** Extension: passages retrieved, 1–20. */
    k: z.number().int().min(1).max(20).optional(),
  })
  .passthrough();

export type ChatRequest = z.infer<typeof chatRequestSchema>;

function textOf(content: z.infer<typeof messageSchema>["content"]): string {
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
  if (question.length > MAX_QUESTION_CHARS) return { field: `messages.${last}.content`, error: `must be at most ${MAX_QUESTION_CHARS} characters` };
  const history: HistoryTurn[] = [];
  for (const m of messages.slice(0, last)) {
    if (m.role !== "user" && m.role !== "assistant") continue;
    const content = textOf(m.content).trim();
    if (content) history.push({ role: m.role, content });
  }
  return { question, history: history.slice(-MAX_HISTORY_TURNS) };
}

/** All message texts, for the rough prompt token count. */
export function promptText(request: ChatRequest): string {
  return request.messages.map((m) => textOf(m.content)).join("\n");
}
