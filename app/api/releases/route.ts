import { getEngine } from "@/lib/http/engine";
import { handle, json, methodNotAllowed } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/releases: `[{releaseId, title, location}]`, sorted by title. */
export const GET = handle(async () => {
  const { store } = await getEngine();
  return json(await store.releaseList());
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
