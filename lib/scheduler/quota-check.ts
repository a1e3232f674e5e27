import "server-only";
import type { Database } from "@/lib/db";
import type { ScheduledItemRow } from "@/lib/db/schema";
import { earliestFit, QUOTA_WINDOW_MS } from "@/lib/announcements/quota";
import { loadQuotaEvents, quotaRangeAround } from "@/lib/announcements/quota-store";

export type QuotaVerdict = { fits: true } | { fits: false; nextAllowedAt: Date | null };

/**
 * D7 at send time: whether this occurrence, going out `now` instead of at its planned time, keeps every rolling
 * 24-hour window within the app's limit. Its own planned occurrence is taken out (it is the one going now); the
 * item's later repetitions and every other scheduled announcement stay in. Unlike fitsAt, a neighbour within the
 * same second does not refuse it: the call limiter spaces calls at send time, so only the counts are checked.
 */
export async function checkAnnouncementQuota(
  db: Database,
  item: Pick<ScheduledItemRow, "appKey" | "dueAt">,
  limit: number,
  now: Date,
): Promise<QuotaVerdict> {
  const { past, scheduled } = await loadQuotaEvents(db, item.appKey, quotaRangeAround(now));
  const own = scheduled.indexOf(item.dueAt.getTime());
  const others = own >= 0 ? [...scheduled.slice(0, own), ...scheduled.slice(own + 1)] : scheduled;
  const events = [...past, ...others];
  if (countsFit(events, now.getTime(), limit)) return { fits: true };
  const next = earliestFit(events, now.getTime(), limit);
  return { fits: false, nextAllowedAt: next === null ? null : new Date(next) };
}

/** Adding `at` can only overfill the windows that contain it: those ending at `at` or at a later event within 24 h. */
export function countsFit(events: readonly number[], at: number, limit: number): boolean {
  if (limit <= 0) return false;
  const ends = [at, ...events.filter((e) => e > at && e < at + QUOTA_WINDOW_MS)];
  return ends.every((end) => events.filter((e) => e > end - QUOTA_WINDOW_MS && e <= end).length + 1 <= limit);
}
