/**
 * D7: SendMessageToAllUsers allows `limit` accepted calls in any rolling 24 hours per app, and 1 call per second.
 * Pure arithmetic on instants (milliseconds), client-safe, so the announcement form, the schedule checks and the
 * dispatcher reason the same way. "Events" are the announcements that count: those ZIM accepted (or may have:
 * an unknown outcome counts, to be safe) and those scheduled to go out.
 */
export const QUOTA_WINDOW_MS = 24 * 60 * 60 * 1000;
export const MIN_SPACING_MS = 1000;

/** How many events fall in the window that ends at `end` (exclusive start, inclusive end). */
function countInWindowEndingAt(events: readonly number[], end: number): number {
  let n = 0;
  for (const e of events) if (e > end - QUOTA_WINDOW_MS && e <= end) n++;
  return n;
}

/**
 * Whether one more announcement at `at` keeps every 24-hour window within `limit` and leaves a second to its
 * neighbours.
 */
export function fitsAt(events: readonly number[], at: number, limit: number): boolean {
  return limit > 0 && spacedAt(events, at) && windowsHold(events, at, limit);
}

function spacedAt(events: readonly number[], at: number): boolean {
  return !events.some((e) => Math.abs(e - at) < MIN_SPACING_MS);
}

/**
 * Adding `at` can only overfill windows that contain it, i.e. windows ending in [at, at + 24 h); the fullest of
 * those ends at `at` or at one of the later events, so those are the ends to check.
 */
function windowsHold(events: readonly number[], at: number, limit: number): boolean {
  const ends = [at, ...events.filter((e) => e > at && e < at + QUOTA_WINDOW_MS)];
  return ends.every((end) => countInWindowEndingAt(events, end) + 1 <= limit);
}

/**
 * The earliest instant at or after `from` where one more announcement fits, or null when none does within the
 * next `horizonMs` (a schedule full for days). Candidates are `from` and the moments an event leaves a window
 * or stops crowding its second; the answer is always one of them.
 */
export function earliestFit(events: readonly number[], from: number, limit: number, horizonMs = 8 * QUOTA_WINDOW_MS): number | null {
  const candidates = new Set<number>([from]);
  for (const e of events) {
    for (const c of [e + QUOTA_WINDOW_MS, e + MIN_SPACING_MS]) if (c > from && c <= from + horizonMs) candidates.add(c);
  }
  for (const c of [...candidates].sort((a, b) => a - b)) if (fitsAt(events, c, limit)) return c;
  return null;
}

export interface QuotaSummary {
  limit: number;
  /** Accepted (or possibly accepted) announcements in the 24 hours before now. */
  usedLast24h: number;
  remaining: number;
  /** Scheduled announcements due in the next 24 hours. */
  scheduledNext24h: number;
  /** When one more may go out; `now` when it may go now; null when nothing fits within a week. */
  nextAllowedAt: number | null;
}

export function summarizeQuota(input: { past: readonly number[]; scheduled: readonly number[]; now: number; limit: number }): QuotaSummary {
  const { past, scheduled, now, limit } = input;
  const usedLast24h = past.filter((e) => e > now - QUOTA_WINDOW_MS && e <= now).length;
  const scheduledNext24h = scheduled.filter((e) => e > now && e <= now + QUOTA_WINDOW_MS).length;
  return {
    limit,
    usedLast24h,
    remaining: Math.max(0, limit - usedLast24h),
    scheduledNext24h,
    nextAllowedAt: earliestFit([...past, ...scheduled], now, limit),
  };
}

/** Announcements per calendar day in a zone, for the Scheduled page's calendar: day key "YYYY-MM-DD" → count. */
export function countPerDay(events: readonly number[], dayKeyOf: (ms: number) => string): Map<string, number> {
  const days = new Map<string, number>();
  for (const e of events) days.set(dayKeyOf(e), (days.get(dayKeyOf(e)) ?? 0) + 1);
  return days;
}

/** Why one more announcement does not fit now, and when it would. */
export interface QuotaRefusal {
  /** "spacing": only the 1-per-second rule is in the way; "quota": a 24-hour window would hold too many. */
  reason: "spacing" | "quota";
  /** The earliest instant it fits (ms), or null when nothing fits within a week. */
  nextAllowedAt: number | null;
}

/** null when one more announcement fits at `at`; otherwise why not and when it would (the console's D7 guard). */
export function quotaRefusal(events: readonly number[], at: number, limit: number): QuotaRefusal | null {
  if (fitsAt(events, at, limit)) return null;
  const reason = limit > 0 && windowsHold(events, at, limit) ? "spacing" : "quota";
  return { reason, nextAllowedAt: earliestFit(events, at, limit) };
}
