import { config } from "../config";
import { AppError } from "../errors";

/**
 * The signal a request's work should honour: aborted when the client goes away or when
 * REQUEST_TIMEOUT_MS has passed.
 */
export function requestSignal(request: Request, timeoutMs: number = config().REQUEST_TIMEOUT_MS): AbortSignal {
  return AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]);
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
  if (signal.aborted) return Promise.reject(abortError(signal));
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
        reject(e);
      },
    );
  });
}
