import type { ZodError } from "zod";
import { AppError, toResponse } from "../errors";

/** A JSON response that caches nowhere (answers and index state change). */
export function json(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(data, { status: init.status ?? 200, headers: { "cache-control": "no-store", ...init.headers } });
}

/**
 * Wraps a route handler so that every thrown value becomes the contract's JSON error
 * (AppError → its status; anything else → a logged, generic 500).
 */
export function handle<A extends unknown[]>(
  fn: (request: Request, ...rest: A) => Promise<Response>,
  onError: (err: unknown) => Response | Promise<Response> = toResponse,
) {
  return async (request: Request, ...rest: A): Promise<Response> => {
    try {
      return await fn(request, ...rest);
    } catch (err) {
      return onError(err);
    }
  };
}

/** A handler answering 405 with the `Allow` header, for the methods a route does not serve. */
export function methodNotAllowed(allow: string[], onError: (err: unknown, headers?: Record<string, string>) => Response | Promise<Response> = toResponse) {
  return async (request: Request): Promise<Response> =>
    onError(new AppError("method_not_allowed", `${request.method} is not allowed here; use ${allow.join(" or ")}.`), { allow: allow.join(", ") });
}

/** A 400 naming the fields a zod schema rejected. */
export function badFields(error: ZodError): AppError {
  const what = error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join(".") : "body"}: ${i.message}`)
    .join("; ");
  return new AppError("bad_request", `Invalid request (${what}).`);
}

/** Parses `value` with a zod schema, or throws a 400 naming the fields. */
export function parseWith<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: ZodError } }, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw badFields(r.error);
  return r.data;
}
