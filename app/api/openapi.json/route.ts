import spec from "@/docs/openapi.json";
import { json } from "@/lib/http/respond";
import { getRoute } from "@/lib/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/openapi.json: the OpenAPI 3.1 description of the HTTP API (generated from lib/contract.ts, bundled at build time). */
export const { GET, POST, PUT, PATCH, DELETE } = getRoute(() => json(spec, { headers: { "cache-control": "public, max-age=300" } }));
