import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, lte, notInArray, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { scheduledItem, scheduledRun, type ScheduledItemRow, type ScheduledRunRow } from "@/lib/db/schema";
import type { ItemStatus } from "@/lib/scheduler/status";
import { occurrences } from "@/lib/time/recurrence";

/** Items still ahead or under way; everything else is "past". */
export const WAITING_STATUSES = ["scheduled", "claimed", "sending"] as const satisfies readonly ItemStatus[];

export const ITEM_VIEWS = ["upcoming", "past", "approval"] as const;
export type ItemListView = (typeof ITEM_VIEWS)[number];

/** One tab of the Scheduled page: upcoming soonest first, past most recently changed first, approvals by due time. */
export async function listItems(db: Database, view: ItemListView, { appKey, limit = 200 }: { appKey?: string; limit?: number } = {}): Promise<ScheduledItemRow[]> {
  const app = appKey ? eq(scheduledItem.appKey, appKey) : undefined;
  if (view === "past") {
    return db.select().from(scheduledItem).where(and(notInArray(scheduledItem.status, [...WAITING_STATUSES]), app)).orderBy(desc(scheduledItem.updatedAt)).limit(limit);
  }
  const where = view === "approval"
    ? and(eq(scheduledItem.status, "scheduled"), eq(scheduledItem.approval, "pending"), app)
    : and(inArray(scheduledItem.status, [...WAITING_STATUSES]), app);
  return db.select().from(scheduledItem).where(where).orderBy(asc(scheduledItem.dueAt)).limit(limit);
}

export async function countPendingApprovals(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(scheduledItem).where(and(eq(scheduledItem.status, "scheduled"), eq(scheduledItem.approval, "pending")));
  return row?.n ?? 0;
}

export async function listRuns(db: Database, itemId: string): Promise<ScheduledRunRow[]> {
  return db.select().from(scheduledRun).where(eq(scheduledRun.itemId, itemId)).orderBy(desc(scheduledRun.dueAt));
}

export interface CalendarEntry {
  itemId: string;
  at: Date;
  /** The occurrence's outcome when it has one, else the item's state. */
  status: string;
  row: ScheduledItemRow;
}

/**
 * What the calendar shows between `from` and `to`: every coming occurrence of waiting items (repetitions
 * expanded), every occurrence that ended (its run), and items that ended without a run (cancelled) at their time.
 */
export async function calendarEntries(db: Database, range: { from: Date; to: Date; appKey?: string }): Promise<CalendarEntry[]> {
  const app = range.appKey ? eq(scheduledItem.appKey, range.appKey) : undefined;
  const entries: CalendarEntry[] = [];
  const waiting = await db.select().from(scheduledItem).where(and(inArray(scheduledItem.status, [...WAITING_STATUSES]), lt(scheduledItem.dueAt, range.to), app));
  for (const row of waiting) {
    for (const at of occurrences(row.dueAt, row.timeZone, row.recurrence ?? null)) {
      if (at >= range.to) break;
      if (at >= range.from) entries.push({ itemId: row.id, at, status: at.getTime() === row.dueAt.getTime() ? row.status : "scheduled", row });
    }
  }
  const runs = await db
    .select({ run: scheduledRun, item: scheduledItem })
    .from(scheduledRun)
    .innerJoin(scheduledItem, eq(scheduledRun.itemId, scheduledItem.id))
    .where(and(gte(scheduledRun.dueAt, range.from), lt(scheduledRun.dueAt, range.to), app));
  for (const { run, item } of runs) entries.push({ itemId: item.id, at: run.dueAt, status: run.status, row: item });
  const ended = await db
    .select()
    .from(scheduledItem)
    .where(and(notInArray(scheduledItem.status, [...WAITING_STATUSES]), gte(scheduledItem.dueAt, range.from), lte(scheduledItem.dueAt, range.to), app,
      sql`not exists (select 1 from "scheduled_run" r where r.item_id = "scheduled_item"."id" and r.due_at = "scheduled_item"."due_at")`));
  for (const row of ended) if (row.dueAt < range.to) entries.push({ itemId: row.id, at: row.dueAt, status: row.status, row });
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
