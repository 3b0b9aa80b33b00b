import { config } from "../config";
import { AppError } from "../errors";

const WINDOW_MS = 60_000;

/**
 * Fixed one-minute windows per client key. Cheap and good enough to stop one client from
 * starving the others; it is not a security boundary (the key comes from a header).
 */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request of `key`; throws `rate_limited` (429, Retry-After) over the limit. */
  hit(key: string): void {
    if (this.perMinute <= 0) return;
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || t - w.start >= WINDOW_MS) {
      if (this.windows.size > 10_000) this.sweep(t);
      w = { start: t, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    if (w.count > this.perMinute) {
      const retryAfterSeconds = Math.max(1, Math.ceil((w.start + WINDOW_MS - t) / 1000));
      throw new AppError("rate_limited", `Too many requests: at most ${this.perMinute} per minute. Retry in ${retryAfterSeconds} s.`, {
        retryAfterSeconds,
      });
    }
  }

  private sweep(t: number): void {
    for (const [key, w] of this.windows) if (t - w.start >= WINDOW_MS) this.windows.delete(key);
  }
}

/** The client key of a request: the first address of `x-forwarded-for`, else "local". */
export function clientKey(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for");
  const first = forwarded?.split(",")[0]?.trim();
  return first || "local";
}

const KEY = Symbol.for("oim.http.rateLimiter");
type Slot = { [KEY]?: RateLimiter };

/**
 * The process-wide limiter (RATE_LIMIT_PER_MINUTE; 0 disables it). Requests are spread over
 * WEB_CONCURRENCY worker processes in turn, so each keeps its share of the limit.
 */
export function rateLimiter(): RateLimiter {
  const slot = globalThis as Slot;
  const { RATE_LIMIT_PER_MINUTE: limit, WEB_CONCURRENCY: workers } = config();
  slot[KEY] ??= new RateLimiter(limit > 0 ? Math.max(1, Math.ceil(limit / workers)) : 0);
  return slot[KEY];
}

/** Counts a request against its client's limit; throws 429 when over it. */
export function checkRateLimit(request: Request): void {
  rateLimiter().hit(clientKey(request));
}

/** Replaces the process-wide limiter (tests). */
export function setRateLimitForTests(perMinute: number): void {
  (globalThis as Slot)[KEY] = new RateLimiter(perMinute);
}
