import { MODEL_ID, toOpenAIResponse } from "@/lib/http/openai";
import { json, methodNotAllowed } from "@/lib/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Fixed creation time of the model entry (the assistant's first release). */
const CREATED = 1767225600;

/** GET /v1/models: the OpenAI-compatible list with the assistant's model. */
export function GET(): Response {
  return json({ object: "list", data: [{ id: MODEL_ID, object: "model", created: CREATED, owned_by: "oim" }] });
}

const notAllowed = methodNotAllowed(["GET"], toOpenAIResponse);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
