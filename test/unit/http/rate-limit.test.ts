import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../../lib/errors";
import { clientKey, MemoryWindows, RateLimiter, SharedWindows } from "../../../lib/http/rate-limit";
import { clientAddress, parseTrustProxy } from "../../../scripts/client-address.mjs";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function retryAfter(f: () => void): number | undefined {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(429);
    expect((e as AppError).message).toMatch(/at most 2 per minute/);
    return (e as AppError).options.retryAfterSeconds;
  }
  return undefined;
}

describe("RateLimiter", () => {
  it("allows the configured limit per minute and per client, then 429 with Retry-After", () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(2, new MemoryWindows(), () => now);
    limiter.hit("a");
    limiter.hit("a");
    limiter.hit("b");
    now += 45_000;
    expect(retryAfter(() => limiter.hit("a"))).toBe(15);
    now += 15_000;
    expect(() => limiter.hit("a")).not.toThrow();
  });

  it("is off at 0", () => {
    const limiter = new RateLimiter(0);
    for (let i = 0; i < 1000; i++) limiter.hit("a");
  });

  it("keeps one bucket per client across processes sharing the count file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "oim-rate-"));
    dirs.push(dir);
    const now = () => 5_000_000;
    // two workers: each limiter has its own connection to the same file
    const one = new RateLimiter(2, new SharedWindows(join(dir, "rate.db")), now);
    const two = new RateLimiter(2, new SharedWindows(join(dir, "rate.db")), now);
    one.hit("c");
    two.hit("c");
    expect(retryAfter(() => one.hit("c"))).toBe(60);
    expect(retryAfter(() => two.hit("c"))).toBe(60);
    expect(() => two.hit("d")).not.toThrow();
  });
});

describe("the client of a request", () => {
  it("is the server's own header, never X-Forwarded-For", () => {
    const forged = new Request("http://x/", { headers: { "x-forwarded-for": "1.2.3.4", "x-oim-client": "10.0.0.9" } });
    expect(clientKey(forged, "x-oim-client")).toBe("10.0.0.9");
    expect(clientKey(forged, undefined)).toBe("local");
  });

  it("believes forwarded addresses only as far as TRUST_PROXY says", () => {
    const none = parseTrustProxy(undefined);
    expect(clientAddress({ socketAddress: "::ffff:127.0.0.1", forwardedFor: "6.6.6.6", trust: none })).toBe("127.0.0.1");
    const oneHop = parseTrustProxy("1");
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: "6.6.6.6, 1.2.3.4", trust: oneHop })).toBe("1.2.3.4");
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: undefined, trust: oneHop })).toBe("10.0.0.2");
    const listed = parseTrustProxy("10.0.0.2, 10.0.0.3");
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: "6.6.6.6, 1.2.3.4, 10.0.0.3", trust: listed })).toBe("1.2.3.4");
    expect(clientAddress({ socketAddress: "9.9.9.9", forwardedFor: "6.6.6.6", trust: listed })).toBe("9.9.9.9");
  });
});
