import "server-only";
import { and, eq, gt, inArray, lte, ne, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { messageSend, scheduledItem } from "@/lib/db/schema";
import { occurrences } from "@/lib/time/recurrence";
import { QUOTA_WINDOW_MS } from "./quota";

/**
 * The send statuses that use quota (D7 counts accepted calls). "sending" and "unknown" count too: they may have
 * been accepted, and counting one too many only delays an announcement, while one too few gets it refused.
 */
const COUNTED_STATUSES = ["sending", "delivered", "blocked", "unknown"] as const;

export interface QuotaEvents {
  /** Instants (ms) of announcements sent in the window. */
  past: number[];
  /** Instants (ms) of scheduled announcement occurrences in the window. */
  scheduled: number[];
}

/**
 * The announcements of one app that count against D7 between `from` and `to`: those sent, and the occurrences of
 * scheduled (and not rejected) announcement items, repetitions included. `exceptItemId` leaves out the item
 * being edited, so its own old time does not crowd its new one.
 */
export async function loadQuotaEvents(
  db: Database,
  appKey: string,
  range: { from: Date; to: Date },
  exceptItemId?: string,
): Promise<QuotaEvents> {
  // The attempt's time, not the record's: a rate-limited announcement sent again hours later counts when it went.
  const sent = await db
    .select({ at: messageSend.attemptedAt })
    .from(messageSend)
    .where(
      and(
        eq(messageSend.kind, "broadcast"),
        eq(messageSend.appKey, appKey),
        eq(messageSend.isTest, false),
        inArray(messageSend.status, [...COUNTED_STATUSES]),
        gt(messageSend.attemptedAt, range.from),
        lte(messageSend.attemptedAt, range.to),
      ),
    );
  const items = await db
    .select({ id: scheduledItem.id, dueAt: scheduledItem.dueAt, timeZone: scheduledItem.timeZone, recurrence: scheduledItem.recurrence })
    .from(scheduledItem)
    .where(
      and(
        eq(scheduledItem.kind, "broadcast"),
        eq(scheduledItem.appKey, appKey),
        inArray(scheduledItem.status, ["scheduled", "claimed"]),
        ne(scheduledItem.approval, "rejected"),
        lte(scheduledItem.dueAt, range.to),
        exceptItemId ? ne(scheduledItem.id, exceptItemId) : sql`true`,
      ),
    );
  const scheduled: number[] = [];
  for (const item of items) {
    for (const at of occurrences(item.dueAt, item.timeZone, item.recurrence ?? null)) {
      const ms = at.getTime();
      if (ms > range.to.getTime()) break;
      if (ms > range.from.getTime()) scheduled.push(ms);
    }
  }
  return { past: sent.map((r) => r.at.getTime()), scheduled: scheduled.sort((a, b) => a - b) };
}

/** The window around `at` that decides whether one more announcement fits there (see fitsAt). */
export function quotaRangeAround(at: Date): { from: Date; to: Date } {
  return { from: new Date(at.getTime() - QUOTA_WINDOW_MS), to: new Date(at.getTime() + QUOTA_WINDOW_MS) };
}
