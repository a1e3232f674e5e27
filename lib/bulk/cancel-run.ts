import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import { bulkSend, bulkTarget, type BulkSendRow } from "@/lib/db/schema";
import { bulkAuditTarget, moveCounters, type Tx } from "./rows";
import { ACTIVE_BULK_STATUSES } from "./status";

export interface CancelRunOptions {
  now: Date;
  /** The operator who cancelled; none when the schedule ended it (missed, failed). */
  actor?: { id: string; email: string } | null;
  ipAddress?: string | null;
  /** Why, when it was not an operator's click on the run itself (e.g. "schedule.cancel", "missed"). */
  reason?: string;
}

/**
 * Cancels a run that has not ended, in the caller's transaction: status "cancelled", every group not yet started
 * "cancelled" (counted), and an audit row. Groups in flight finish and are recorded as they end; nothing more is
 * claimed, since a runner claims only from a running run. Answers the updated row, or undefined when the run had
 * ended already.
 */
export async function cancelRun(tx: Tx, id: string, options: CancelRunOptions): Promise<BulkSendRow | undefined> {
  const [row] = await tx
    .update(bulkSend)
    .set({
      status: "cancelled",
      finishedAt: options.now,
      ...(options.actor ? { controlledByEmail: options.actor.email, controlledAt: options.now } : {}),
    })
    .where(and(eq(bulkSend.id, id), inArray(bulkSend.status, [...ACTIVE_BULK_STATUSES])))
    .returning();
  if (!row) return undefined;
  const cancelled = await tx
    .update(bulkTarget)
    .set({ status: "cancelled" })
    .where(and(eq(bulkTarget.bulkId, id), eq(bulkTarget.status, "pending")))
    .returning({ seq: bulkTarget.seq });
  await moveCounters(tx, id, [{ from: "pending", to: "cancelled", n: cancelled.length }]);
  await recordAudit(tx, {
    actor: options.actor ?? null,
    action: "bulk.cancel",
    target: bulkAuditTarget(row),
    outcome: "success",
    ipAddress: options.ipAddress ?? null,
    detail: { bulkId: id, cancelledGroups: cancelled.length, reason: options.reason },
  });
  const [counted] = await tx.select().from(bulkSend).where(eq(bulkSend.id, id));
  return counted ?? row;
}
