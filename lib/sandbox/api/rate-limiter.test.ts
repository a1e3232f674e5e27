import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limiter";
import { rateLimitCode } from "./rate-limits";

describe("RateLimiter", () => {
  it("holds any 1000 ms to the limit, not just clock seconds", () => {
    const limiter = new RateLimiter();
    expect([0, 600, 900].map((t) => limiter.take("k", 2, t))).toEqual([true, true, false]);
    expect(limiter.take("k", 2, 1000)).toBe(true);
    expect(limiter.take("k", 2, 1599)).toBe(false);
  });

  it("D15: priority 3 group messages get a second bucket of the same size", () => {
    const limiter = new RateLimiter();
    const call = (Priority: number) =>
      rateLimitCode(limiter, { appId: 1, action: "SendGroupMessage", params: { Priority }, nowMs: 5000 });
    for (let i = 0; i < 10; i++) expect(call(1)).toBeUndefined();
    expect(call(1)).toBe(660300005);
    for (let i = 0; i < 10; i++) expect(call(3)).toBeUndefined();
    expect(call(3)).toBe(660300005);
  });
});
