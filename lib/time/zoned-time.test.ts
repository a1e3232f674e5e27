import { describe, expect, it } from "vitest";
import { instantOf, isValidTimeZone, localTimeOf, resolveLocalTime } from "./zoned-time";

describe("resolveLocalTime", () => {
  it("maps 02:00 Beijing time to 18:00 UTC the day before", () => {
    const verdict = resolveLocalTime("2026-12-01T02:00", "Asia/Shanghai");
    expect(verdict).toMatchObject({ kind: "exact", offset: "+08:00" });
    expect(instantOf(verdict)?.toISOString()).toBe("2026-11-30T18:00:00.000Z");
  });

  it("maps 20:00 in Berlin to 19:00 UTC in winter and 18:00 UTC in summer", () => {
    expect(instantOf(resolveLocalTime("2027-01-15T20:00", "Europe/Berlin"))?.toISOString()).toBe("2027-01-15T19:00:00.000Z");
    expect(instantOf(resolveLocalTime("2027-07-15T20:00", "Europe/Berlin"))?.toISOString()).toBe("2027-07-15T18:00:00.000Z");
  });

  it("reports a time that does not exist (Berlin, last Sunday of March, 02:30) with the first valid one", () => {
    const verdict = resolveLocalTime("2027-03-28T02:30", "Europe/Berlin");
    expect(verdict.kind).toBe("gap");
    if (verdict.kind === "gap") {
      expect(verdict.firstValidLocal).toBe("2027-03-28T03:00");
      expect(verdict.firstValid.toISOString()).toBe("2027-03-28T01:00:00.000Z");
    }
    expect(instantOf(verdict, "earlier")).toBeUndefined();
  });

  it("reports a time that happens twice (Berlin, last Sunday of October, 02:30) and takes the chosen one", () => {
    const verdict = resolveLocalTime("2027-10-31T02:30", "Europe/Berlin");
    expect(verdict).toMatchObject({ kind: "ambiguous", earlierOffset: "+02:00", laterOffset: "+01:00" });
    expect(instantOf(verdict)).toBeUndefined();
    expect(instantOf(verdict, "earlier")?.toISOString()).toBe("2027-10-31T00:30:00.000Z");
    expect(instantOf(verdict, "later")?.toISOString()).toBe("2027-10-31T01:30:00.000Z");
  });

  it.each([
    ["2027-02-30T10:00", "Europe/Berlin", "date"],
    ["2027-01-01T25:00", "Europe/Berlin", "date"],
    ["tomorrow", "Europe/Berlin", "date"],
    ["2027-01-01T10:00", "Mars/Olympus_Mons", "zone"],
    ["2027-01-01T10:00", "", "zone"],
  ])("refuses %s in %j (%s)", (local, zone, reason) => {
    expect(resolveLocalTime(local, zone)).toEqual({ kind: "invalid", reason });
  });

  it("knows real zones", () => {
    expect(isValidTimeZone("America/New_York")).toBe(true);
    expect(isValidTimeZone("Not/AZone")).toBe(false);
  });

  it("shows a stored instant again as wall time in its zone", () => {
    expect(localTimeOf(new Date("2026-11-30T18:00:00Z"), "Asia/Shanghai")).toBe("2026-12-01T02:00");
  });
});
