import { Temporal } from "temporal-polyfill";

/**
 * An instant as an operator reads a schedule: the wall time in the item's zone with its UTC offset, the same
 * instant in UTC, and how far away it is. Client-safe and locale-aware (Intl), so the control, the lists and
 * the confirmation say it the same way.
 */
export interface InstantWords {
  /** "Tuesday, 16 January 2030 at 09:30" in the zone. */
  local: string;
  /** "+01:00" */
  offset: string;
  /** "16 Jan 2030, 08:30" in UTC. */
  utc: string;
  /** "in 3 hours", "2 days ago" */
  relative: string;
}

export function offsetOf(instant: Date, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(zone).offset;
}

export function describeInstant(instant: Date, zone: string, locale: string, nowMs: number): InstantWords {
  const seconds = instant.getTime() % 60_000 !== 0;
  const time: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", second: seconds ? "2-digit" : undefined, hourCycle: "h23" };
  return {
    local: new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: "long", year: "numeric", month: "long", day: "numeric", ...time }).format(instant),
    offset: offsetOf(instant, zone),
    utc: new Intl.DateTimeFormat(locale, { timeZone: "UTC", year: "numeric", month: "short", day: "numeric", ...time }).format(instant),
    relative: relativeTime(instant.getTime() - nowMs, locale),
  };
}

/** "in 45 seconds", "in 3 hours", "in 2 days", "5 minutes ago": the largest unit that keeps it readable. */
export function relativeTime(diffMs: number, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "long" });
  const abs = Math.abs(diffMs);
  if (abs < 60_000) return format.format(Math.round(diffMs / 1000), "second");
  if (abs < 3_600_000) return format.format(Math.round(diffMs / 60_000), "minute");
  if (abs < 48 * 3_600_000) return format.format(Math.round(diffMs / 3_600_000), "hour");
  return format.format(Math.round(diffMs / 86_400_000), "day");
}

/** Every zone the browser knows, with UTC first (some engines leave it out of the list). */
export function timeZoneNames(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
  return ["UTC", ...supported.filter((z) => z !== "UTC")];
}

/** The wall clock in `zone` at the next full hour: a sensible first guess for "schedule for later". */
export function nextFullHour(zone: string, nowMs: number): { date: string; time: string } {
  const next = Temporal.Instant.fromEpochMilliseconds(nowMs).toZonedDateTimeISO(zone).add({ hours: 1 }).round({ smallestUnit: "hour", roundingMode: "floor" });
  return { date: next.toPlainDate().toString(), time: next.toPlainTime().toString({ smallestUnit: "minute" }) };
}
