import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Database } from "@/lib/db";
import { scheduledItem, type ScheduledItemRow } from "@/lib/db/schema";
import { consoleApps } from "@/lib/messages/targets";
import type { ApprovalState } from "@/lib/scheduler/status";
import { nowOf, type ItemContext } from "./context";
import { checkPlanQuota, planItem, type ItemFields, type ItemPlan } from "./plan";
import { lockQuota } from "./quota-check";
import { itemSummary, itemTarget } from "./summary";
import { wakeAfterCommit } from "./wake";

export interface CreateItemInput extends ItemFields {
  /** Made by the form when it opened; a second call with it answers the first item instead of a new one. */
  createKey?: string;
}

export interface CreateItemResult {
  id: string;
  version: number;
  dueAt: Date;
  approval: ApprovalState;
  /** The key had already created an item: nothing new was made, `id` is that item. */
  duplicate: boolean;
}

/**
 * Schedules a group message or an announcement. Checks, in order: the request against the app's own limits, the
 * zone and the wall time (a daylight-saving gap is refused with the first valid time, a doubled time needs its
 * occurrence, the past is refused), the repetition, and for announcements D7 over every occurrence. The item and
 * its audit row are written in one transaction; the dispatcher is woken after the commit. Nothing is sent here.
 */
export async function createScheduledItem({ ctx, input }: { ctx: ItemContext; input: CreateItemInput }): Promise<CreateItemResult> {
  const now = nowOf(ctx);
  const earlier = input.createKey ? await findByKey(ctx.db, input.createKey) : undefined;
  if (earlier) return resultOf(earlier, true);

  const app = await (ctx.apps ?? consoleApps).resolve(input.appKey);
  const plan = await planItem(ctx.db, app, input, now);
  const row = await ctx.db.transaction(async (tx) => {
    if (plan.kind === "broadcast") {
      await lockQuota(tx, app.key);
      await checkPlanQuota(tx, plan);
    }
    const [inserted] = await tx
      .insert(scheduledItem)
      .values(rowValues(ctx, plan, input, now))
      .onConflictDoNothing({ target: scheduledItem.createKey })
      .returning();
    if (!inserted) return undefined;
    await recordAudit(tx, { actor: ctx.operator, action: "schedule.create", target: itemTarget(inserted), outcome: "success", ipAddress: ctx.ipAddress ?? null, detail: itemSummary(inserted) });
    return inserted;
  });

  if (!row) {
    // Another request with the same key won the insert a moment ago.
    const winner = await findByKey(ctx.db, input.createKey!);
    if (!winner) throw new Error("The create key conflicted but its item is gone.");
    return resultOf(winner, true);
  }
  // A "send on approval" item has no time of its own until it is approved; approving wakes the dispatcher.
  if (!(row.sendOnApproval && row.approval === "pending")) await wakeAfterCommit(row);
  return resultOf(row, false);
}

async function findByKey(db: Database, key: string): Promise<ScheduledItemRow | undefined> {
  const [row] = await db.select().from(scheduledItem).where(eq(scheduledItem.createKey, key));
  return row;
}

function resultOf(row: ScheduledItemRow, duplicate: boolean): CreateItemResult {
  return { id: row.id, version: row.version, dueAt: row.dueAt, approval: row.approval, duplicate };
}

function rowValues(ctx: ItemContext, plan: ItemPlan, input: CreateItemInput, now: Date): typeof scheduledItem.$inferInsert {
  return {
    createKey: input.createKey ?? null,
    kind: plan.kind,
    appKey: plan.app.key,
    appName: plan.app.name,
    isProduction: plan.app.isProduction,
    request: plan.wire,
    audienceSize: plan.kind === "group" ? (input.audienceSize ?? null) : null,
    localTime: plan.when.localTime,
    timeZone: plan.when.timeZone,
    occurrence: plan.when.occurrence,
    recurrence: plan.when.recurrence,
    dueAt: plan.when.dueAt,
    status: "scheduled",
    version: 1,
    sendOnApproval: plan.sendOnApproval,
    approval: plan.approval,
    createdById: ctx.operator.id,
    createdByEmail: ctx.operator.email,
    createdAt: now,
    updatedById: ctx.operator.id,
    updatedByEmail: ctx.operator.email,
    updatedAt: now,
  };
}
