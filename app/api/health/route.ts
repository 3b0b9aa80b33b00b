import { config } from "@/lib/config";
import { getEngine } from "@/lib/http/server-engine";
import { json } from "@/lib/http/respond";
import { getRoute } from "@/lib/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/health: index state and answer mode; 503 (with how to build an index) when none. */
export const { GET, POST, PUT, PATCH, DELETE } = getRoute(async () => {
  const info = await (await getEngine()).store.info();
  const mode = config().llm ? "llm" : "extractive";
  const feedback = config().ANSWER_LOG_DAYS > 0;
  return json({ status: "ok", releases: info.releases, chunks: info.chunks, embedder: info.embedder.id, mode, store: info.kind, feedback, indexBuiltAt: info.builtAt });
});
