/**
 * The OpenAPI 3.1 description of the HTTP API, generated from the contract's zod schemas
 * (`npm run openapi` writes it to docs/openapi.json; a test checks the committed file).
 */
import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import * as c from "./contract";

extendZodWithOpenApi(z);

const ERRORS: Record<number, { description: string; headers?: ResponseConfig["headers"] }> = {
  400: { description: "Bad JSON or invalid fields (the message names them)" },
  404: { description: "Unknown release or route" },
  405: { description: "Method not allowed (see the Allow header)", headers: { Allow: { schema: { type: "string" } } } },
  413: { description: `Body over ${c.LIMITS.bodyBytes / 1024} KiB` },
  415: { description: "Body not declared as JSON" },
  429: { description: "Rate limited (see the Retry-After header)", headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait" } } },
  503: { description: "No index yet (the message says how to build one), or an index built with an unavailable embedder" },
  504: { description: "The answer took longer than REQUEST_TIMEOUT_MS" },
};

/** Builds the OpenAPI document (deterministic: the same contract gives the same text). */
export function openApiDocument(version: string): object {
  const registry = new OpenAPIRegistry();
  const schemas = {
    AnswerRequest: registry.register("AnswerRequest", c.answerRequestSchema),
    HistoryTurn: registry.register("HistoryTurn", c.historyTurnSchema),
    Citation: registry.register("Citation", c.citationSchema),
    Suggestion: registry.register("Suggestion", c.suggestionSchema),
    Answer: registry.register("Answer", c.answerSchema),
    ChatMessage: registry.register("ChatMessage", c.chatMessageSchema),
    ChatCompletionRequest: registry.register("ChatCompletionRequest", c.chatRequestSchema),
    ChatCompletion: registry.register("ChatCompletion", c.chatCompletionSchema),
    ChatCompletionChunk: registry.register("ChatCompletionChunk", c.chatCompletionChunkSchema),
    ModelList: registry.register("ModelList", c.modelListSchema),
    Health: registry.register("Health", c.healthSchema),
    ReleaseSummary: registry.register("ReleaseSummary", c.releaseSummarySchema),
    Release: registry.register("Release", c.releaseDetailSchema),
    Error: registry.register("Error", c.errorSchema),
    StreamSources: registry.register("StreamSources", c.streamEventSchemas.sources),
    StreamToken: registry.register("StreamToken", c.streamEventSchemas.token),
    StreamError: registry.register("StreamError", c.streamEventSchemas.error),
  };
  const errors = (...codes: number[]) =>
    Object.fromEntries(codes.map((code) => [String(code), { ...ERRORS[code]!, content: { "application/json": { schema: schemas.Error } } }]));
  const jsonBody = (schema: z.ZodTypeAny) => ({ required: true, content: { "application/json": { schema } } });

  registry.registerPath({
    method: "post",
    path: "/api/answer",
    operationId: "answer",
    summary: "Answer a question with citations",
    description:
      "Returns the Answer object, or server-sent events when `stream` is true or the `Accept` header asks for `text/event-stream` (an explicit `stream: false` wins over the header). " +
      "Events, in order: `sources` (StreamSources), `token` (StreamToken) repeated, `done` (the Answer object); `error` (StreamError) replaces `done` when the answer fails after the stream opened. " +
      "Rate limited per client (RATE_LIMIT_PER_MINUTE).",
    request: { body: jsonBody(schemas.AnswerRequest) },
    responses: {
      200: {
        description: "The answer",
        content: {
          "application/json": { schema: schemas.Answer },
          "text/event-stream": { schema: z.string().describe("event: sources / token / done / error, data: JSON") },
        },
      },
      ...errors(400, 405, 413, 415, 429, 503, 504),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/v1/chat/completions",
    operationId: "chatCompletions",
    summary: "OpenAI-compatible chat completion",
    description:
      `The last user message is the question; earlier user and assistant messages are the conversation (the last ${c.LIMITS.historyTurns}); system messages are ignored. ` +
      "The content is the answer followed by `\\n\\nSources:\\n[1] title — place (source)` lines (none when the assistant abstains). " +
      'With `stream: true`: `data: {ChatCompletionChunk}` lines (the role, then content deltas, the sources as the last delta, a chunk with `finish_reason: "stop"`), then `data: [DONE]`.',
    request: { body: jsonBody(schemas.ChatCompletionRequest) },
    responses: {
      200: {
        description: "The completion",
        content: { "application/json": { schema: schemas.ChatCompletion }, "text/event-stream": { schema: z.string().describe("data: ChatCompletionChunk lines, then data: [DONE]") } },
      },
      ...errors(400, 405, 413, 415, 429, 503, 504),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/feedback",
    operationId: "feedback",
    summary: "Rate an answer (thumbs up or down, optional comment)",
    description: "`answerId` is the `id` of an Answer. Answers are kept for ANSWER_LOG_DAYS days (0 turns feedback off). The last rating of an answer counts.",
    request: { body: jsonBody(registry.register("FeedbackRequest", c.feedbackRequestSchema)) },
    responses: {
      201: { description: "Recorded", content: { "application/json": { schema: c.feedbackResponseSchema } } },
      ...errors(400, 404, 405, 413, 415, 429),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/v1/models",
    operationId: "listModels",
    summary: "OpenAI-compatible model list",
    responses: { 200: { description: "The assistant's model", content: { "application/json": { schema: schemas.ModelList } } } },
  });
  registry.registerPath({
    method: "get",
    path: "/api/health",
    operationId: "health",
    summary: "Index state and answer mode",
    responses: { 200: { description: "Serving", content: { "application/json": { schema: schemas.Health } } }, ...errors(503) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/releases",
    operationId: "listReleases",
    summary: "The indexed releases, sorted by title",
    responses: { 200: { description: "The releases", content: { "application/json": { schema: z.array(schemas.ReleaseSummary) } } }, ...errors(503) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/releases/{releaseId}",
    operationId: "getRelease",
    summary: "One release: metadata and cleaned text",
    request: { params: z.object({ releaseId: z.string().describe("The release id, URL-encoded") }) },
    responses: { 200: { description: "The release", content: { "application/json": { schema: schemas.Release } } }, ...errors(404, 503) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/openapi.json",
    operationId: "openapi",
    summary: "This description",
    responses: { 200: { description: "OpenAPI 3.1", content: { "application/json": { schema: z.object({}).passthrough() } } } },
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "OIM assistant API",
      version,
      description:
        'Cited question answering over IOM (OIM) press releases. Every answer cites numbered passages of the releases; when the releases do not contain the answer, the assistant abstains. Errors are JSON `{"error": {"code", "message"}}` (the OpenAI-compatible routes add `type`). Bad input never gets a 5xx.',
    },
    servers: [{ url: "/" }],
  });
}
