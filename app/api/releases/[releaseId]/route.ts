import { AppError } from "@/lib/errors";
import { getEngine } from "@/lib/http/server-engine";
import { isReleaseId, releaseDetail } from "@/lib/http/releases";
import { json } from "@/lib/http/respond";
import { getRoute } from "@/lib/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/releases/:releaseId: metadata and cleaned text; 404 when unknown. */
export const { GET, POST, PUT, PATCH, DELETE } = getRoute(async (_request: Request, context: { params: Promise<{ releaseId: string }> }) => {
  const { releaseId } = await context.params;
  // the id is only ever a key of the store, never part of a path
  const release = isReleaseId(releaseId) ? (await (await getEngine()).store.releases([releaseId])).get(releaseId) : undefined;
  if (!release) throw new AppError("not_found", `No release with the id "${releaseId.slice(0, 200)}". List them with GET /api/releases.`);
  return json(releaseDetail(release));
});
