import { AppError } from "@/lib/errors";
import { collectAnswer, prepareHttpAnswer } from "@/lib/http/answer";
import { readJson } from "@/lib/http/body";
import { chatRequestSchema } from "@/lib/contract";
import { completionMeta, completionResponse, completionStream, promptText, toOpenAIResponse, toQuestion } from "@/lib/http/openai";
import { checkRateLimit } from "@/lib/http/rate-limit";
import { handle, json, methodNotAllowed, parseWith } from "@/lib/http/respond";
import { sseResponse } from "@/lib/http/sse";
import { requestDeadline } from "@/lib/http/timeout";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /v1/chat/completions: OpenAI-compatible, with or without `stream`. */
export const POST = handle(async (request: Request) => {
  checkRateLimit(request);
  const body = parseWith(chatRequestSchema, await readJson(request));
  const q = toQuestion(body);
  if ("error" in q) throw new AppError("bad_request", `Invalid request (${q.field}: ${q.error}).`);
  const deadline = requestDeadline(request);
  let streaming = false;
  try {
    const prepared = await prepareHttpAnswer({ question: q.question, history: q.history, k: body.k, signal: deadline.signal });
    const meta = completionMeta();
    if (body.stream) {
      streaming = true; // the stream releases the deadline when it closes
      return sseResponse(completionStream(prepared.events(), meta, deadline));
    }
    const answer = await collectAnswer(prepared, deadline.signal);
    return json(completionResponse({ answer, meta, promptText: promptText(body) }));
  } finally {
    if (!streaming) deadline.dispose();
  }
}, toOpenAIResponse);

const notAllowed = methodNotAllowed(["POST"], toOpenAIResponse);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
