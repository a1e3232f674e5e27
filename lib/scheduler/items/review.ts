import "server-only";
import { and, eq } from "drizzle-orm";
import { OperatorError } from "@/lib/actions/operator-error";
import { recordAudit } from "@/lib/audit/record";
import type { Database } from "@/lib/db";
import { scheduledItem, type ScheduledItemRow } from "@/lib/db/schema";
import { consoleApps } from "@/lib/messages/targets";
import { nowOf, type ItemContext } from "./context";
import { itemToChange } from "./load";
import { checkAnnouncementQuota, lockQuota } from "./quota-check";
import { itemSummary, itemTarget } from "./summary";
import { wakeAfterCommit } from "./wake";

export interface ReviewInput {
  id: string;
  /** The version the reviewer read in full; an approval is for that version only. */
  expectedVersion: number;
  reason?: string;
}

/**
 * A second operator approves an announcement that waits for approval. Not its author, nor whoever changed it
 * last: they wrote what is being approved (the attempt is refused and audited as denied). The approval records
 * the version it is for; a later edit voids it. An item "sent on approval" is due now and the dispatcher woken.
 */
export async function approveScheduledItem({ ctx, input }: { ctx: ItemContext; input: ReviewInput }): Promise<{ id: string; dueAt: Date }> {
  const now = nowOf(ctx);
  const current = await reviewable(ctx, input);
  const app = current.sendOnApproval ? await (ctx.apps ?? consoleApps).resolve(current.appKey) : undefined;
  const row = await ctx.db.transaction(async (tx) => {
    if (app) {
      // Going out now: the quota must have room now, next to what was sent while it waited.
      await lockQuota(tx, app.key);
      await checkAnnouncementQuota(tx, { appKey: app.key, limit: app.broadcastDailyLimit, occurrences: [now], exceptItemId: current.id });
    }
    const [updated] = await tx
      .update(scheduledItem)
      .set({
        approval: "approved",
        approvedVersion: current.version,
        reviewerId: ctx.operator.id,
        reviewerEmail: ctx.operator.email,
        reviewReason: input.reason?.trim() || null,
        reviewedAt: now,
        ...(current.sendOnApproval ? { dueAt: now } : {}),
      })
      .where(stillPending(current))
      .returning();
    if (!updated) await stillReviewable(tx, input);
    await recordAudit(tx, { actor: ctx.operator, action: "schedule.approve", target: itemTarget(updated!), outcome: "success", ipAddress: ctx.ipAddress ?? null, detail: { ...itemSummary(updated!), reason: updated!.reviewReason } });
    return updated!;
  });
  await wakeAfterCommit(row);
  return { id: row.id, dueAt: row.dueAt };
}

/**
 * A second operator refuses an announcement, saying why. It will not go out: the item is cancelled with its
 * approval "rejected" (final, so no dispatcher can ever send it), and its author is told (attention.ts).
 */
export async function rejectScheduledItem({ ctx, input }: { ctx: ItemContext; input: ReviewInput }): Promise<{ id: string }> {
  const reason = input.reason?.trim() ?? "";
  if (reason === "") throw new OperatorError("scheduleErrors.reasonRequired");
  const now = nowOf(ctx);
  const current = await reviewable(ctx, input);
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(scheduledItem)
      .set({ approval: "rejected", status: "cancelled", reviewerId: ctx.operator.id, reviewerEmail: ctx.operator.email, reviewReason: reason, reviewedAt: now })
      .where(stillPending(current))
      .returning();
    if (!updated) await stillReviewable(tx, input);
    await recordAudit(tx, { actor: ctx.operator, action: "schedule.reject", target: itemTarget(updated!), outcome: "success", ipAddress: ctx.ipAddress ?? null, detail: { ...itemSummary(updated!), reason } });
    return { id: updated!.id };
  });
}

async function reviewable(ctx: ItemContext, input: ReviewInput): Promise<ScheduledItemRow> {
  const row = await itemToChange(ctx.db, input.id, input.expectedVersion);
  if (row.approval !== "pending") throw new OperatorError("scheduleErrors.notPending", { approval: row.approval });
  if (row.createdById === ctx.operator.id || row.updatedById === ctx.operator.id) {
    await recordAudit(ctx.db, { actor: ctx.operator, action: "schedule.review", target: itemTarget(row), outcome: "denied", ipAddress: ctx.ipAddress ?? null, detail: { itemId: row.id, reason: "own item" } });
    throw new OperatorError("scheduleErrors.selfApproval");
  }
  return row;
}

function stillPending(row: ScheduledItemRow) {
  return and(eq(scheduledItem.id, row.id), eq(scheduledItem.version, row.version), eq(scheduledItem.status, "scheduled"), eq(scheduledItem.approval, "pending"));
}

/** Someone else acted between the read and the write: say what changed. */
async function stillReviewable(db: Database, input: ReviewInput): Promise<never> {
  const row = await itemToChange(db, input.id, input.expectedVersion);
  throw new OperatorError("scheduleErrors.notPending", { approval: row.approval });
}
