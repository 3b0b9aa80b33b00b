import { MODEL_ID, toOpenAIResponse } from "@/lib/http/openai";
import { json } from "@/lib/http/respond";
import { getRoute } from "@/lib/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Fixed creation time of the model entry (the assistant's first release). */
const CREATED = 1767225600;

/** GET /v1/models: the OpenAI-compatible list with the assistant's model. */
export const { GET, POST, PUT, PATCH, DELETE } = getRoute(
  () => json({ object: "list", data: [{ id: MODEL_ID, object: "model", created: CREATED, owned_by: "oim" }] }),
  toOpenAIResponse,
);
