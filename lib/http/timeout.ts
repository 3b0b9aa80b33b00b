import { config } from "../config";
import { AppError } from "../errors";

/** The abort signal of one request's work, and how to release its timer. */
export interface Deadline {
  /** Aborted when the client goes away or when the timeout has passed. */
  signal: AbortSignal;
  /** Clears the timer and the listener on the request; call when the response is complete. */
  dispose(): void;
}

/**
 * The deadline a request's work should honour: REQUEST_TIMEOUT_MS, or the client leaving.
 * Built from a plain timer rather than `AbortSignal.any([.., AbortSignal.timeout()])`: on
 * Node 20 a garbage collection before the timeout can keep such a signal from ever firing.
 */
export function requestDeadline(request: Request, timeoutMs: number = config().REQUEST_TIMEOUT_MS): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException("The request timed out.", "TimeoutError")), timeoutMs);
  timer.unref?.();
  const onClientAbort = () => controller.abort(request.signal.reason);
  if (request.signal.aborted) onClientAbort();
  else request.signal.addEventListener("abort", onClientAbort, { once: true });
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      request.signal.removeEventListener("abort", onClientAbort);
    },
  };
}

/** Whether a signal was aborted by its timeout (rather than by the client). */
export function timedOut(signal: AbortSignal): boolean {
  return signal.aborted && (signal.reason as { name?: string } | undefined)?.name === "TimeoutError";
}

/** The error for work stopped by a signal: `timeout` (504) or a client abort. */
export function abortError(signal: AbortSignal): AppError {
  return timedOut(signal)
    ? new AppError("timeout", "The answer took too long. Please try again, or ask a shorter question.")
    : new AppError("bad_request", "The request was aborted by the client.");
}

/** Settles like `promise`, or rejects with `abortError` as soon as `signal` aborts. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(abortError(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
