import "server-only";
import { and, eq, inArray, isNull, ne, or, type SQL } from "drizzle-orm";
import { OperatorError } from "@/lib/actions/operator-error";
import { recordAudit } from "@/lib/audit/record";
import { bulkSend, bulkTarget, scheduledItem, type BulkSendRow } from "@/lib/db/schema";
import type { MessageContext } from "@/lib/messages/context";
import { consoleApps } from "@/lib/messages/targets";
import { cancelRun } from "./cancel-run";
import { getBulkProgress, recallableWhere } from "./queries";
import { bulkAuditTarget, getBulk, moveCounters, type Tx } from "./rows";
import { RETRYABLE_TARGET_STATUSES, type BulkStatus } from "./status";
import type { BulkProgress } from "./types";
import { kickBulkRunners } from "./wake";

type ControlArgs = { ctx: MessageContext; input: { id: string } };

/** Retry and recall act on what a run left behind: not while it is still going (or waiting to). */
const ENDED_OR_PAUSED: readonly BulkStatus[] = ["paused", "cancelled", "completed"];

const nowOf = (ctx: MessageContext) => (ctx.now ?? (() => new Date()))();

/**
 * Pauses a queued or running run. Groups in flight finish and are recorded; the runner claims no further group
 * (its claim requires a running run) and lets the run go. Nothing is lost: the rest waits as "pending".
 */
export async function pauseBulk({ ctx, input }: ControlArgs): Promise<BulkProgress> {
  return control(ctx, input.id, "bulk.pause", ["queued", "running"], "bulkErrors.notPausable", { status: "paused" });
}

/** Resumes a paused run: back in line ("queued") for any runner, which starts where it stopped. */
export async function resumeBulk({ ctx, input }: ControlArgs): Promise<BulkProgress> {
  const progress = await control(ctx, input.id, "bulk.resume", ["paused"], "bulkErrors.notPaused", { status: "queued" }, noRecallRunning);
  kickBulkRunners();
  return progress;
}

/**
 * Cancels a run that has not ended: groups not yet started become "cancelled", groups in flight finish. A run
 * still waiting for its time is taken off the schedule too (its scheduled item is cancelled, version + 1, so a
 * dispatcher that holds the old version starts nothing; one already starting it finds the run cancelled).
 */
export async function cancelBulk({ ctx, input }: ControlArgs): Promise<BulkProgress> {
  const now = nowOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const row = await cancelRun(tx, input.id, { now, actor: ctx.operator, ipAddress: ctx.ipAddress });
    if (!row) return refuse(tx, input.id, "bulkErrors.notCancellable");
    if (row.scheduledItemId) await cancelItemOf(tx, ctx, row, now);
  });
  return progressOf(ctx, input.id, now);
}

/**
 * Sends again exactly the groups ZIM certainly did nothing with (RETRYABLE_TARGET_STATUSES: rejected,
 * rate-limited, not sent) — never "unknown" (it may have arrived), never "blocked" (it reached ZIM) nor delivered
 * ones. They go back to "pending" and the run back in line; an operator typically retries after fixing the cause
 * (e.g. creating the missing groups).
 */
export async function retryFailedBulk({ ctx, input }: ControlArgs): Promise<BulkProgress> {
  const now = nowOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const row = await lockEnded(tx, input.id);
    const retried = await tx
      .update(bulkTarget)
      .set({ status: "pending", code: null, zimMessage: null, requestId: null, msgSeq: null, msgId: null, auditInfos: null, failure: null, completedAt: null })
      .where(and(eq(bulkTarget.bulkId, row.id), inArray(bulkTarget.status, [...RETRYABLE_TARGET_STATUSES])))
      .returning({ seq: bulkTarget.seq });
    if (retried.length === 0) throw new OperatorError("bulkErrors.nothingToRetry");
    // Rejected, rate-limited and not-sent all count as failed.
    await moveCounters(tx, row.id, [{ from: "rejected", to: "pending", n: retried.length }]);
    await tx.update(bulkSend).set({ status: "queued", finishedAt: null, controlledByEmail: ctx.operator.email, controlledAt: now }).where(eq(bulkSend.id, row.id));
    await audit(tx, ctx, "bulk.retry", row, { groups: retried.length, previousStatus: row.status });
  });
  kickBulkRunners();
  return progressOf(ctx, input.id, now);
}

/**
 * "Recall all": every delivered group of the run whose recall window (the app's, D13, counted from when its
 * request went out) is still open gets recall status "pending", and the run's recall state "running"; the runner
 * revokes them on the RevokeGroupMessage lane and records each outcome. Groups whose earlier recall certainly did
 * not happen, or is unknown, are tried again (a second revoke of a recalled message is answered 660000023).
 */
export async function recallAllBulk({ ctx, input }: ControlArgs): Promise<BulkProgress> {
  const now = nowOf(ctx);
  const current = await getBulk(ctx.db, input.id);
  if (!current) throw new OperatorError("bulkErrors.notFound");
  const app = await (ctx.apps ?? consoleApps).resolve(current.appKey);
  await ctx.db.transaction(async (tx) => {
    const row = await lockEnded(tx, input.id);
    const windowed = { id: row.id, recallWindowSeconds: app.recallWindowSeconds };
    const marked = await tx
      .update(bulkTarget)
      .set({ recallStatus: "pending", recallCode: null, recallMessage: null, recallRequestId: null, recallAt: null })
      .where(recallableWhere(windowed, now))
      .returning({ seq: bulkTarget.seq });
    if (marked.length === 0) throw new OperatorError("bulkErrors.nothingToRecall", { seconds: app.recallWindowSeconds });
    await tx
      .update(bulkSend)
      .set({ recallState: "running", recallRequestedByEmail: ctx.operator.email, recallWindowSeconds: app.recallWindowSeconds })
      .where(eq(bulkSend.id, row.id));
    await audit(tx, ctx, "bulk.recall", row, { groups: marked.length, recallWindowSeconds: app.recallWindowSeconds });
  });
  kickBulkRunners();
  return progressOf(ctx, input.id, now);
}

/** A conditional status change with its audit row; refused with `refusal` when the run is not in `from`. */
async function control(
  ctx: MessageContext,
  id: string,
  action: string,
  from: readonly BulkStatus[],
  refusal: string,
  set: Partial<typeof bulkSend.$inferInsert>,
  extra?: SQL,
): Promise<BulkProgress> {
  const now = nowOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(bulkSend)
      .set({ ...set, controlledByEmail: ctx.operator.email, controlledAt: now })
      .where(and(eq(bulkSend.id, id), inArray(bulkSend.status, [...from]), extra))
      .returning();
    if (!row) return refuse(tx, id, refusal);
    await audit(tx, ctx, action, row, { status: row.status });
  });
  return progressOf(ctx, id, now);
}

const noRecallRunning = or(isNull(bulkSend.recallState), ne(bulkSend.recallState, "running"))!;

/** Why a conditional change matched nothing, read again in the same transaction. */
async function refuse(tx: Tx, id: string, refusal: string): Promise<never> {
  const row = await getBulk(tx, id);
  if (!row) throw new OperatorError("bulkErrors.notFound");
  if (row.recallState === "running") throw new OperatorError("bulkErrors.recallInProgress");
  throw new OperatorError(refusal, { status: row.status });
}

/** The run, locked, when retry or recall may act on it: it has ended or is paused, and no recall is running. */
async function lockEnded(tx: Tx, id: string): Promise<BulkSendRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new OperatorError("bulkErrors.notFound");
  const [row] = await tx.select().from(bulkSend).where(eq(bulkSend.id, id)).for("update");
  if (!row) throw new OperatorError("bulkErrors.notFound");
  if (row.recallState === "running") throw new OperatorError("bulkErrors.recallInProgress");
  if (!ENDED_OR_PAUSED.includes(row.status)) throw new OperatorError("bulkErrors.notEnded", { status: row.status });
  return row;
}

async function cancelItemOf(tx: Tx, ctx: MessageContext, row: BulkSendRow, now: Date): Promise<void> {
  const [item] = await tx.select().from(scheduledItem).where(and(eq(scheduledItem.id, row.scheduledItemId!), eq(scheduledItem.status, "scheduled")));
  if (!item) return;
  await tx
    .update(scheduledItem)
    .set({ status: "cancelled", version: item.version + 1, updatedById: ctx.operator.id, updatedByEmail: ctx.operator.email, updatedAt: now })
    .where(and(eq(scheduledItem.id, item.id), eq(scheduledItem.status, "scheduled")));
  await recordAudit(tx, { actor: ctx.operator, action: "schedule.cancel", target: bulkAuditTarget(row), outcome: "success", ipAddress: ctx.ipAddress ?? null, detail: { itemId: item.id, kind: "bulk", bulkId: row.id } });
}

async function audit(tx: Tx, ctx: MessageContext, action: string, row: BulkSendRow, detail: Record<string, unknown>): Promise<void> {
  await recordAudit(tx, { actor: ctx.operator, action, target: bulkAuditTarget(row), outcome: "success", ipAddress: ctx.ipAddress ?? null, detail: { bulkId: row.id, ...detail } });
}

async function progressOf(ctx: MessageContext, id: string, now: Date): Promise<BulkProgress> {
  const progress = await getBulkProgress(ctx.db, id, now);
  if (!progress) throw new OperatorError("bulkErrors.notFound");
  return progress;
}
