import spec from "@/docs/openapi.json";
import { json, methodNotAllowed } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/openapi.json: the OpenAPI 3.1 description of the HTTP API (bundled at build time). */
export function GET(): Response {
  return json(spec, { headers: { "cache-control": "public, max-age=300" } });
}

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
