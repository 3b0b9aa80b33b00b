import { describe, expect, it } from "vitest";
import { AppError } from "../../../lib/errors";
import { clientKey, RateLimiter } from "../../../lib/http/rate-limit";

describe("RateLimiter", () => {
  it("allows the limit per minute and per client, then 429 with Retry-After", () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(2, () => now);
    limiter.hit("a");
    limiter.hit("a");
    limiter.hit("b");
    now += 45_000;
    let err: unknown;
    try {
      limiter.hit("a");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(429);
    expect((err as AppError).options.retryAfterSeconds).toBe(15);
    now += 15_000;
    expect(() => limiter.hit("a")).not.toThrow();
  });

  it("is off at 0", () => {
    const limiter = new RateLimiter(0);
    for (let i = 0; i < 1000; i++) limiter.hit("a");
  });
});

describe("clientKey", () => {
  it("takes the first forwarded address, else local", () => {
    expect(clientKey(new Request("http://x/", { headers: { "x-forwarded-for": " 1.2.3.4 , 10.0.0.1" } }))).toBe("1.2.3.4");
    expect(clientKey(new Request("http://x/"))).toBe("local");
  });
});
