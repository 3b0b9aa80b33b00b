import { LIMITS } from "../contract";
import { AppError } from "../errors";
import { abortError } from "./timeout";

/** Whether a content-type header names JSON (`application/json` or `application/*+json`). */
export function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const type = header.split(";")[0]!.trim().toLowerCase();
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

/**
 * Reads a JSON request body: 415 when it is not declared as JSON, 413 when it is larger than
 * `limit` bytes (by its content-length header and by the bytes actually received, since the
 * header may be missing or lie), 400 when it is empty, not UTF-8 or not valid JSON.
 */
export async function readJson(request: Request, limit: number = LIMITS.bodyBytes, signal?: AbortSignal): Promise<unknown> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    throw new AppError("unsupported_media_type", "The request body must be JSON: send the header Content-Type: application/json.");
  }
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  const bytes = await readAtMost(request, limit, signal);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("bad_request", "The request body is not valid UTF-8.");
  }
  if (text.trim() === "") throw new AppError("bad_request", "The request body is empty: send a JSON object.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
}

/** The body's bytes, at most `limit`; a body still arriving when `signal` aborts is cancelled (slow clients hold nothing). */
async function readAtMost(request: Request, limit: number, signal?: AbortSignal): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const stop = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener("abort", stop, { once: true });
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal?.aborted) throw abortError(signal);
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(limit);
      }
      parts.push(value);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError("bad_request", "The request body could not be read.", { cause: err });
  } finally {
    signal?.removeEventListener("abort", stop);
    reader.releaseLock();
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.byteLength;
  }
  return out;
}

function tooLarge(limit: number): AppError {
  return new AppError("payload_too_large", `The request body is larger than ${Math.round(limit / 1024)} KiB.`);
}
