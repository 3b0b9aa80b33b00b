import { AppError } from "@/lib/errors";
import { toOpenAIResponse } from "@/lib/http/openai";
import { handle } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Unknown /v1/* paths: a JSON 404 (OpenAI error shape) for every method. */
const notFound = handle(async (request: Request) => {
  throw new AppError("not_found", `No route at ${new URL(request.url).pathname}; this server offers /v1/chat/completions and /v1/models.`);
}, toOpenAIResponse);

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
