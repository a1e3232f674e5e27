import { describe, expect, it } from "vitest";
import { QUOTA_WINDOW_MS, earliestFit, fitsAt, quotaRefusal, summarizeQuota } from "./quota";

const H = 60 * 60 * 1000;
const at = (hours: number) => Date.UTC(2026, 10, 23, 0, 0, 0) + hours * H;

describe("announcement quota (D7: rolling 24 h, 1 per second)", () => {
  it("fits while the window holds fewer than the limit", () => {
    expect(fitsAt([at(0), at(1)], at(2), 3)).toBe(true);
    expect(fitsAt([at(0), at(1), at(1.5)], at(2), 3)).toBe(false);
  });

  it("counts the window as rolling: an event exactly 24 h earlier has left it", () => {
    expect(fitsAt([at(0)], at(0) + QUOTA_WINDOW_MS, 1)).toBe(true);
    expect(fitsAt([at(0)], at(0) + QUOTA_WINDOW_MS - 1, 1)).toBe(false);
  });

  it("refuses a time that would overfill a later window it belongs to", () => {
    // Limit 2, events at 10 h and 20 h: one more at 8 h leaves its own window (ending at 8 h) with 1, but the
    // window ending at 20 h would hold 8 h, 10 h and 20 h.
    expect(fitsAt([at(10), at(20)], at(8), 2)).toBe(false);
    expect(fitsAt([at(10), at(40)], at(8), 2)).toBe(true);
  });

  it("keeps a second between announcements", () => {
    expect(fitsAt([at(0)], at(0) + 999, 100)).toBe(false);
    expect(fitsAt([at(0)], at(0) + 1000, 100)).toBe(true);
  });

  it("finds the earliest time that fits: when the oldest event leaves the window", () => {
    const events = [at(0), at(1), at(2)];
    expect(earliestFit(events, at(3), 3)).toBe(at(0) + QUOTA_WINDOW_MS);
    expect(earliestFit(events, at(3), 4)).toBe(at(3));
    expect(earliestFit([], at(3), 0)).toBeNull();
  });

  it("summarizes use, what is scheduled and when the next one may go", () => {
    const s = summarizeQuota({ past: [at(-30), at(-2), at(-1)], scheduled: [at(1), at(30)], now: at(0), limit: 3 });
    expect(s).toMatchObject({ limit: 3, usedLast24h: 2, remaining: 1, scheduledNext24h: 1 });
    // Now would make 4 in the window ending at 1 h (-2, -1, 0, 1): the next fit is when -2 h leaves the window.
    expect(s.nextAllowedAt).toBe(at(-2) + QUOTA_WINDOW_MS);
  });
});

describe("why an announcement does not fit (the console's guard)", () => {
  it("fits: no refusal", () => {
    expect(quotaRefusal([at(0)], at(1), 2)).toBeNull();
  });

  it("a second too soon is a spacing refusal that clears a second after the last one", () => {
    expect(quotaRefusal([at(0)], at(0) + 400, 5)).toEqual({ reason: "spacing", nextAllowedAt: at(0) + 1000 });
  });

  it("a full window is a quota refusal that clears when its oldest announcement is 24 h old", () => {
    expect(quotaRefusal([at(0), at(1)], at(2), 2)).toEqual({ reason: "quota", nextAllowedAt: at(0) + QUOTA_WINDOW_MS });
    // Full and too soon at once: the quota is the reason that matters.
    expect(quotaRefusal([at(0), at(2)], at(2) + 10, 2)?.reason).toBe("quota");
  });

  it("a limit of 0 never fits", () => {
    expect(quotaRefusal([], at(0), 0)).toEqual({ reason: "quota", nextAllowedAt: null });
  });
});
