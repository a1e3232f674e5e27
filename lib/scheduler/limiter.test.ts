import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CallLimiter } from "./limiter";

describe("the call limiter", () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  /** Runs `count` calls that each take `latencyMs`; answers when each started and was answered. */
  async function run(limiter: CallLimiter, count: number, latencyMs: number, perSecond = 10) {
    const calls: { started: number; answered: number; n: number }[] = [];
    const all = Array.from({ length: count }, async (_, n) => {
      const release = await limiter.acquire("app:SendGroupMessage", perSecond);
      const started = Date.now();
      await new Promise((resolve) => setTimeout(resolve, latencyMs));
      calls.push({ started, answered: Date.now(), n });
      release();
    });
    await vi.advanceTimersByTimeAsync(60_000);
    await Promise.all(all);
    return calls.sort((a, b) => a.started - b.started || a.n - b.n);
  }

  it("starts a call only a full window after the answer of the call ten places before it", async () => {
    const calls = await run(new CallLimiter(), 35, 30);
    expect(calls.map((c) => c.n)).toEqual(Array.from({ length: 35 }, (_, n) => n));
    for (let i = 10; i < calls.length; i++) expect(calls[i]!.started).toBeGreaterThanOrEqual(calls[i - 10]!.answered + 1000);
    // Not slower than that either: the eleventh starts as soon as the first's slot is free.
    expect(calls[10]!.started).toBe(calls[0]!.answered + 1000);
  });

  it("counts calls still in flight, however long they take", async () => {
    const calls = await run(new CallLimiter(), 4, 3000, 2);
    expect(calls[2]!.started).toBe(calls[0]!.answered + 1000);
    expect(calls[2]!.started).toBeGreaterThanOrEqual(4000);
  });

  it("holds every call back after a rate-limited answer", async () => {
    const limiter = new CallLimiter();
    limiter.holdOff("app:SendGroupMessage", 1500);
    const calls = await run(limiter, 2, 10);
    expect(calls[0]!.started).toBe(1500);
    expect(limiter.pending("app:SendGroupMessage")).toBe(0);
  });
});
