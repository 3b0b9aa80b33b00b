import { chatRequestSchema } from "@/lib/contract";
import { AppError } from "@/lib/errors";
import { collectAnswer, prepareHttpAnswer } from "@/lib/http/serve-answer";
import { completionMeta, completionResponse, completionStream, promptText, toOpenAIResponse, toQuestion } from "@/lib/http/openai";
import { json } from "@/lib/http/respond";
import { postRoute } from "@/lib/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /v1/chat/completions: OpenAI-compatible, with or without `stream`. */
export const { POST, GET, PUT, PATCH, DELETE } = postRoute({
  schema: chatRequestSchema,
  onError: toOpenAIResponse,
  run: async (body, { deadline }) => {
    const q = toQuestion(body);
    if ("error" in q) throw new AppError("bad_request", `Invalid request (${q.field}: ${q.error}).`);
    const prepared = await prepareHttpAnswer({ question: q.question, history: q.history, k: body.k, signal: deadline.signal });
    const meta = completionMeta();
    if (body.stream) return { stream: (d) => completionStream(prepared.events(), meta, d) };
    return json(completionResponse({ answer: await collectAnswer(prepared, deadline.signal), meta, promptText: promptText(body) }));
  },
});
