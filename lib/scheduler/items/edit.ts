import "server-only";
import { and, eq } from "drizzle-orm";
import { OperatorError } from "@/lib/actions/operator-error";
import { recordAudit } from "@/lib/audit/record";
import { scheduledItem } from "@/lib/db/schema";
import { consoleApps } from "@/lib/messages/targets";
import type { ApprovalState } from "@/lib/scheduler/status";
import { nowOf, type ItemContext } from "./context";
import { itemToChange, whyUnchanged } from "./load";
import { checkPlanQuota, planItem, type ItemFields } from "./plan";
import { lockQuota } from "./quota-check";
import { itemSummary, itemTarget } from "./summary";
import { wakeAfterCommit } from "./wake";

export interface EditItemInput extends ItemFields {
  id: string;
  /** The version the operator edited; a newer one (someone else's edit) refuses the change. */
  expectedVersion: number;
}

export interface EditItemResult {
  id: string;
  version: number;
  dueAt: Date;
  approval: ApprovalState;
  /** The item had been approved; the change voided that approval and it waits for a new one. */
  approvalVoided: boolean;
}

/**
 * Changes a waiting item (message, app or time) while nothing has started, with the same checks as creating it
 * and D7 counted without the item's own old occurrences. The version grows, so a dispatcher that claimed the old
 * version finds nothing to claim; when the app asks for approval, an approved item goes back to waiting for one.
 */
export async function editScheduledItem({ ctx, input }: { ctx: ItemContext; input: EditItemInput }): Promise<EditItemResult> {
  const now = nowOf(ctx);
  const current = await itemToChange(ctx.db, input.id, input.expectedVersion);
  if (input.kind !== current.kind) throw new OperatorError("scheduleErrors.kindChanged");
  const app = await (ctx.apps ?? consoleApps).resolve(input.appKey);
  const plan = await planItem(ctx.db, app, { ...input, sendOnApproval: input.sendOnApproval ?? current.sendOnApproval }, now);
  const approvalVoided = current.approval === "approved" && plan.approval === "pending";

  const row = await ctx.db.transaction(async (tx) => {
    if (plan.kind === "broadcast") {
      await lockQuota(tx, app.key);
      await checkPlanQuota(tx, plan, current.id);
    }
    const [updated] = await tx
      .update(scheduledItem)
      .set({
        appKey: app.key,
        appName: app.name,
        isProduction: app.isProduction,
        request: plan.wire,
        audienceSize: plan.kind === "group" ? (input.audienceSize ?? null) : null,
        localTime: plan.when.localTime,
        timeZone: plan.when.timeZone,
        occurrence: plan.when.occurrence,
        recurrence: plan.when.recurrence,
        dueAt: plan.when.dueAt,
        sendOnApproval: plan.sendOnApproval,
        version: current.version + 1,
        // An approval is for the version the reviewer saw; a changed item needs a new one.
        approval: plan.approval,
        approvedVersion: null,
        reviewerId: null,
        reviewerEmail: null,
        reviewReason: null,
        reviewedAt: null,
        updatedById: ctx.operator.id,
        updatedByEmail: ctx.operator.email,
        updatedAt: now,
      })
      .where(and(eq(scheduledItem.id, current.id), eq(scheduledItem.version, input.expectedVersion), eq(scheduledItem.status, "scheduled")))
      .returning();
    if (!updated) return whyUnchanged(tx, current.id, input.expectedVersion);
    await recordAudit(tx, {
      actor: ctx.operator,
      action: "schedule.edit",
      target: itemTarget(updated),
      outcome: "success",
      ipAddress: ctx.ipAddress ?? null,
      detail: { ...itemSummary(updated), previousDueAt: current.dueAt.toISOString(), approvalVoided: approvalVoided || undefined },
    });
    return updated;
  });

  if (!(row.sendOnApproval && row.approval === "pending")) await wakeAfterCommit(row);
  return { id: row.id, version: row.version, dueAt: row.dueAt, approval: row.approval, approvalVoided };
}
