import { answerRequestSchema } from "@/lib/contract";
import { collectAnswer, prepareHttpAnswer } from "@/lib/http/answer";
import { readJson } from "@/lib/http/body";
import { checkRateLimit } from "@/lib/http/rate-limit";
import { handle, json, methodNotAllowed, parseWith } from "@/lib/http/respond";
import { answerEventStream, sseResponse } from "@/lib/http/sse";
import { requestDeadline } from "@/lib/http/timeout";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/answer: the Answer object, or server-sent events when streaming is asked for. */
export const POST = handle(async (request: Request) => {
  checkRateLimit(request);
  const body = parseWith(answerRequestSchema, await readJson(request));
  const stream = body.stream ?? (request.headers.get("accept") ?? "").includes("text/event-stream");
  const deadline = requestDeadline(request);
  let streaming = false;
  try {
    // retrieval before the response starts: errors keep their status codes
    const prepared = await prepareHttpAnswer({ question: body.question, history: body.history, k: body.k, signal: deadline.signal });
    if (stream) {
      streaming = true; // the stream releases the deadline when it closes
      return sseResponse(answerEventStream(prepared.events(), deadline));
    }
    return json(await collectAnswer(prepared, deadline.signal));
  } finally {
    if (!streaming) deadline.dispose();
  }
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
