import "server-only";
import { sql } from "drizzle-orm";
import { QUOTA_WINDOW_MS, quotaRefusal } from "@/lib/announcements/quota";
import { loadQuotaEvents } from "@/lib/announcements/quota-store";
import type { Database } from "@/lib/db";
import { ScheduleFieldError } from "./errors";

/**
 * D7 for a schedule: every occurrence of the series must fit the app's rolling 24-hour announcement quota, next
 * to what was sent and what is already scheduled (and next to the series' own earlier occurrences), a second
 * apart. Refuses with the first occurrence that does not fit, why, and the earliest time it would. Call inside the
 * transaction that writes the item, after `lockQuota`, so two operators cannot both take the last slot.
 */
export async function checkAnnouncementQuota(
  db: Database,
  input: { appKey: string; limit: number; occurrences: Date[]; exceptItemId?: string },
): Promise<void> {
  const first = input.occurrences[0];
  const last = input.occurrences.at(-1);
  if (!first || !last) return;
  const range = { from: new Date(first.getTime() - QUOTA_WINDOW_MS), to: new Date(last.getTime() + QUOTA_WINDOW_MS) };
  const loaded = await loadQuotaEvents(db, input.appKey, range, input.exceptItemId);
  const events = [...loaded.past, ...loaded.scheduled];
  for (const at of input.occurrences) {
    const ms = at.getTime();
    const refusal = quotaRefusal(events, ms, input.limit);
    if (refusal) {
      const next = refusal.nextAllowedAt;
      // Another announcement in the same second is ZIM's 1-per-second rule, not the daily quota: say which.
      const key = next === null ? "quotaFullNoSlot" : refusal.reason === "spacing" ? "spacing" : "quotaFull";
      throw new ScheduleFieldError("time", key, { at: ms, next: next ?? 0, limit: input.limit });
    }
    events.push(ms);
  }
}

/** Serialises quota decisions for one app until the transaction ends (both engines have advisory locks). */
export async function lockQuota(db: Database, appKey: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`announcement-quota:${appKey}`}))`);
}
