import Database from "better-sqlite3";
import { config } from "../config";
import { AppError } from "../errors";

const WINDOW_MS = 60_000;

/** Where the request counts of one-minute windows are kept. */
export interface WindowCounts {
  /** Counts one request of `key` at `now`; returns the start of its window and its count. */
  hit(key: string, now: number): { start: number; count: number };
}

/** Counts in this process's memory (one process serving, tests). */
export class MemoryWindows implements WindowCounts {
  private windows = new Map<string, { start: number; count: number }>();

  hit(key: string, now: number): { start: number; count: number } {
    let w = this.windows.get(key);
    if (!w || now - w.start >= WINDOW_MS) {
      if (this.windows.size > 10_000) for (const [k, v] of this.windows) if (now - v.start >= WINDOW_MS) this.windows.delete(k);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    return { ...w };
  }
}

/**
 * Counts in a small SQLite file shared by the server's worker processes, so that a client has
 * one bucket whichever worker answers it (one atomic statement per request).
 */
export class SharedWindows implements WindowCounts {
  private readonly db: Database.Database;
  private readonly upsert;
  private readonly sweep;
  private hits = 0;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("busy_timeout = 2000");
    this.db.exec("CREATE TABLE IF NOT EXISTS windows (key TEXT PRIMARY KEY, start INTEGER NOT NULL, count INTEGER NOT NULL) WITHOUT ROWID");
    this.upsert = this.db.prepare(
      `INSERT INTO windows (key, start, count) VALUES (@key, @now, 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN @now - start >= ${WINDOW_MS} THEN 1 ELSE count + 1 END,
         start = CASE WHEN @now - start >= ${WINDOW_MS} THEN @now ELSE start END
       RETURNING start, count`,
    );
    this.sweep = this.db.prepare(`DELETE FROM windows WHERE @now - start >= ${WINDOW_MS}`);
  }

  hit(key: string, now: number): { start: number; count: number } {
    if (++this.hits % 1000 === 0) this.sweep.run({ now });
    return this.upsert.get({ key, now }) as { start: number; count: number };
  }
}

/** Fixed one-minute windows per client: at most `perMinute` requests each (0: no limit). */
export class RateLimiter {
  constructor(
    readonly perMinute: number,
    private readonly counts: WindowCounts = new MemoryWindows(),
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request of `key`; throws `rate_limited` (429, Retry-After) over the limit. */
  hit(key: string): void {
    if (this.perMinute <= 0) return;
    const t = this.now();
    const w = this.counts.hit(key, t);
    if (w.count > this.perMinute) {
      const retryAfterSeconds = Math.max(1, Math.ceil((w.start + WINDOW_MS - t) / 1000));
      throw new AppError("rate_limited", `Too many requests: at most ${this.perMinute} per minute. Retry in ${retryAfterSeconds} s.`, {
        retryAfterSeconds,
      });
    }
  }
}

/**
 * The client of a request: the address the server put in its own header (the socket's, or
 * the one TRUST_PROXY says to believe; see scripts/serve.mjs). Headers a client can write,
 * such as X-Forwarded-For, are never believed here.
 */
export function clientKey(request: Request, header = process.env.OIM_CLIENT_HEADER): string {
  return (header && request.headers.get(header)) || "local";
}

const KEY = Symbol.for("oim.http.rateLimiter");
type Slot = { [KEY]?: RateLimiter };

/** The process-wide limiter (RATE_LIMIT_PER_MINUTE; 0 disables it), shared by the workers when they share a count file. */
export function rateLimiter(): RateLimiter {
  const slot = globalThis as Slot;
  const file = process.env.OIM_RATE_DB;
  slot[KEY] ??= new RateLimiter(config().RATE_LIMIT_PER_MINUTE, file ? new SharedWindows(file) : new MemoryWindows());
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
