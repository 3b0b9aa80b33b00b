/** Browser-side calls to the assistant's HTTP API (see the contract), tolerant of payload wrappers. */

import type { Answer, AnswerEvent, Citation, Contacts, HistoryTurn, Suggestion } from "@/lib/types";
import { createSseParser } from "./sse";

export type ReleaseSummary = Suggestion;

export interface ReleaseDetail extends ReleaseSummary {
  source: string | null;
  text: string;
  contacts: Contacts | null;
}

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

async function errorFrom(response: Response): Promise<ApiError> {
  let code = `http_${response.status}`;
  let message = response.statusText || `HTTP ${response.status}`;
  try {
    const body: unknown = await response.json();
    const error = isRecord(body) && isRecord(body.error) ? body.error : null;
    if (error) {
      code = str(error.code) ?? code;
      message = str(error.message) ?? message;
    }
  } catch {
    // body was not JSON: keep the status text
  }
  return new ApiError(code, message, response.status);
}

async function getJson(url: string, signal?: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" }, signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError("network", "network", null);
  }
  if (!response.ok) throw await errorFrom(response);
  return response.json();
}

function toSummary(value: unknown): ReleaseSummary | null {
  if (!isRecord(value)) return null;
  const releaseId = str(value.releaseId);
  if (!releaseId) return null;
  return { releaseId, title: str(value.title) || releaseId, location: str(value.location) };
}

/** GET /api/releases: a list, or `{releases: [...]}`. */
export async function fetchReleases(signal?: AbortSignal): Promise<ReleaseSummary[]> {
  const body = await getJson("/api/releases", signal);
  const list = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body.releases) ? body.releases : [];
  return list.map(toSummary).filter((r): r is ReleaseSummary => r !== null);
}

/** GET /api/releases/:id: the release, or `{release: {...}}`. */
export async function fetchRelease(releaseId: string, signal?: AbortSignal): Promise<ReleaseDetail> {
  const body = await getJson(`/api/releases/${encodeURIComponent(releaseId)}`, signal);
  const raw = isRecord(body) && isRecord(body.release) ? body.release : body;
  const summary = toSummary(raw);
  if (!summary || !isRecord(raw)) throw new ApiError("bad_response", "bad_response", null);
  const contacts = isRecord(raw.contacts)
    ? {
        emails: Array.isArray(raw.contacts.emails) ? raw.contacts.emails.filter((e): e is string => typeof e === "string") : [],
        phones: Array.isArray(raw.contacts.phones) ? raw.contacts.phones.filter((p): p is string => typeof p === "string") : [],
      }
    : null;
  return { ...summary, source: str(raw.source), text: str(raw.text) ?? "", contacts };
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

function toCitations(data: unknown): Citation[] {
  const list = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.citations) ? data.citations : [];
  return list.filter((c): c is Citation => isRecord(c) && typeof c.n === "number" && typeof c.releaseId === "string");
}

function toAnswer(data: unknown): Answer | null {
  const raw = isRecord(data) && isRecord(data.answer) ? data.answer : data;
  if (!isRecord(raw) || typeof raw.answer !== "string") return null;
  const answer = raw as unknown as Answer;
  return { ...answer, citations: toCitations(answer.citations), abstained: answer.abstained === true };
}

/** Maps one server-sent event to an AnswerEvent; unknown events give null. */
export function toAnswerEvent(event: string, data: string): AnswerEvent | null {
  const payload = parseJson(data);
  switch (event) {
    case "sources":
      return { type: "sources", citations: toCitations(payload) };
    case "token": {
      const text = isRecord(payload) ? str(payload.text) : typeof payload === "string" ? payload : null;
      return text === null ? null : { type: "token", text };
    }
    case "done": {
      const answer = toAnswer(payload);
      return answer ? { type: "done", answer } : null;
    }
    case "error": {
      const error = isRecord(payload) && isRecord(payload.error) ? payload.error : payload;
      const code = isRecord(error) ? (str(error.code) ?? "error") : "error";
      const message = isRecord(error) ? (str(error.message) ?? "") : "";
      return { type: "error", code, message };
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
    const answer = toAnswer(await response.json());
    if (!answer) throw new ApiError("bad_response", "bad_response", response.status);
    onEvent({ type: "sources", citations: answer.citations });
    onEvent({ type: "done", answer });
    return;
  }

  const parser = createSseParser(({ event, data }) => {
    const mapped = toAnswerEvent(event, data);
    if (mapped) onEvent(mapped);
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(value);
    }
    parser.end();
  } catch (cause) {
    if (signal.aborted) throw cause;
    throw new ApiError("network", "network", null);
  } finally {
    reader.releaseLock();
  }
}
