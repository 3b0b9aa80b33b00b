import { feedbackRequestSchema } from "@/lib/contract";
import { AppError } from "@/lib/errors";
import { answerLog } from "@/lib/http/answer-log";
import { json } from "@/lib/http/respond";
import { postRoute } from "@/lib/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/feedback: a thumbs up or down (with an optional comment) on an answer; 201, or 404 for an unknown answer. */
export const { POST, GET, PUT, PATCH, DELETE } = postRoute({
  schema: feedbackRequestSchema,
  run: async (body) => {
    const log = answerLog();
    if (!log) throw new AppError("not_found", "Feedback is turned off on this server (ANSWER_LOG_DAYS=0).");
    const found = await log.rate({ answerId: body.answerId, rating: body.rating, comment: body.comment?.trim() || undefined, at: new Date().toISOString() });
    if (!found) throw new AppError("not_found", `No answer with the id "${body.answerId.slice(0, 100)}" (answers are kept for ANSWER_LOG_DAYS days).`);
    return json({ answerId: body.answerId, rating: body.rating }, { status: 201 });
  },
});
