import { answerRequestSchema } from "@/lib/contract";
import { collectAnswer, prepareHttpAnswer } from "@/lib/http/serve-answer";
import { json } from "@/lib/http/respond";
import { postRoute } from "@/lib/http/route";
import { answerEventStream } from "@/lib/http/sse";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/answer: the Answer object, or server-sent events when streaming is asked for. */
export const { POST, GET, PUT, PATCH, DELETE } = postRoute({
  schema: answerRequestSchema,
  run: async (body, { request, deadline }) => {
    const stream = body.stream ?? (request.headers.get("accept") ?? "").includes("text/event-stream");
    // retrieval before the response starts: errors keep their status codes
    const prepared = await prepareHttpAnswer({ question: body.question, history: body.history, k: body.k, signal: deadline.signal });
    if (stream) return { stream: (d) => answerEventStream(prepared.events(), d) };
    return json(await collectAnswer(prepared, deadline.signal));
  },
});
