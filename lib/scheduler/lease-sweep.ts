import "server-only";
import { and, asc, eq, inArray, lt, ne } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Database } from "@/lib/db";
import { messageSend, scheduledItem } from "@/lib/db/schema";
import { markSendsInterrupted } from "@/lib/messages/sweep";
import { auditTargetOf, runStatusOfSend, sendKeyOf } from "./occurrence";
import { lockLeased, settleOccurrence } from "./settle";
import { LEASED_STATUSES } from "./status";

/** Later than any lease; within PostgreSQL's timestamp range (year 294276), unlike JavaScript's largest Date. */
const END_OF_TIME = new Date("9999-12-31T23:59:59Z");

export interface LeaseSweepOptions {
  now: Date;
  /** This dispatcher: its own leases are never swept. */
  dispatcher: string;
  /**
   * Every other lease, expired or not: only for a PGlite console at start, whose locked data folder proves that
   * no other dispatcher is alive.
   */
  everyLease?: boolean;
  limit?: number;
}

export interface SweptItem {
  id: string;
  /** "scheduled" (back in line: nothing was sent) or the run status the occurrence ended with. */
  became: string;
  /** A repeating item's next occurrence, to wake a dispatcher for. */
  nextDueAt: Date | null;
  version: number;
}

/**
 * Crash recovery for items whose dispatcher stopped renewing its lease (died, or lost the database), each in its
 * own transaction under a row lock, judged by the occurrence's message_send row (same idempotency key):
 * - no row, or a rate-limited one: nothing left → back to "scheduled"; the grace window then decides.
 * - a settled row: the answer came but was not recorded on the item → the item takes its outcome.
 * - a row still "sending": the request may have left → row and item "unknown". NEVER resent.
 */
export async function sweepExpiredLeases(db: Database, options: LeaseSweepOptions): Promise<SweptItem[]> {
  const expiredBefore = options.everyLease ? END_OF_TIME : options.now;
  const candidates = await db
    .select({ id: scheduledItem.id })
    .from(scheduledItem)
    .where(
      and(
        inArray(scheduledItem.status, [...LEASED_STATUSES]),
        lt(scheduledItem.leaseUntil, expiredBefore),
        ne(scheduledItem.leaseOwner, options.dispatcher),
      ),
    )
    .orderBy(asc(scheduledItem.leaseUntil))
    .limit(options.limit ?? 100);
  const swept: SweptItem[] = [];
  for (const { id } of candidates) {
    const result = await db.transaction(async (tx) => {
      const item = await lockLeased(tx, id, { expiredBefore, notOwner: options.dispatcher });
      if (!item) return undefined;
      const key = sendKeyOf(item, item.dueAt);
      const [send] = await tx.select().from(messageSend).where(eq(messageSend.idempotencyKey, key));
      if (!send || send.status === "rate-limited") {
        await tx.update(scheduledItem).set({ status: "scheduled", leaseOwner: null, leaseUntil: null }).where(eq(scheduledItem.id, id));
        await recordAudit(tx, {
          action: "schedule.lease-expired",
          target: auditTargetOf(item),
          outcome: "failure",
          detail: { itemId: id, dueAt: item.dueAt.toISOString(), was: item.status, dispatcher: item.leaseOwner, became: "scheduled" },
        });
        return { id, became: "scheduled", nextDueAt: item.dueAt, version: item.version };
      }
      if (send.status === "sending") await markSendsInterrupted(tx, eq(messageSend.id, send.id), options.now);
      const status = runStatusOfSend(send.status);
      const detail = send.status === "sending" ? { reason: "interrupted", dispatcher: item.leaseOwner } : undefined;
      const settled = await settleOccurrence(tx, item, { status, sendId: send.id, detail }, { now: options.now, dispatcher: options.dispatcher });
      return { id, became: status, nextDueAt: settled.nextDueAt, version: item.version };
    });
    if (result) swept.push(result);
  }
  return swept;
}
