import { describe, expect, it } from "vitest";
import { nextOccurrence, occurrences, recurrenceSchema } from "./recurrence";

const berlin = "Europe/Berlin";

describe("recurrence", () => {
  it("repeats daily at the same Berlin wall time across the spring change", () => {
    const first = new Date("2027-03-27T19:00:00Z"); // Sat 20:00 CET
    const next = nextOccurrence(first, berlin, { frequency: "daily", weekdays: [], until: "2027-03-29" });
    expect(next?.toISOString()).toBe("2027-03-28T18:00:00.000Z"); // Sun 20:00 CEST
  });

  it("repeats weekly on the chosen weekdays only, until the last date inclusive", () => {
    const first = new Date("2027-01-04T08:00:00Z"); // Monday 09:00 Berlin
    const all = occurrences(first, berlin, { frequency: "weekly", weekdays: [1, 3], until: "2027-01-13" });
    expect(all.map((d) => d.toISOString())).toEqual([
      "2027-01-04T08:00:00.000Z",
      "2027-01-06T08:00:00.000Z",
      "2027-01-11T08:00:00.000Z",
      "2027-01-13T08:00:00.000Z",
    ]);
  });

  it("moves a repetition out of a daylight-saving gap to the first valid time", () => {
    const first = new Date("2027-03-27T01:30:00Z"); // Sat 02:30 CET
    const next = nextOccurrence(first, berlin, { frequency: "daily", weekdays: [], until: "2027-03-30" });
    expect(next?.toISOString()).toBe("2027-03-28T01:30:00.000Z"); // 03:30 CEST, 02:30 does not exist
  });

  it("returns to the chosen wall time the day after a gap moved a repetition", () => {
    const moved = new Date("2027-03-28T01:30:00Z"); // 03:30 CEST, the gap's stand-in for 02:30
    const rule = { frequency: "daily" as const, weekdays: [], until: "2027-03-30" };
    expect(nextOccurrence(moved, berlin, rule, "02:30")?.toISOString()).toBe("2027-03-29T00:30:00.000Z");
    expect(nextOccurrence(moved, berlin, rule)?.toISOString()).toBe("2027-03-29T01:30:00.000Z");
  });

  it("ends the series after the last date", () => {
    expect(nextOccurrence(new Date("2027-01-13T08:00:00Z"), berlin, { frequency: "daily", weekdays: [], until: "2027-01-13" })).toBeNull();
    expect(occurrences(new Date("2027-01-13T08:00:00Z"), berlin, null)).toHaveLength(1);
  });

  it("needs weekdays for a weekly series", () => {
    expect(recurrenceSchema.safeParse({ frequency: "weekly", weekdays: [], until: "2027-01-01" }).error?.issues[0]?.message).toBe("weekdaysRequired");
  });
});
