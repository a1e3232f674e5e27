import "server-only";
import { and, eq, inArray, lt, ne } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import { scheduledItem, scheduledRun, type ScheduledItemRow } from "@/lib/db/schema";
import { settleBulkItem } from "@/lib/bulk/schedule";
import { auditTargetOf, nextDueAt, type Tx } from "./occurrence";
import { LEASED_STATUSES, type ItemStatus, type RunStatus } from "./status";

export interface RunOutcome {
  status: RunStatus;
  sendId?: string | null;
  /** Why, as a message key and its values (missed, held, failed and the unusual cases). */
  detail?: { reason: string; [key: string]: unknown };
}

/** Who may settle a leased item: its owner, or the lease sweep once the lease has run out. */
export type LeaseGuard = { owner: string } | { expiredBefore: Date; notOwner: string };

/** Locks the item if the guard still holds (FOR UPDATE; SKIP LOCKED for the sweep); undefined when it does not. */
export async function lockLeased(tx: Tx, id: string, guard: LeaseGuard): Promise<ScheduledItemRow | undefined> {
  const held =
    "owner" in guard
      ? eq(scheduledItem.leaseOwner, guard.owner)
      : and(lt(scheduledItem.leaseUntil, guard.expiredBefore), ne(scheduledItem.leaseOwner, guard.notOwner));
  const query = tx
    .select()
    .from(scheduledItem)
    .where(and(eq(scheduledItem.id, id), inArray(scheduledItem.status, [...LEASED_STATUSES]), held));
  const [row] = await ("owner" in guard ? query.for("update") : query.for("update", { skipLocked: true }));
  return row;
}

/** Attention-worthy runs make the item show up for its author again (attention_seen_at cleared). */
const NEEDS_ATTENTION: readonly RunStatus[] = ["rejected", "unknown", "missed", "held", "failed"];

/**
 * Ends one occurrence of a locked, leased item, in the caller's transaction: its run row (one per item and due
 * time, so settling twice writes one), the item's next state — the next occurrence of a repeating item, back to
 * "scheduled"; "completed" after its last; else the run's own status — and a system audit row. Answers the next
 * due time, for which the caller wakes a dispatcher once the transaction has committed. A bulk send's item that
 * did not start its run (missed, failed) cancels the waiting run with it.
 */
export async function settleOccurrence(
  tx: Tx,
  item: ScheduledItemRow,
  outcome: RunOutcome,
  context: { now: Date; dispatcher: string },
): Promise<{ nextDueAt: Date | null; status: ItemStatus }> {
  const next = nextDueAt(item);
  const status: ItemStatus = next ? "scheduled" : item.recurrence ? "completed" : outcome.status;
  await tx
    .update(scheduledItem)
    .set({
      status,
      dueAt: next ?? item.dueAt,
      leaseOwner: null,
      leaseUntil: null,
      lastSendId: outcome.sendId ?? item.lastSendId,
      ...(NEEDS_ATTENTION.includes(outcome.status) ? { attentionSeenAt: null } : {}),
    })
    .where(eq(scheduledItem.id, item.id));
  await tx
    .insert(scheduledRun)
    .values({
      itemId: item.id,
      dueAt: item.dueAt,
      version: item.version,
      status: outcome.status,
      sendId: outcome.sendId ?? null,
      detail: outcome.detail ?? null,
      dispatcher: context.dispatcher,
      finishedAt: context.now,
    })
    .onConflictDoNothing({ target: [scheduledRun.itemId, scheduledRun.dueAt] });
  await settleBulkItem(tx, item, outcome, context.now);
  await recordAudit(tx, {
    action: "schedule.dispatch",
    target: auditTargetOf(item),
    outcome: outcome.status === "sent" ? "success" : "failure",
    detail: {
      itemId: item.id,
      kind: item.kind,
      dueAt: item.dueAt.toISOString(),
      runStatus: outcome.status,
      sendId: outcome.sendId ?? undefined,
      reason: outcome.detail?.reason,
      nextDueAt: next?.toISOString(),
      dispatcher: context.dispatcher,
    },
  });
  return { nextDueAt: next, status };
}
