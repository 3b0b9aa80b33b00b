import { config } from "@/lib/config";
import { getEngine } from "@/lib/http/engine";
import { handle, json, methodNotAllowed } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/health: index state and answer mode; 503 (with how to build an index) when none. */
export const GET = handle(async () => {
  const { index } = await getEngine();
  return json({
    status: "ok",
    releases: index.releases.size,
    chunks: index.chunks.length,
    embedder: index.manifest.embedder.id,
    mode: config().llm ? "llm" : "extractive",
    indexBuiltAt: index.manifest.builtAt,
  });
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
