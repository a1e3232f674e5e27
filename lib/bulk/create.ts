import "server-only";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Database } from "@/lib/db";
import { bulkSend, bulkTarget, scheduledItem } from "@/lib/db/schema";
import { invalidRequest, InvalidRequestError, type MessageContext } from "@/lib/messages/context";
import { consoleApps, type ResolvedTarget } from "@/lib/messages/targets";
import { wakeAfterCommit } from "@/lib/scheduler/items/wake";
import type { WhenInput } from "@/lib/scheduler/items/when";
import { itemSummary, itemTarget } from "@/lib/scheduler/items/summary";
import { DEFAULT_RATE_LIMITS } from "@/lib/zim-apps/defaults";
import { makeSendGroupMessageSchema, type SendGroupMessageInput, type SendGroupMessageRequest } from "@/lib/zim/schemas/send-group-message";
import { groupIdProblem } from "./group-list";
import { bulkAuditTarget, type Tx } from "./rows";
import { bulkItemValues, planBulkSchedule, type BulkSchedulePlan } from "./schedule";
import { MAX_BULK_GROUPS } from "./types";
import { kickBulkRunners } from "./wake";

export interface CreateBulkInput {
  appKey: string;
  /** Made by the composer when it opened: a double click or a retried request creates one bulk send. */
  createKey: string;
  /** The message every group gets; its GroupId is ignored (each group's request carries its own). */
  request: SendGroupMessageInput;
  /** The groups, in the order they are sent; repeats are dropped (the first one kept). */
  groupIds: string[];
  /**
   * Send later, once (a bulk send does not repeat): the schedule control's time fields as the composer sends
   * them for a scheduled group message (lib/scheduler/items/when.ts); a repetition is refused.
   */
  schedule?: WhenInput;
}

/** Groups per INSERT of targets: a few statements for 100,000 groups, each of bounded size. */
const TARGET_CHUNK = 20_000;
/** Checks the template as a group message; any valid ID stands in for the groups. */
const PLACEHOLDER_GROUP = "placeholder";

/**
 * Creates a bulk send: one message to many groups. Checks the message against the app's own limits (D4, D8) as a
 * single send would, every group ID with the composer's rule, the list's size, and the time of a scheduled one;
 * a problem is an InvalidRequestError (or a ScheduleFieldError beside the schedule) and nothing is written.
 *
 * The run, every target row, its scheduled item when it waits for a time, and the audit row are written in ONE
 * transaction, under the unique create key: a second call with the key answers the first run (`duplicate`).
 * Nothing is sent here: the bulk runner sends, woken after the commit (a scheduled run waits for the dispatcher).
 */
export async function createBulkSend({ ctx, input }: { ctx: MessageContext; input: CreateBulkInput }): Promise<{ id: string; duplicate: boolean }> {
  const earlier = await findByKey(ctx.db, input.createKey);
  if (earlier) return { id: earlier, duplicate: true };

  const now = (ctx.now ?? (() => new Date()))();
  const app = await (ctx.apps ?? consoleApps).resolve(input.appKey);
  const wire = checkTemplate(app, input.request);
  const groupIds = checkGroupIds(input.groupIds);
  const schedule = input.schedule ? planBulkSchedule(input.schedule, now) : undefined;
  const id = randomUUID();
  const itemId = schedule ? randomUUID() : null;

  const created = await ctx.db.transaction(async (tx) => {
    const target = wire.SendMsgOptions?.TargetOption;
    const [row] = await tx
      .insert(bulkSend)
      .values({
        id,
        createKey: input.createKey,
        appKey: app.key,
        appName: app.name,
        appId: app.appId,
        isProduction: app.isProduction,
        fromUserId: wire.FromUserId,
        messageType: wire.MessageType,
        priority: wire.Priority,
        recipientMode: !target ? "all" : target.Inclusive ? "only" : "except",
        recipientCount: target?.ReceiverUserIds?.length ?? 0,
        template: { ...wire, GroupId: "" } as unknown as Record<string, unknown>,
        perSecond: sendRateOf(app),
        recallWindowSeconds: app.recallWindowSeconds,
        status: schedule ? "scheduled" : "queued",
        total: groupIds.length,
        scheduledItemId: itemId,
        scheduledFor: schedule?.dueAt ?? null,
        createdById: ctx.operator.id,
        createdByEmail: ctx.operator.email,
        createdAt: now,
      })
      .onConflictDoNothing({ target: bulkSend.createKey })
      .returning();
    if (!row) return undefined;
    for (let start = 0; start < groupIds.length; start += TARGET_CHUNK) {
      await insertTargets(tx, id, start, groupIds.slice(start, start + TARGET_CHUNK));
    }
    const item = schedule ? await insertItem(tx, ctx, app, schedule, { id: itemId!, bulkId: id, total: groupIds.length, now }) : undefined;
    await recordAudit(tx, {
      actor: ctx.operator,
      action: "bulk.create",
      target: bulkAuditTarget(row),
      outcome: "success",
      ipAddress: ctx.ipAddress ?? null,
      detail: {
        bulkId: id,
        appId: row.appId,
        production: row.isProduction,
        fromUserId: row.fromUserId,
        messageType: row.messageType,
        priority: row.priority,
        recipients: row.recipientMode,
        recipientCount: row.recipientCount,
        groups: row.total,
        duplicatesRemoved: input.groupIds.length - groupIds.length || undefined,
        scheduledItemId: itemId ?? undefined,
        scheduledFor: schedule?.dueAt.toISOString(),
      },
    });
    return { row, item };
  });

  if (!created) {
    // Another request with the same key won the insert a moment ago.
    const winner = await findByKey(ctx.db, input.createKey);
    if (!winner) throw new Error("The create key conflicted but its bulk send is gone.");
    return { id: winner, duplicate: true };
  }
  if (created.item) await wakeAfterCommit(created.item);
  else kickBulkRunners();
  return { id, duplicate: false };
}

/** The app's SendGroupMessage limit, what a run paces itself to. */
export function sendRateOf(app: Pick<ResolvedTarget, "rateLimits">): number {
  const configured = app.rateLimits.SendGroupMessage?.perSecond;
  return configured && configured > 0 ? configured : DEFAULT_RATE_LIMITS.SendGroupMessage.perSecond;
}

async function findByKey(db: Database, key: string): Promise<string | undefined> {
  const [row] = await db.select({ id: bulkSend.id }).from(bulkSend).where(eq(bulkSend.createKey, key));
  return row?.id;
}

function checkTemplate(app: ResolvedTarget, request: SendGroupMessageInput): SendGroupMessageRequest {
  const parsed = makeSendGroupMessageSchema(app.limits).safeParse({ ...request, GroupId: PLACEHOLDER_GROUP });
  if (!parsed.success) throw invalidRequest(parsed.error.issues);
  return parsed.data;
}

/** The list as it will be sent: repeats dropped; refused when empty, too long, or holding an ID ZIM refuses. */
function checkGroupIds(groupIds: readonly string[]): string[] {
  const unique = [...new Set(groupIds)];
  const refuse = (message: string) => new InvalidRequestError([{ path: ["groupIds"], message }]);
  if (unique.length === 0) throw refuse("Add at least one group ID.");
  if (unique.length > MAX_BULK_GROUPS) {
    throw refuse(`A bulk send takes at most ${MAX_BULK_GROUPS.toLocaleString("en")} groups; this list has ${unique.length.toLocaleString("en")}.`);
  }
  let first: { line: number; value: string; reason: string } | undefined;
  let bad = 0;
  groupIds.forEach((value, index) => {
    const reason = typeof value === "string" ? groupIdProblem(value) : "It is not text.";
    if (!reason) return;
    bad += 1;
    first ??= { line: index + 1, value: String(value), reason };
  });
  if (first) {
    const count = bad === 1 ? "1 group ID is not valid" : `${bad} group IDs are not valid`;
    throw refuse(`${count}. Line ${first.line} ("${first.value}"): ${first.reason}`);
  }
  return unique;
}

/**
 * One INSERT … SELECT over an array parameter (its text form): one parameter per chunk instead of three per row,
 * which keeps 100,000 rows to a few seconds. IDs never hold a quote or a backslash (zim-api.md §1.5); both are
 * escaped anyway.
 */
async function insertTargets(tx: Tx, bulkId: string, start: number, groupIds: string[]): Promise<void> {
  const literal = `{${groupIds.map((g) => `"${g.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
  await tx.execute(sql`
    insert into ${bulkTarget} (bulk_id, seq, group_id)
    select ${bulkId}::uuid, ${start}::int + u.n::int, u.g from unnest(${literal}::text[]) with ordinality as u(g, n)`);
}

async function insertItem(
  tx: Tx,
  ctx: MessageContext,
  app: ResolvedTarget,
  schedule: BulkSchedulePlan,
  bulk: { id: string; bulkId: string; total: number; now: Date },
) {
  const [item] = await tx.insert(scheduledItem).values(bulkItemValues(ctx, app, schedule, bulk)).returning();
  await recordAudit(tx, { actor: ctx.operator, action: "schedule.create", target: itemTarget(item!), outcome: "success", ipAddress: ctx.ipAddress ?? null, detail: itemSummary(item!) });
  return item!;
}
