import { existsSync } from "node:fs";
import { z } from "zod";
import type { LlmSettings } from "./answer/llm";
import { DEFAULT_MODELS_DIR } from "./embeddings/embedder";

/**
 * The only reader of `process.env`. Validated once, frozen.
 * Every error names the variable and how to fix it.
 */
const schema = z.object({
  INDEX_DIR: z.string().min(1).default("embeddings"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  MODELS_DIR: z.string().min(1).default(DEFAULT_MODELS_DIR),
  LLM_BASE_URL: z.string().url().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).default(30000),
  /** Requests per minute per client on the HTTP API; 0 disables the limit. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(60000),
  /** A PostgreSQL database (with pgvector) as the store of ingest, ask and the server, instead of INDEX_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  /** Days answers (question, answer, cited releases) are kept for feedback; 0 disables logging and feedback. */
  ANSWER_LOG_DAYS: z.coerce.number().int().min(0).default(30),
  /** Release files larger than this (bytes) are skipped by the ingest, with a warning. */
  RELEASE_MAX_BYTES: z.coerce.number().int().min(1024).default(5 * 1024 * 1024),
  /** Proxies in front of the server: a hop count, or their addresses (comma-separated); unset: none is trusted. */
  TRUST_PROXY: z.string().optional(),
  /** Server worker processes (set by scripts/serve.mjs); limits are shared out between them. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).default(1),
});

export type Config = Readonly<z.infer<typeof schema>> & {
  /** The OpenAI-compatible chat server the CLI and the server use; null for extractive answers. */
  readonly llm: LlmSettings | null;
};

/** Parses an environment object (defaults to `process.env`) into a frozen Config. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== "") cleaned[key] = value.trim();
  }
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `${i.path.join(".")}: ${i.message}`)
      .join("; ");
    throw new Error(`Invalid environment (${issues}). Fix the variable(s) or unset them; see .env.example.`);
  }
  const c = parsed.data;
  const llmVars = [c.LLM_BASE_URL, c.LLM_MODEL];
  if (llmVars.some(Boolean) && !llmVars.every(Boolean)) {
    throw new Error(
      "LLM is half configured: set both LLM_BASE_URL and LLM_MODEL (and LLM_API_KEY if the server needs one), or unset them for extractive answers.",
    );
  }
  const llm =
    c.LLM_BASE_URL && c.LLM_MODEL
      ? { baseUrl: c.LLM_BASE_URL, apiKey: c.LLM_API_KEY ?? "not-needed", model: c.LLM_MODEL, timeoutMs: c.LLM_TIMEOUT_MS }
      : null;
  return Object.freeze({ ...c, llm });
}

let cached: Config | undefined;

/**
 * The process configuration, validated on first use. A `.env` file in the working directory
 * is read first (variables already set win), as Next.js does for the server.
 */
export function config(): Config {
  if (!cached) {
    if (existsSync(".env")) process.loadEnvFile(".env");
    cached = loadConfig();
  }
  return cached;
}
