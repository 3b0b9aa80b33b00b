import { getEngine } from "@/lib/http/server-engine";
import { json } from "@/lib/http/respond";
import { getRoute } from "@/lib/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/releases: `[{releaseId, title, location}]`, sorted by title. */
export const { GET, POST, PUT, PATCH, DELETE } = getRoute(async () => json(await (await getEngine()).store.releaseList()));
