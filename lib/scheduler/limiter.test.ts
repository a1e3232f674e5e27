import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CallLimiter, MAX_HOLD_MS } from "./limiter";

const LANE = "app:SendGroupMessage";

describe("the call limiter", () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  /** Runs `count` calls at once, each answered after `latencyMs`; answers when each started and was answered. */
  async function run(limiter: CallLimiter, count: number, latencyMs: number, perSecond = 10) {
    const calls: { started: number; answered: number }[] = new Array(count);
    const all = Array.from({ length: count }, async (_, n) => {
      const release = await limiter.acquire(LANE, perSecond);
      const started = Date.now();
      await new Promise((resolve) => setTimeout(resolve, latencyMs));
      calls[n] = { started, answered: Date.now() };
      release();
    });
    await vi.advanceTimersByTimeAsync(120_000);
    await Promise.all(all);
    return calls;
  }

  it("starts a call only a full second after the answer of the call ten places before it, in the order asked", async () => {
    const calls = await run(new CallLimiter(), 35, 30);
    const starts = calls.map((c) => c.started);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    for (let i = 10; i < calls.length; i++) expect(calls[i]!.started).toBeGreaterThanOrEqual(calls[i - 10]!.answered + 1000);
    // And no later: ten go at once, the eleventh as soon as the first one's slot frees.
    expect(starts.slice(0, 10)).toEqual(new Array(10).fill(0));
    expect(starts[10]).toBe(1030);
  });

  it("keeps the once-a-second pace of announcements", async () => {
    const calls = await run(new CallLimiter(), 3, 10, 1);
    expect(calls.map((c) => c.started)).toEqual([0, 1010, 2020]);
  });

  it("frees a slow call's slot a window after its first moments, so one slow answer does not stall the lane", async () => {
    const calls = await run(new CallLimiter(), 3, 5000, 2);
    expect(calls[2]!.started).toBe(MAX_HOLD_MS + 1000);
  });

  it("puts a call sent again ahead of those waiting", async () => {
    const limiter = new CallLimiter();
    const order: string[] = [];
    const calls = [
      ...Array.from({ length: 11 }, (_, n) => limiter.acquire(LANE, 10).then((release) => (order.push(`new ${n}`), release()))),
      limiter.acquire(LANE, 10, { first: true }).then((release) => (order.push("again"), release())),
    ];
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(calls);
    expect(order.slice(9, 12)).toEqual(["new 9", "again", "new 10"]);
  });

  it("holds every call back after a rate-limited answer", async () => {
    const limiter = new CallLimiter();
    limiter.holdOff(LANE, 1500);
    const calls = await run(limiter, 2, 10);
    expect(calls.map((c) => c.started)).toEqual([1500, 1500]);
    expect(limiter.waiting(LANE)).toBe(0);
  });
});
