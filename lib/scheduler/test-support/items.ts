import { eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { scheduledItem, scheduledRun, type ScheduledItemRow } from "@/lib/db/schema";
import { TEST_ADMIN } from "@/lib/testing/operator";
import { localTimeOf } from "@/lib/time/zoned-time";

type NewItem = typeof scheduledItem.$inferInsert;

/**
 * A scheduled group message as the scheduling verbs store one: due at `dueAt`, by the test admin, on the sandbox
 * app; `request` is the exact SendGroupMessage body.
 */
export function groupItem(request: Record<string, unknown>, dueAt: Date, extra: Partial<NewItem> = {}): NewItem {
  const timeZone = extra.timeZone ?? "UTC";
  return {
    kind: "group",
    appKey: "sandbox",
    appName: "Sandbox",
    isProduction: false,
    request,
    audienceSize: 3,
    localTime: localTimeOf(dueAt, timeZone),
    timeZone,
    dueAt,
    status: "scheduled",
    approval: "not-required",
    createdById: TEST_ADMIN.id,
    createdByEmail: TEST_ADMIN.email,
    updatedById: TEST_ADMIN.id,
    updatedByEmail: TEST_ADMIN.email,
    ...extra,
  };
}

/** A scheduled announcement (SendMessageToAllUsers body) needing approval unless said otherwise. */
export function announcementItem(fromUserId: string, dueAt: Date, extra: Partial<NewItem> = {}): NewItem {
  return groupItem({ FromUserId: fromUserId, MessageType: 1, MessageBody: { Message: "to everyone" }, PushType: 0 }, dueAt, {
    kind: "broadcast",
    audienceSize: null,
    approval: "pending",
    ...extra,
  });
}

export async function insertItems(db: Database, items: NewItem[]): Promise<ScheduledItemRow[]> {
  return db.insert(scheduledItem).values(items).returning();
}

export async function itemOf(db: Database, id: string): Promise<ScheduledItemRow> {
  const [row] = await db.select().from(scheduledItem).where(eq(scheduledItem.id, id));
  if (!row) throw new Error(`No scheduled item ${id}`);
  return row;
}

export async function runsOf(db: Database, ids: string[]) {
  return ids.length === 0 ? [] : db.select().from(scheduledRun).where(inArray(scheduledRun.itemId, ids));
}

/** Items still waiting or in a dispatcher's hands. */
export async function unsettledCount(db: Database, ids: string[]): Promise<number> {
  const rows = await db.select({ status: scheduledItem.status }).from(scheduledItem).where(inArray(scheduledItem.id, ids));
  return rows.filter((r) => r.status === "scheduled" || r.status === "claimed" || r.status === "sending").length;
}
