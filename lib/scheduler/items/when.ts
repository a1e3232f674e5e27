import { Temporal } from "temporal-polyfill";
import { recurrenceSchema, type Recurrence } from "@/lib/time/recurrence";
import { isValidTimeZone, resolveLocalTime, type Occurrence } from "@/lib/time/zoned-time";
import { ScheduleFieldError } from "./errors";

/**
 * When an item is due, decided from what the operator chose: a wall-clock time in a named zone, which of a doubled
 * time they meant, and an optional repetition. Client-safe: the schedule form runs the same rules live that the
 * verbs run on the server, so a refusal reads the same in both places.
 */
export interface WhenInput {
  /** "YYYY-MM-DDTHH:mm", seconds optional. */
  localTime: string;
  timeZone: string;
  occurrence?: Occurrence | null;
  recurrence?: Recurrence | null;
}

export interface ResolvedWhen {
  dueAt: Date;
  localTime: string;
  timeZone: string;
  /** Kept only when the wall time happens twice in the zone. */
  occurrence: Occurrence | null;
  recurrence: Recurrence | null;
}

/** Clocks of the browser and the server disagree by a little; a time this close to now is still "now". */
export const CLOCK_SKEW_MS = 5_000;

/** A repetition may run at most this long, so the quota check sees every occurrence (lib/time/recurrence.ts). */
export const MAX_SERIES_DAYS = 366;

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** Throws ScheduleFieldError for the first problem, in the order an operator fills the fields in. */
export function resolveWhen(input: WhenInput, nowMs: number): ResolvedWhen {
  if (!isValidTimeZone(input.timeZone)) throw new ScheduleFieldError("timeZone", "zone", { zone: input.timeZone });
  if (!LOCAL_TIME.test(input.localTime)) throw new ScheduleFieldError("date", "date");
  const verdict = resolveLocalTime(input.localTime, input.timeZone);
  if (verdict.kind === "invalid") throw new ScheduleFieldError("date", "date");
  if (verdict.kind === "gap") throw new ScheduleFieldError("time", "gap", { first: verdict.firstValidLocal.replace("T", " ") });
  let dueAt: Date;
  let occurrence: Occurrence | null = null;
  if (verdict.kind === "ambiguous") {
    if (!input.occurrence) throw new ScheduleFieldError("occurrence", "ambiguous");
    occurrence = input.occurrence;
    dueAt = verdict[occurrence];
  } else {
    dueAt = verdict.instant;
  }
  if (dueAt.getTime() < nowMs - CLOCK_SKEW_MS) throw new ScheduleFieldError("time", "past");
  const recurrence = input.recurrence ? checkRecurrence(input.recurrence, input.localTime.slice(0, 10)) : null;
  return { dueAt, localTime: input.localTime, timeZone: input.timeZone, occurrence, recurrence };
}

function checkRecurrence(rule: Recurrence, firstDate: string): Recurrence {
  const parsed = recurrenceSchema.safeParse(rule);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw issue?.path[0] === "weekdays" ? new ScheduleFieldError("weekdays", "weekdays") : new ScheduleFieldError("until", "until");
  }
  let until: Temporal.PlainDate;
  try {
    until = Temporal.PlainDate.from(parsed.data.until, { overflow: "reject" });
  } catch {
    throw new ScheduleFieldError("until", "until");
  }
  const first = Temporal.PlainDate.from(firstDate);
  if (Temporal.PlainDate.compare(until, first) < 0) throw new ScheduleFieldError("until", "untilBeforeStart");
  if (Temporal.PlainDate.compare(until, first.add({ days: MAX_SERIES_DAYS })) > 0) {
    throw new ScheduleFieldError("until", "untilTooFar", { days: MAX_SERIES_DAYS });
  }
  return { ...parsed.data, weekdays: [...new Set(parsed.data.weekdays)].sort((a, b) => a - b) };
}
