import "server-only";
import { and, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Database } from "@/lib/db";
import { scheduledItem } from "@/lib/db/schema";
import type { ItemKind } from "@/lib/scheduler/status";
import { nowOf, type ItemContext } from "./context";

/** Outcomes an author must hear about: their item (or one occurrence of it) did not simply go out. */
export const ATTENTION_STATUSES = ["held", "missed", "unknown", "failed", "rejected"] as const;

export interface AttentionItem {
  id: string;
  kind: ItemKind;
  appName: string;
  groupId: string | null;
  dueAt: string;
  /** The item's state, or the outcome of the occurrence that needs a look. */
  reason: (typeof ATTENTION_STATUSES)[number] | "approval-rejected";
  reviewReason: string | null;
}

const listed = sql.join(ATTENTION_STATUSES.map((s) => sql`${s}`), sql`, `);

/**
 * The author's items that need their attention and that they have not marked as seen: ended held, missed,
 * unknown, failed or rejected; refused by a reviewer; or — for a repeating item that carries on — one occurrence
 * that ended so after they last looked. Newest first.
 */
export async function listAttention(db: Database, operatorId: string, limit = 20): Promise<AttentionItem[]> {
  // Qualified by hand: inside a subquery Drizzle would name the outer columns without their table.
  const badRun = sql`exists (select 1 from "scheduled_run" r where r.item_id = "scheduled_item"."id" and r.status in (${listed})
    and ("scheduled_item"."attention_seen_at" is null or r.finished_at > "scheduled_item"."attention_seen_at"))`;
  const rows = await db
    .select({
      id: scheduledItem.id,
      kind: scheduledItem.kind,
      appName: scheduledItem.appName,
      request: scheduledItem.request,
      dueAt: scheduledItem.dueAt,
      status: scheduledItem.status,
      approval: scheduledItem.approval,
      reviewReason: scheduledItem.reviewReason,
      lastRun: sql<string | null>`(select r.status from "scheduled_run" r where r.item_id = "scheduled_item"."id" order by r.finished_at desc limit 1)`,
    })
    .from(scheduledItem)
    .where(
      and(
        eq(scheduledItem.createdById, operatorId),
        or(
          and(isNull(scheduledItem.attentionSeenAt), or(inArray(scheduledItem.status, [...ATTENTION_STATUSES]), eq(scheduledItem.approval, "rejected"))),
          badRun,
        ),
      ),
    )
    .orderBy(desc(scheduledItem.updatedAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    appName: r.appName,
    groupId: r.kind === "group" ? String(r.request.GroupId ?? "") : null,
    dueAt: r.dueAt.toISOString(),
    reason: r.approval === "rejected" ? "approval-rejected" : (ATTENTION_STATUSES as readonly string[]).includes(r.status) ? (r.status as AttentionItem["reason"]) : ((r.lastRun ?? "failed") as AttentionItem["reason"]),
    reviewReason: r.reviewReason,
  }));
}

/** The author has seen these; only their own items are marked. Audited like every change to an item. */
export async function markAttentionSeen({ ctx, input }: { ctx: ItemContext; input: { ids: string[] } }): Promise<{ marked: number }> {
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const marked = await tx
      .update(scheduledItem)
      .set({ attentionSeenAt: now })
      .where(and(inArray(scheduledItem.id, input.ids), eq(scheduledItem.createdById, ctx.operator.id)))
      .returning({ id: scheduledItem.id });
    if (marked.length > 0) {
      await recordAudit(tx, { actor: ctx.operator, action: "schedule.attention-seen", outcome: "success", ipAddress: ctx.ipAddress ?? null, detail: { itemIds: marked.map((m) => m.id) } });
    }
    return { marked: marked.length };
  });
}
