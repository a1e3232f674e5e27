import { Temporal } from "temporal-polyfill";

/**
 * The days a calendar shows, in the operator's zone: a week (Monday to Sunday) or a month laid out in whole
 * weeks. Client-safe: the page moves between periods with the same arithmetic the server uses to read them.
 */
export type CalendarMode = "week" | "month";

export interface CalendarRange {
  mode: CalendarMode;
  /** The day the period was asked for ("YYYY-MM-DD"); for a month, its first day. */
  anchor: string;
  days: string[];
}

export function calendarRange(mode: CalendarMode, day: string): CalendarRange {
  const date = Temporal.PlainDate.from(day);
  const anchor = mode === "month" ? date.with({ day: 1 }) : date;
  const start = anchor.subtract({ days: anchor.dayOfWeek - 1 });
  const count = mode === "week" ? 7 : Math.ceil((anchor.dayOfWeek - 1 + anchor.daysInMonth) / 7) * 7;
  return { mode, anchor: anchor.toString(), days: Array.from({ length: count }, (_, i) => start.add({ days: i }).toString()) };
}

/** The anchor of the period before or after. */
export function shiftRange(range: CalendarRange, step: -1 | 1): string {
  const anchor = Temporal.PlainDate.from(range.anchor);
  return (range.mode === "week" ? anchor.add({ weeks: step }) : anchor.add({ months: step })).toString();
}

/** The instants the range covers in `zone`: from the start of its first day to the start of the day after its last. */
export function rangeInstants(range: CalendarRange, zone: string): { from: Date; to: Date } {
  const startOf = (day: string) => new Date(Temporal.PlainDate.from(day).toZonedDateTime({ timeZone: zone }).epochMilliseconds);
  return { from: startOf(range.days[0]!), to: startOf(Temporal.PlainDate.from(range.days.at(-1)!).add({ days: 1 }).toString()) };
}

export function dayKey(instant: Date | number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(typeof instant === "number" ? instant : instant.getTime()).toZonedDateTimeISO(zone).toPlainDate().toString();
}

export function todayIn(zone: string, nowMs = Date.now()): string {
  return dayKey(nowMs, zone);
}
