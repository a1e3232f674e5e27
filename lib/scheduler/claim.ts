import "server-only";
import { and, asc, eq, inArray, lte, not } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { scheduledItem, type ScheduledItemRow } from "@/lib/db/schema";

export interface ClaimOptions {
  owner: string;
  /** The dispatcher's clock; every comparison uses it, never the database's now(). */
  now: Date;
  /** Items due up to this instant (default `now`): a wake-up takes its item a moment early and waits in hand. */
  dueBy?: Date;
  leaseMs: number;
  limit: number;
}

/**
 * Takes the earliest due items for this dispatcher: scheduled → claimed with a lease, in one statement. The
 * inner SELECT … FOR UPDATE SKIP LOCKED makes concurrent dispatchers (in this process or others) take disjoint
 * sets, and its condition is re-checked on the locked row, so an item is claimed by one dispatcher at a time.
 * Nothing has been sent for a claimed item: if the lease runs out, the lease sweep puts it back.
 *
 * "Send on approval" announcements are not due while approval is pending: approving sets their time.
 */
export async function claimDueItems(db: Database, options: ClaimOptions): Promise<ScheduledItemRow[]> {
  const { owner, now, leaseMs, limit, dueBy = now } = options;
  const due = db
    .select({ id: scheduledItem.id })
    .from(scheduledItem)
    .where(
      and(
        eq(scheduledItem.status, "scheduled"),
        lte(scheduledItem.dueAt, dueBy),
        not(and(eq(scheduledItem.sendOnApproval, true), eq(scheduledItem.approval, "pending"))!),
      ),
    )
    .orderBy(asc(scheduledItem.dueAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(scheduledItem)
    .set({ status: "claimed", leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) })
    .where(and(inArray(scheduledItem.id, due), eq(scheduledItem.status, "scheduled")))
    .returning();
}
