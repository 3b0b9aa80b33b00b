import { AppError } from "../errors";
import type { AnswerEvent } from "../types";
import { abortError, type Deadline } from "./timeout";

/** One server-sent event: `event: <name>\ndata: <json>\n\n`. */
export function sseEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A data-only server-sent event (the OpenAI stream format). */
export function sseData(data: unknown): string {
  return `data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;
}

export interface EventStreamOptions<T> {
  /** Wire text of one item (one or more events); empty to send nothing. */
  frame: (item: T) => string;
  /** Wire text telling the client that the source failed after the stream opened. */
  errorFrame: (err: AppError) => string;
  /** Wire text after the last item (e.g. `data: [DONE]`). */
  tail?: string;
  /** Stops reading the source when aborted (client gone, timeout). */
  signal?: AbortSignal;
  /** Called once when the stream ends, fails or is cancelled. */
  onClose?: () => void;
}

/**
 * Turns an async generator into an event-stream body. Pulls one item per read, so a slow
 * client slows the producer down; when the client disconnects (cancel) or `signal` aborts,
 * the generator is stopped with `return()`, which runs its `finally` blocks. A failure after
 * the stream opened becomes an error frame: the status line has already been sent.
 */
export function eventStream<T>(source: AsyncGenerator<T>, options: EventStreamOptions<T>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const { signal } = options;
  // one listener for the whole stream; each step races it, so a stuck step cannot outlive the deadline
  const aborted = signal
    ? new Promise<never>((_, reject) => {
        if (signal.aborted) reject(abortError(signal));
        else signal.addEventListener("abort", () => reject(abortError(signal)), { once: true });
      })
    : null;
  aborted?.catch(() => undefined);
  let finished = false;
  const finish = () => {
    if (finished) return false;
    finished = true;
    // not awaited: a generator stuck in a step only runs its return() after that step
    source.return(undefined).catch(() => undefined);
    options.onClose?.();
    return true;
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let end = false;
      try {
        const next = aborted ? await Promise.race([source.next(), aborted]) : await source.next();
        if (finished) return;
        if (next.done) {
          end = true;
          if (options.tail) controller.enqueue(encoder.encode(options.tail));
          return;
        }
        const text = options.frame(next.value);
        if (text) controller.enqueue(encoder.encode(text));
      } catch (err) {
        end = true;
        if (finished) return;
        const appErr = asAppError(err, signal);
        if (appErr.code === "internal") console.error("[oim] stream failed:", err);
        try {
          controller.enqueue(encoder.encode(options.errorFrame(appErr)));
        } catch {
          // the client is gone already
        }
      } finally {
        if (end && finish()) {
          try {
            controller.close();
          } catch {
            // cancelled meanwhile
          }
        }
      }
    },
    cancel() {
      finish();
    },
  });
}

function asAppError(err: unknown, signal?: AbortSignal): AppError {
  if (err instanceof AppError) return err;
  if (signal?.aborted) return abortError(signal);
  return new AppError("internal", "The answer failed. Please try again later.");
}

/** The answer events as the contract's server-sent events (`sources`, `token`, `done`, `error`). */
export function answerEventStream(events: AsyncGenerator<AnswerEvent>, deadline?: Deadline): ReadableStream<Uint8Array> {
  const signal = deadline?.signal;
  return eventStream(endsWithResult(events, signal), {
    frame: (e) => {
      switch (e.type) {
        case "sources":
          return sseEvent("sources", { citations: e.citations });
        case "token":
          return sseEvent("token", { text: e.text });
        case "done":
          return sseEvent("done", e.answer);
        case "error":
          return sseEvent("error", { code: e.code, message: e.message });
      }
    },
    errorFrame: (err) => sseEvent("error", { code: err.code, message: err.message }),
    signal,
    onClose: () => deadline?.dispose(),
  });
}

/**
 * Passes the events through and, when the source stops without `done` or `error` (generation
 * cut short by the signal), throws so the client gets an error instead of a silent end.
 */
export async function* endsWithResult(events: AsyncGenerator<AnswerEvent>, signal?: AbortSignal): AsyncGenerator<AnswerEvent> {
  let ended = false;
  // return() from the consumer ends the for-await early and closes `events` too
  for await (const e of events) {
    if (e.type === "done" || e.type === "error") ended = true;
    yield e;
  }
  if (!ended) throw signal?.aborted ? abortError(signal) : new AppError("internal", "The answer ended without a result. Please try again.");
}

/** Headers of an event-stream response (no caching, no proxy buffering). */
export const SSE_HEADERS: Record<string, string> = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
};

/** A 200 event-stream response. */
export function sseResponse(body: ReadableStream<Uint8Array>): Response {
  return new Response(body, { status: 200, headers: SSE_HEADERS });
}
