/** Application errors: a code decides the HTTP status in one place. */
import type { ErrorCode } from "./contract";

export type { ErrorCode };

export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message, { cause: options.cause });
  }

  get status(): number {
    return statusOf(this.code);
  }
}

export function statusOf(code: ErrorCode): number {
  switch (code) {
    case "bad_request":
      return 400;
    case "not_found":
      return 404;
    case "method_not_allowed":
      return 405;
    case "payload_too_large":
      return 413;
    case "unsupported_media_type":
      return 415;
    case "rate_limited":
      return 429;
    case "index_unavailable":
    case "index_mismatch":
      return 503;
    case "timeout":
      return 504;
    case "internal":
      return 500;
  }
}

/** Turns any thrown value into a JSON error response; unknown errors never leak internals. */
export function toResponse(err: unknown, headers: Record<string, string> = {}): Response {
  const appErr =
    err instanceof AppError ? err : new AppError("internal", "Internal error. Please try again later.");
  if (!(err instanceof AppError)) console.error("[oim] unexpected error:", err);
  const h: Record<string, string> = { "content-type": "application/json; charset=utf-8", ...headers };
  if (appErr.options.retryAfterSeconds !== undefined) h["retry-after"] = String(appErr.options.retryAfterSeconds);
  return new Response(JSON.stringify({ error: { code: appErr.code, message: appErr.message } }), {
    status: appErr.status,
    headers: h,
  });
}
