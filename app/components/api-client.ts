/** Browser-side calls to the assistant's HTTP API, parsed with the contract's schemas. */

import { createParser } from "eventsource-parser";
import type { z } from "zod";
import {
  answerSchema,
  errorSchema,
  feedbackResponseSchema,
  healthSchema,
  releaseDetailSchema,
  releaseSummarySchema,
  streamEventSchemas,
  type AnswerEvent,
  type FeedbackRequest,
  type Health,
  type HistoryTurn,
  type ReleaseDetail,
  type ReleaseSummary,
} from "@/lib/contract";

export type { ReleaseDetail, ReleaseSummary };

/** An error the server (or the network) reported, with a message fit for people. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly code: string,
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = errorSchema.safeParse(body);
  return parsed.success
    ? new ApiError(parsed.data.error.code, parsed.data.error.message, response.status)
    : new ApiError(`http_${response.status}`, response.statusText || `HTTP ${response.status}`, response.status);
}

/** A response body checked against its schema; anything else is a `bad_response`. */
function checked<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, body: unknown, status: number | null): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError("bad_response", "bad_response", status);
  return parsed.data;
}

async function getJson<T>(url: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" }, signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError("network", "network", null);
  }
  if (!response.ok) throw await errorFrom(response);
  return checked(schema, await response.json().catch(() => null), response.status);
}

const releaseListSchema = releaseSummarySchema.array();

/** GET /api/releases. */
export function fetchReleases(signal?: AbortSignal): Promise<ReleaseSummary[]> {
  return getJson("/api/releases", releaseListSchema, signal);
}

/** GET /api/releases/:id. */
export function fetchRelease(releaseId: string, signal?: AbortSignal): Promise<ReleaseDetail> {
  return getJson(`/api/releases/${encodeURIComponent(releaseId)}`, releaseDetailSchema, signal);
}

/** GET /api/health. */
export function fetchHealth(signal?: AbortSignal): Promise<Health> {
  return getJson("/api/health", healthSchema, signal);
}

/** POST /api/feedback. */
export async function sendFeedback(body: FeedbackRequest): Promise<void> {
  let response: Response;
  try {
    response = await fetch("/api/feedback", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    throw new ApiError("network", "network", null);
  }
  if (!response.ok) throw await errorFrom(response);
  checked(feedbackResponseSchema, await response.json().catch(() => null), response.status);
}

/** Maps one server-sent event to an AnswerEvent; unknown events and malformed data give null. */
export function toAnswerEvent(event: string, data: string): AnswerEvent | null {
  let payload: unknown;
  try {
    payload = JSON.parse(data);
  } catch {
    return null;
  }
  switch (event) {
    case "sources": {
      const r = streamEventSchemas.sources.safeParse(payload);
      return r.success ? { type: "sources", ...r.data } : null;
    }
    case "token": {
      const r = streamEventSchemas.token.safeParse(payload);
      return r.success ? { type: "token", ...r.data } : null;
    }
    case "done": {
      const r = streamEventSchemas.done.safeParse(payload);
      return r.success ? { type: "done", answer: r.data } : null;
    }
    case "error": {
      const r = streamEventSchemas.error.safeParse(payload);
      return r.success ? { type: "error", ...r.data } : null;
    }
    default:
      return null;
  }
}

/**
 * POST /api/answer with `stream: true`, calling `onEvent` as events arrive. Resolves when the
 * body ends; throws ApiError for non-2xx responses and network failures, and the abort error
 * when `signal` is aborted.
 */
export async function streamAnswer(input: {
  question: string;
  history: HistoryTurn[];
  signal: AbortSignal;
  onEvent: (event: AnswerEvent) => void;
}): Promise<void> {
  const { question, history, signal, onEvent } = input;
  let response: Response;
  try {
    response = await fetch("/api/answer", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
      body: JSON.stringify({ question, history, stream: true }),
      signal,
    });
  } catch (cause) {
    if (signal.aborted) throw cause;
    throw new ApiError("network", "network", null);
  }
  if (!response.ok) throw await errorFrom(response);

  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("text/event-stream") || !response.body) {
    // a server that ignored `stream` answers with the Answer object itself
    const answer = checked(answerSchema, await response.json().catch(() => null), response.status);
    onEvent({ type: "sources", citations: answer.citations });
    onEvent({ type: "done", answer });
    return;
  }

  const parser = createParser({
    onEvent: ({ event, data }) => {
      const mapped = toAnswerEvent(event ?? "message", data);
      if (mapped) onEvent(mapped);
    },
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(value);
    }
    parser.reset();
  } catch (cause) {
    if (signal.aborted) throw cause;
    throw new ApiError("network", "network", null);
  } finally {
    reader.releaseLock();
  }
}
