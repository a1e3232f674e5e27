import { Temporal } from "temporal-polyfill";
import { z } from "zod";

/**
 * Repetition of a scheduled announcement: every day, or on chosen weekdays, at the same wall-clock time in the
 * item's zone (so 20:00 Berlin stays 20:00 across daylight-saving changes), until a last date. A repetition
 * that falls in a daylight-saving gap moves to the first valid time after it; a doubled time takes its first
 * occurrence — the choices a person would make, and the ones the schedule form states.
 */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const; // ISO: 1 = Monday

export const recurrenceSchema = z
  .object({
    frequency: z.enum(["daily", "weekly"]),
    weekdays: z.array(z.number().int().min(1).max(7)).max(7),
    until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "untilDate"),
  })
  .refine((r) => r.frequency !== "weekly" || r.weekdays.length > 0, { path: ["weekdays"], message: "weekdaysRequired" });

export type Recurrence = z.output<typeof recurrenceSchema>;

/**
 * The occurrence after `previous` (an instant of this series), or null once the series has ended. `wallTime`
 * ("HH:mm", the time the operator chose) keeps the series on its wall clock after a repetition that a
 * daylight-saving gap moved; without it the wall time of `previous` is used.
 */
export function nextOccurrence(previous: Date, zone: string, rule: Recurrence, wallTime?: string): Date | null {
  const last = Temporal.PlainDate.from(rule.until);
  const start = Temporal.Instant.fromEpochMilliseconds(previous.getTime()).toZonedDateTimeISO(zone);
  const time = wallTime ? Temporal.PlainTime.from(wallTime) : start.toPlainTime();
  for (let day = start.toPlainDate().add({ days: 1 }); Temporal.PlainDate.compare(day, last) <= 0; day = day.add({ days: 1 })) {
    if (rule.frequency === "weekly" && !rule.weekdays.includes(day.dayOfWeek)) continue;
    const zoned = day.toPlainDateTime(time).toZonedDateTime(zone, { disambiguation: "compatible" });
    return new Date(zoned.epochMilliseconds);
  }
  return null;
}

/** Every occurrence from `first` on (inclusive), at most `limit` of them: for quota planning and the calendar. */
export function occurrences(first: Date, zone: string, rule: Recurrence | null, limit = 366): Date[] {
  const all = [first];
  let current: Date | null = first;
  while (rule && all.length < limit && (current = nextOccurrence(current, zone, rule))) all.push(current);
  return all;
}
