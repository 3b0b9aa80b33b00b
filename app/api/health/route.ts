import { config } from "@/lib/config";
import { getEngine } from "@/lib/http/engine";
import { handle, json, methodNotAllowed } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/health: index state and answer mode; 503 (with how to build an index) when none. */
export const GET = handle(async () => {
  const info = await (await getEngine()).store.info();
  return json({
    status: "ok",
    releases: info.releases,
    chunks: info.chunks,
    embedder: info.embedder.id,
    mode: config().llm ? "llm" : "extractive",
    store: info.kind,
    indexBuiltAt: info.builtAt,
  });
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
