import { checkRateLimit } from "@/lib/http/rate-limit";
import { collectAnswer, prepareHttpAnswer } from "@/lib/http/answer";
import { readJson } from "@/lib/http/body";
import { handle, json, methodNotAllowed, parseWith } from "@/lib/http/respond";
import { answerEventStream, sseResponse } from "@/lib/http/sse";
import { requestSignal } from "@/lib/http/timeout";
import { answerRequestSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/answer: the Answer object, or server-sent events when streaming is asked for. */
export const POST = handle(async (request: Request) => {
  checkRateLimit(request);
  const body = parseWith(answerRequestSchema, await readJson(request));
  const stream = body.stream ?? (request.headers.get("accept") ?? "").includes("text/event-stream");
  const signal = requestSignal(request);
  // retrieval before the response starts: errors keep their status codes
  const prepared = await prepareHttpAnswer({ question: body.question, history: body.history, k: body.k, signal });
  if (stream) return sseResponse(answerEventStream(prepared.events(), signal));
  return json(await collectAnswer(prepared.events(), signal));
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
