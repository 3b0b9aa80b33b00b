import { z } from "zod";

export const MAX_QUESTION_CHARS = 2000;
export const MAX_HISTORY_TURNS = 20;

export const historyTurnSchema = z.object({
  role: z.enum(["user", "assistant"], { message: 'must be "user" or "assistant"' }),
  content: z.string({ invalid_type_error: "must be a string", required_error: "is required" }),
});

/** Body of POST /api/answer (unknown fields are ignored). */
export const answerRequestSchema = z.object({
  question: z
    .string({ required_error: "is required", invalid_type_error: "must be a string" })
    .trim()
    .min(1, "must not be empty")
    .max(MAX_QUESTION_CHARS, `must be at most ${MAX_QUESTION_CHARS} characters`),
  history: z
    .array(historyTurnSchema, { invalid_type_error: "must be an array of {role, content}" })
    .max(MAX_HISTORY_TURNS, `must have at most ${MAX_HISTORY_TURNS} turns`)
    .optional(),
  k: z
    .number({ invalid_type_error: "must be an integer" })
    .int("must be an integer")
    .min(1, "must be from 1 to 20")
    .max(20, "must be from 1 to 20")
    .optional(),
  stream: z.boolean({ invalid_type_error: "must be a boolean" }).optional(),
}, { invalid_type_error: "must be a JSON object" });

export type AnswerRequest = z.infer<typeof answerRequestSchema>;
