import type { z } from "zod";
import { toResponse } from "../errors";
import { readJson } from "./body";
import { checkRateLimit } from "./rate-limit";
import { handle, methodNotAllowed, parseWith } from "./respond";
import { sseResponse } from "./sse";
import { requestDeadline, untilAborted, type Deadline } from "./timeout";

type OnError = (err: unknown, headers?: Record<string, string>) => Response | Promise<Response>;

/** A server-sent event body to open once the work before it succeeded; it releases the deadline when it closes. */
export interface StreamBody {
  stream: (deadline: Deadline) => ReadableStream<Uint8Array>;
}

export interface PostContext {
  request: Request;
  deadline: Deadline;
}

type Handler = (request: Request) => Promise<Response>;
type Handlers = Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Handler>;

/**
 * A rate-limited POST route with a JSON body checked by `schema` and a request deadline: `run`
 * returns a JSON Response, or a StreamBody (so that failures before the stream keep their real
 * status codes). Other methods get 405 with `Allow`; every error goes through `onError` (the
 * contract's JSON error by default).
 */
export function postRoute<T>(input: { schema: z.ZodType<T, z.ZodTypeDef, unknown>; run: (body: T, ctx: PostContext) => Promise<Response | StreamBody>; onError?: OnError }): Handlers {
  const onError = input.onError ?? toResponse;
  const POST = handle(async (request: Request) => {
    checkRateLimit(request);
    // the deadline covers reading the body too: a body trickled in slowly is cut off (504)
    const deadline = requestDeadline(request);
    let streaming = false;
    try {
      const body = parseWith(input.schema, await untilAborted(readJson(request, undefined, deadline.signal), deadline.signal));
      const out = await input.run(body, { request, deadline });
      if (out instanceof Response) return out;
      streaming = true; // the stream releases the deadline when it closes
      return sseResponse(out.stream(deadline));
    } finally {
      if (!streaming) deadline.dispose();
    }
  }, onError);
  const notAllowed = methodNotAllowed(["POST"], onError);
  return { POST, GET: notAllowed, PUT: notAllowed, PATCH: notAllowed, DELETE: notAllowed };
}

/** A GET route; other methods get 405 with `Allow`. */
export function getRoute<A extends unknown[]>(
  run: (request: Request, ...rest: A) => Promise<Response> | Response,
  onError: OnError = toResponse,
): { GET: (request: Request, ...rest: A) => Promise<Response> } & Record<"POST" | "PUT" | "PATCH" | "DELETE", Handler> {
  const GET = handle(async (request: Request, ...rest: A) => run(request, ...rest), onError);
  const notAllowed = methodNotAllowed(["GET"], onError);
  return { GET, POST: notAllowed, PUT: notAllowed, PATCH: notAllowed, DELETE: notAllowed };
}
