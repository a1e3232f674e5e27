import "server-only";
import { and, eq } from "drizzle-orm";
import { OperatorError } from "@/lib/actions/operator-error";
import { recordAudit } from "@/lib/audit/record";
import { bulkSend, type ScheduledItemRow, type scheduledItem } from "@/lib/db/schema";
import type { MessageContext } from "@/lib/messages/context";
import type { SendResult } from "@/lib/messages/claim";
import type { ResolvedTarget } from "@/lib/messages/targets";
import type { ItemSendInput } from "@/lib/scheduler/senders";
import { resolveWhen, type ResolvedWhen, type WhenInput } from "@/lib/scheduler/items/when";
import type { RunOutcome } from "@/lib/scheduler/settle";
import { cancelRun } from "./cancel-run";
import { bulkAuditTarget, getBulk, type Tx } from "./rows";
import { kickBulkRunners } from "./wake";

/**
 * A scheduled bulk send is a scheduled item of kind "bulk" whose request is `{ bulkId }`: at its time the
 * dispatcher's "bulk" sender moves the run from "scheduled" to "queued" (once: the move is conditional) and
 * wakes the runner, which does the sending. Nothing here calls ZIM.
 */
export type BulkSchedulePlan = ResolvedWhen;

/** The time of a scheduled bulk send; the schedule control's rules (a past time, a gap…), and no repetition. */
export function planBulkSchedule(when: WhenInput, now: Date): BulkSchedulePlan {
  if (when.recurrence) throw new OperatorError("bulkErrors.noRepeat");
  return resolveWhen({ ...when, recurrence: null }, now.getTime());
}

export function bulkItemValues(
  ctx: MessageContext,
  app: ResolvedTarget,
  when: BulkSchedulePlan,
  bulk: { id: string; bulkId: string; total: number; now: Date },
): typeof scheduledItem.$inferInsert {
  return {
    id: bulk.id,
    kind: "bulk",
    appKey: app.key,
    appName: app.name,
    isProduction: app.isProduction,
    request: { bulkId: bulk.bulkId },
    audienceSize: bulk.total,
    localTime: when.localTime,
    timeZone: when.timeZone,
    occurrence: when.occurrence,
    recurrence: null,
    dueAt: when.dueAt,
    status: "scheduled",
    version: 1,
    approval: "not-required",
    createdById: ctx.operator.id,
    createdByEmail: ctx.operator.email,
    createdAt: bulk.now,
    updatedById: ctx.operator.id,
    updatedByEmail: ctx.operator.email,
    updatedAt: bulk.now,
  };
}

/** The bulk send a scheduled item of kind "bulk" starts. */
export function bulkIdOf(item: Pick<ScheduledItemRow, "request">): string {
  return String(item.request.bulkId ?? "");
}

/**
 * The dispatcher's "bulk" sender: scheduled → queued, exactly once (a second dispatcher, or one that took over an
 * expired lease, finds it queued and answers `duplicate`), then the runner is woken. Its answer makes the item's
 * run "sent" (started) and its send id the bulk send's id. A run cancelled meanwhile is refused: the item fails.
 * A limiter slot handed in is given back unused: starting a run sends nothing.
 */
export async function startScheduledBulk(ctx: MessageContext, input: ItemSendInput): Promise<SendResult> {
  await input.permit?.cancel();
  const bulkId = String(input.request.bulkId ?? "");
  const started = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(bulkSend)
      .set({ status: "queued" })
      .where(and(eq(bulkSend.id, bulkId), eq(bulkSend.status, "scheduled")))
      .returning();
    if (!row) return false;
    await recordAudit(tx, {
      action: "bulk.start",
      target: bulkAuditTarget(row),
      outcome: "success",
      detail: { bulkId, scheduledItemId: input.scheduled.itemId, scheduledFor: input.scheduled.dueAt.toISOString() },
    });
    return true;
  });
  if (started) {
    kickBulkRunners();
    return { id: bulkId, status: "delivered", duplicate: false, sameContent: true };
  }
  const current = await getBulk(ctx.db, bulkId);
  if (!current) throw new OperatorError("bulkErrors.notFound");
  if (current.status === "cancelled") throw new OperatorError("bulkErrors.cancelled");
  return { id: bulkId, status: "delivered", duplicate: true, sameContent: true };
}

/**
 * A scheduled item of a bulk send ended without starting it (cancelled, missed, failed): the run, still waiting,
 * is cancelled with it in the same transaction, so it can never start later.
 */
export async function endWaitingBulk(tx: Tx, item: ScheduledItemRow, how: { now: Date; actor?: { id: string; email: string } | null; ipAddress?: string | null; reason: string }): Promise<void> {
  const [row] = await tx.select({ status: bulkSend.status }).from(bulkSend).where(eq(bulkSend.id, bulkIdOf(item)));
  if (row?.status !== "scheduled") return;
  await cancelRun(tx, bulkIdOf(item), { now: how.now, actor: how.actor, ipAddress: how.ipAddress, reason: how.reason });
}

/** The settle hook: an occurrence of a bulk item that did not start its run ends the run too. */
export async function settleBulkItem(tx: Tx, item: ScheduledItemRow, outcome: RunOutcome, now: Date): Promise<void> {
  if (item.kind !== "bulk" || outcome.status === "sent") return;
  await endWaitingBulk(tx, item, { now, reason: outcome.status });
}
