import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Unknown /api/* paths: a JSON 404 for every method. */
const notFound = handle(async (request: Request) => {
  throw new AppError("not_found", `No API route at ${new URL(request.url).pathname}. See GET /api/openapi.json.`);
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as HEAD, notFound as OPTIONS };
