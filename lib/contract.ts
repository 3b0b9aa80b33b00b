/**
 * The wire contract: zod schemas of everything that crosses HTTP (requests, answers, stream
 * events, the OpenAI-compatible subset, errors) and its limits. Types are inferred from them;
 * `docs/openapi.json` is generated from them (`npm run openapi`). Pure: imports only zod.
 */
import { z } from "zod";

/** Limits of the API, the CLI and the chat UI. */
export const LIMITS = {
  /** Characters of a question, after trimming. */
  questionChars: 2000,
  /** Earlier turns of a conversation. */
  historyTurns: 20,
  /** Passages retrieved (`k`). */
  kMin: 1,
  kMax: 20,
  kDefault: 6,
  /** Bytes of a request body. */
  bodyBytes: 32 * 1024,
} as const;

const kSchema = z
  .number({ invalid_type_error: "must be an integer" })
  .int("must be an integer")
  .min(LIMITS.kMin, `must be from ${LIMITS.kMin} to ${LIMITS.kMax}`)
  .max(LIMITS.kMax, `must be from ${LIMITS.kMin} to ${LIMITS.kMax}`);

export const historyTurnSchema = z.object({
  role: z.enum(["user", "assistant"], { message: 'must be "user" or "assistant"' }),
  content: z.string({ invalid_type_error: "must be a string", required_error: "is required" }),
  citations: z
    .array(z.object({ n: z.number().int().min(1), releaseId: z.string().min(1).max(255) }), { invalid_type_error: "must be an array of {n, releaseId}" })
    .max(50)
    .optional()
    .describe("For an assistant turn: the releases its [n] markers cited (the chat sends them)"),
});

/** Body of POST /api/answer (unknown fields are ignored). */
export const answerRequestSchema = z.object(
  {
    question: z
      .string({ required_error: "is required", invalid_type_error: "must be a string" })
      .trim()
      .min(1, "must not be empty")
      .max(LIMITS.questionChars, `must be at most ${LIMITS.questionChars} characters`)
      .describe(`1–${LIMITS.questionChars} characters after trimming`),
    history: z
      .array(historyTurnSchema, { invalid_type_error: "must be an array of {role, content}" })
      .max(LIMITS.historyTurns, `must have at most ${LIMITS.historyTurns} turns`)
      .optional()
      .describe("Earlier turns, oldest first, for follow-up questions"),
    k: kSchema.optional().describe(`Passages retrieved (default ${LIMITS.kDefault})`),
    stream: z.boolean({ invalid_type_error: "must be a boolean" }).optional().describe("Server-sent events instead of one JSON object"),
  },
  { invalid_type_error: "must be a JSON object" },
);

export const citationSchema = z.object({
  n: z.number().int().min(1),
  releaseId: z.string(),
  title: z.string(),
  source: z.string().describe("File path relative to the input folder"),
  location: z.string().nullable(),
  passage: z.string().describe("The cited text, verbatim"),
  score: z.number().describe("Fused retrieval score of the passage, 0–1 (higher is better)"),
  supported: z.boolean().optional().describe("false when the cited passage does not back the claim"),
});

export const suggestionSchema = z.object({ releaseId: z.string(), title: z.string(), location: z.string().nullable() });

export const timingsSchema = z.object({ retrievalMs: z.number(), generationMs: z.number().optional(), totalMs: z.number() });

export const answerSchema = z.object({
  id: z.string().describe("Identifies the answer (for feedback)"),
  answer: z.string().describe("Text with [n] markers; every marker has a citation and every citation is cited"),
  citations: z.array(citationSchema).describe("Most relevant first; empty when abstained"),
  abstained: z.boolean(),
  mode: z.enum(["extractive", "llm"]),
  timings: timingsSchema,
  language: z.enum(["fr", "en"]).optional().describe("Language detected for the question"),
  suggestions: z.array(suggestionSchema).optional().describe("Closest releases when abstaining (never citations)"),
  warning: z.string().optional().describe("Set when the answer fell back (e.g. the LLM failed)"),
});

/** Data of each server-sent event of a streamed answer, by event name, in order. */
export const streamEventSchemas = {
  sources: z.object({ citations: z.array(citationSchema) }),
  token: z.object({ text: z.string() }),
  done: answerSchema,
  error: z.object({ code: z.string(), message: z.string() }),
} as const;

/** Body of POST /api/feedback. */
export const feedbackRequestSchema = z.object(
  {
    answerId: z.string({ required_error: "is required", invalid_type_error: "must be a string" }).min(1, "must not be empty").max(100, "is too long"),
    rating: z.enum(["up", "down"], { message: 'must be "up" or "down"' }),
    comment: z.string({ invalid_type_error: "must be a string" }).max(LIMITS.questionChars, `must be at most ${LIMITS.questionChars} characters`).optional(),
  },
  { invalid_type_error: "must be a JSON object" },
);

export const feedbackResponseSchema = z.object({ answerId: z.string(), rating: z.enum(["up", "down"]) });

export const errorCodes = [
  "bad_request",
  "not_found",
  "method_not_allowed",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "index_unavailable",
  "index_mismatch",
  "timeout",
  "internal",
] as const;

export const errorSchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    type: z.string().optional().describe("OpenAI-compatible routes only"),
  }),
});

export const healthSchema = z.object({
  status: z.literal("ok"),
  releases: z.number().int(),
  chunks: z.number().int(),
  embedder: z.string(),
  mode: z.enum(["extractive", "llm"]),
  store: z.enum(["embedded", "postgres"]),
  feedback: z.boolean().optional().describe("Whether POST /api/feedback is on (ANSWER_LOG_DAYS > 0)"),
  indexBuiltAt: z.string().optional(),
});

export const releaseSummarySchema = suggestionSchema;

export const contactsSchema = z.object({ emails: z.array(z.string()), phones: z.array(z.string()) });

export const releaseDetailSchema = releaseSummarySchema.extend({
  source: z.string(),
  contacts: contactsSchema,
  text: z.string().describe("Cleaned body, paragraphs separated by blank lines (the first 200,000 characters)"),
  truncated: z.boolean().optional().describe("true when the text was cut at 200,000 characters"),
});

// --- the OpenAI-compatible subset ---

const textPartSchema = z.object({ type: z.string(), text: z.string().optional() }).passthrough();

export const chatMessageSchema = z
  .object({
    role: z.enum(["system", "developer", "user", "assistant", "tool", "function"], {
      message: 'must be "system", "developer", "user", "assistant" or "tool"',
    }),
    content: z.union([z.string(), z.array(textPartSchema), z.null()], { message: "must be a string or an array of {type: 'text', text} parts" }).optional(),
  })
  .passthrough();

/** Body of POST /v1/chat/completions: OpenAI's request; fields the assistant does not use are ignored. */
export const chatRequestSchema = z
  .object({
    model: z.string().optional().describe("Ignored: there is one model"),
    messages: z.array(chatMessageSchema, { required_error: "is required", invalid_type_error: "must be an array" }).min(1, "must not be empty"),
    stream: z.boolean({ invalid_type_error: "must be a boolean" }).nullable().optional(),
    k: kSchema.optional().describe("Extension: passages retrieved"),
  })
  .passthrough();

/** The fields every completion object (whole or chunk) carries. */
const completionIdentity = { id: z.string(), created: z.number().int(), model: z.string() };

export const chatCompletionSchema = z.object({
  ...completionIdentity,
  object: z.literal("chat.completion"),
  choices: z.array(
    z.object({
      index: z.number().int(),
      message: z.object({ role: z.literal("assistant"), content: z.string() }),
      logprobs: z.null(),
      finish_reason: z.literal("stop"),
    }),
  ),
  usage: z
    .object({ prompt_tokens: z.number().int(), completion_tokens: z.number().int(), total_tokens: z.number().int() })
    .describe("Estimated (about four characters a token)"),
  citations: z.array(citationSchema),
});

export const chatCompletionChunkSchema = z.object({
  ...completionIdentity,
  object: z.literal("chat.completion.chunk"),
  choices: z.array(
    z.object({
      index: z.number().int(),
      delta: z.object({ role: z.literal("assistant").optional(), content: z.string().optional() }),
      logprobs: z.null(),
      finish_reason: z.literal("stop").nullable(),
    }),
  ),
});

export const modelListSchema = z.object({
  object: z.literal("list"),
  data: z.array(z.object({ id: z.string(), object: z.literal("model"), created: z.number().int(), owned_by: z.string() })),
});

export type AnswerRequest = z.infer<typeof answerRequestSchema>;
export type HistoryTurn = z.infer<typeof historyTurnSchema>;
export type Citation = z.infer<typeof citationSchema>;
export type Suggestion = z.infer<typeof suggestionSchema>;
export type Timings = z.infer<typeof timingsSchema>;
export type Answer = z.infer<typeof answerSchema>;
export type Contacts = z.infer<typeof contactsSchema>;
export type ErrorCode = (typeof errorCodes)[number];
export type Health = z.infer<typeof healthSchema>;
export type ReleaseSummary = z.infer<typeof releaseSummarySchema>;
export type ReleaseDetail = z.infer<typeof releaseDetailSchema>;
export type ChatRequest = z.infer<typeof chatRequestSchema>;
export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** Events of a streamed answer, in order: sources, token*, done (or error). */
export type AnswerEvent =
  | ({ type: "sources" } & z.infer<(typeof streamEventSchemas)["sources"]>)
  | ({ type: "token" } & z.infer<(typeof streamEventSchemas)["token"]>)
  | { type: "done"; answer: Answer }
  | ({ type: "error" } & z.infer<(typeof streamEventSchemas)["error"]>);
