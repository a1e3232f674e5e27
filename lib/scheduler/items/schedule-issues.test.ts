import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { emptySchedule, type ScheduleValues } from "./schema";
import { scheduleIssues } from "./schedule-issues";

/** The schedule control's rules as the browser runs them (the verbs run the same ones: when.ts). */
describe("scheduleIssues", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2027-01-10T12:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  const later = (patch: Partial<ScheduleValues>): ScheduleValues => ({ ...emptySchedule("Europe/Berlin"), mode: "later", date: "2027-03-28", time: "10:00", ...patch });

  it("checks nothing for 'send now'", () => {
    expect(scheduleIssues({ ...emptySchedule("Nowhere/Else"), mode: "now" })).toEqual([]);
  });

  it.each([
    [{ date: "", time: "" }, [["schedule.date", "scheduleErrors.dateRequired"], ["schedule.time", "scheduleErrors.timeRequired"]]],
    [{ timeZone: "Mars/Olympus" }, [["schedule.timeZone", "scheduleErrors.zone"]]],
    [{ time: "02:30" }, [["schedule.time", "scheduleErrors.gap"]]],
    [{ date: "2027-10-31", time: "02:30" }, [["schedule.occurrence", "scheduleErrors.ambiguous"]]],
    [{ date: "2027-01-10", time: "12:59" }, [["schedule.time", "scheduleErrors.past"]]],
    [{ repeat: "weekly" as const, until: "2027-04-30" }, [["schedule.weekdays", "scheduleErrors.weekdays"]]],
    [{ repeat: "daily" as const }, [["schedule.until", "scheduleErrors.untilRequired"]]],
    [{ repeat: "daily" as const, until: "2027-03-01" }, [["schedule.until", "scheduleErrors.untilBeforeStart"]]],
  ])("%j → %j", (patch, expected) => {
    expect(scheduleIssues(later(patch)).map((i) => [i.path, i.message])).toEqual(expected);
  });

  it("accepts a doubled time once its occurrence is chosen, and a weekly series with days", () => {
    expect(scheduleIssues(later({ date: "2027-10-31", time: "02:30", occurrence: "later" }))).toEqual([]);
    expect(scheduleIssues(later({ repeat: "weekly", weekdays: [1, 3], until: "2027-04-30" }))).toEqual([]);
  });
});
