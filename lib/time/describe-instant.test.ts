import { describe, expect, it } from "vitest";
import { describeInstant, nextFullHour, relativeTime, timeZoneNames } from "./describe-instant";

describe("describeInstant", () => {
  const instant = new Date("2030-01-16T08:30:00Z");
  const now = Date.parse("2030-01-16T05:30:00Z");

  it("says the time in its zone with the offset, in UTC, and how far away", () => {
    expect(describeInstant(instant, "Europe/Berlin", "en-GB", now)).toEqual({
      local: "Wednesday, 16 January 2030 at 09:30",
      offset: "+01:00",
      utc: "16 Jan 2030, 08:30",
      relative: "in 3 hours",
    });
  });

  it("speaks Chinese too, and shows seconds only when there are some", () => {
    const words = describeInstant(new Date("2030-01-16T08:30:05Z"), "Asia/Shanghai", "zh-CN", now);
    expect(words.local).toContain("16:30:05");
    expect(words.offset).toBe("+08:00");
    expect(words.relative).toBe("3小时后");
  });
});

describe("relativeTime", () => {
  it.each([
    [5_000, "in 5 seconds"],
    [-120_000, "2 minutes ago"],
    [47 * 3_600_000, "in 47 hours"],
    [3 * 86_400_000, "in 3 days"],
  ])("%d ms reads %s", (diff, words) => {
    expect(relativeTime(diff, "en")).toBe(words);
  });
});

it("offers UTC first among the zones", () => {
  const zones = timeZoneNames();
  expect(zones[0]).toBe("UTC");
  expect(zones).toContain("Europe/Berlin");
  expect(zones.filter((z) => z === "UTC")).toHaveLength(1);
});

it("guesses the next full hour in the zone, across midnight", () => {
  expect(nextFullHour("Asia/Tokyo", Date.parse("2030-01-16T14:40:00Z"))).toEqual({ date: "2030-01-17", time: "00:00" });
});
