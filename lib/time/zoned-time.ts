import { Temporal } from "temporal-polyfill";

/**
 * Wall-clock time in a named zone → an instant, with daylight-saving changes handled explicitly: a time that
 * does not exist (clocks go forward) and a time that happens twice (clocks go back) are reported, never guessed.
 * No server imports: the schedule form shows the same verdicts live.
 */
export type LocalTimeVerdict =
  | { kind: "exact"; instant: Date; offset: string }
  | { kind: "gap"; firstValid: Date; firstValidLocal: string }
  | { kind: "ambiguous"; earlier: Date; later: Date; earlierOffset: string; laterOffset: string }
  | { kind: "invalid"; reason: "date" | "zone" };

export type Occurrence = "earlier" | "later";

export function isValidTimeZone(zone: string): boolean {
  try {
    Temporal.Now.zonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/** `local` is "YYYY-MM-DDTHH:mm" (what a date and a time input give). */
export function resolveLocalTime(local: string, zone: string): LocalTimeVerdict {
  if (!isValidTimeZone(zone)) return { kind: "invalid", reason: "zone" };
  let wall: Temporal.PlainDateTime;
  try {
    wall = Temporal.PlainDateTime.from(local, { overflow: "reject" });
  } catch {
    return { kind: "invalid", reason: "date" };
  }
  try {
    const exact = wall.toZonedDateTime(zone, { disambiguation: "reject" });
    return { kind: "exact", instant: toDate(exact), offset: exact.offset };
  } catch {
    const earlier = wall.toZonedDateTime(zone, { disambiguation: "earlier" });
    const later = wall.toZonedDateTime(zone, { disambiguation: "later" });
    if (Temporal.PlainDateTime.compare(earlier.toPlainDateTime(), wall) === 0) {
      return { kind: "ambiguous", earlier: toDate(earlier), later: toDate(later), earlierOffset: earlier.offset, laterOffset: later.offset };
    }
    // In a gap the earliest moment that exists is the jump itself (02:30 on a 02:00→03:00 night gives 03:00).
    const firstValid = earlier.getTimeZoneTransition("next") ?? later;
    return { kind: "gap", firstValid: toDate(firstValid), firstValidLocal: firstValid.toPlainDateTime().toString({ smallestUnit: "minute" }) };
  }
}

/** The instant for a verdict, once the operator has said which occurrence of a doubled time they mean. */
export function instantOf(verdict: LocalTimeVerdict, occurrence?: Occurrence): Date | undefined {
  if (verdict.kind === "exact") return verdict.instant;
  if (verdict.kind === "ambiguous" && occurrence) return verdict[occurrence];
  return undefined;
}

/** An instant as wall-clock time in `zone`, "YYYY-MM-DDTHH:mm" (for editing a stored schedule). */
export function localTimeOf(instant: Date, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(zone)
    .toPlainDateTime()
    .toString({ smallestUnit: "minute" });
}

function toDate(zoned: Temporal.ZonedDateTime): Date {
  return new Date(zoned.epochMilliseconds);
}
