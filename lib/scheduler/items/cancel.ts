import "server-only";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import { endWaitingBulk } from "@/lib/bulk/schedule";
import { scheduledItem } from "@/lib/db/schema";
import { nowOf, type ItemContext } from "./context";
import { itemToChange, whyUnchanged } from "./load";
import { itemSummary, itemTarget } from "./summary";

/**
 * Cancels a waiting item before it starts: status "cancelled", version + 1, so a dispatcher that claimed the old
 * version finds nothing. An item a dispatcher already holds (claimed, sending) cannot be cancelled any more.
 * Cancelling a bulk send's item cancels the waiting run with it.
 */
export async function cancelScheduledItem({ ctx, input }: { ctx: ItemContext; input: { id: string; expectedVersion: number } }): Promise<{ id: string; version: number }> {
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const current = await itemToChange(tx, input.id, input.expectedVersion);
    const [updated] = await tx
      .update(scheduledItem)
      .set({ status: "cancelled", version: current.version + 1, updatedById: ctx.operator.id, updatedByEmail: ctx.operator.email, updatedAt: now })
      .where(and(eq(scheduledItem.id, current.id), eq(scheduledItem.version, input.expectedVersion), eq(scheduledItem.status, "scheduled")))
      .returning();
    if (!updated) return whyUnchanged(tx, current.id, input.expectedVersion);
    if (updated.kind === "bulk") await endWaitingBulk(tx, updated, { now, actor: ctx.operator, ipAddress: ctx.ipAddress, reason: "schedule.cancel" });
    await recordAudit(tx, { actor: ctx.operator, action: "schedule.cancel", target: itemTarget(updated), outcome: "success", ipAddress: ctx.ipAddress ?? null, detail: itemSummary(updated) });
    return { id: updated.id, version: updated.version };
  });
}
