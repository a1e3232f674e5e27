import { describe, expect, it } from "vitest";
import { QUOTA_WINDOW_MS } from "@/lib/announcements/quota";
import { countsFit } from "./quota-check";

const H = 60 * 60 * 1000;

describe("the send-time quota count (D7)", () => {
  it("fits while every window holding the send stays within the limit", () => {
    expect(countsFit([0, H, 2 * H], 3 * H, 4)).toBe(true);
    expect(countsFit([0, H, 2 * H, 2.5 * H], 3 * H, 4)).toBe(false);
    // The oldest left the window: room again.
    expect(countsFit([0, H, 2 * H, 2.5 * H], QUOTA_WINDOW_MS + 1, 4)).toBe(true);
  });

  it("also protects windows that end at later planned announcements", () => {
    const at = 10 * H;
    expect(countsFit([at + H, at + 2 * H], at, 3)).toBe(true);
    expect(countsFit([at - H, at + H, at + 2 * H], at, 3)).toBe(false);
  });

  it("does not refuse a neighbour in the same second: pacing is the limiter's job at send time", () => {
    expect(countsFit([1000], 1500, 100)).toBe(true);
    expect(countsFit([], 0, 0)).toBe(false);
  });
});
