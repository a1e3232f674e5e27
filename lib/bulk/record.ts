import "server-only";
import { and, eq, exists, inArray, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { bulkSend, bulkTarget } from "@/lib/db/schema";
import { outcomeColumns, type SendOutcome } from "@/lib/messages/record-outcome";
import { moveCounters, type Tx } from "./rows";
import type { BulkTargetStatus } from "./status";

/** One group in flight: which attempt it is, so only that attempt's answer may settle it. */
export interface ClaimedTarget {
  seq: number;
  groupId: string;
  attempts: number;
}

/**
 * Claims the next pending group of a run in list order — pending → "sending", attempts + 1 — and COMMITS it
 * before the request leaves. Only while the run is running and this runner holds its lease: a pause, a cancel
 * or a takeover is seen here, before each group. SKIP LOCKED keeps concurrent workers on different groups.
 * Undefined when nothing is left to claim (or the run may not go on).
 */
export async function claimNextTarget(db: Database, run: { id: string; owner: string; now: Date }): Promise<ClaimedTarget | undefined> {
  // A scalar subquery runs once; an IN (…) subquery may be re-run by the plan and take several groups.
  const next = sql`(select t.seq from ${bulkTarget} t where t.bulk_id = ${run.id} and t.status = 'pending' order by t.seq limit 1 for update skip locked)`;
  const going = db
    .select({ one: sql`1` })
    .from(bulkSend)
    .where(and(eq(bulkSend.id, run.id), eq(bulkSend.status, "running"), eq(bulkSend.leaseOwner, run.owner)));
  const [claimed] = await db
    .update(bulkTarget)
    .set({ status: "sending", attempts: sql`${bulkTarget.attempts} + 1`, attemptedAt: run.now, completedAt: null })
    .where(and(eq(bulkTarget.bulkId, run.id), eq(bulkTarget.seq, next), eq(bulkTarget.status, "pending"), exists(going)))
    .returning({ seq: bulkTarget.seq, groupId: bulkTarget.groupId, attempts: bulkTarget.attempts });
  return claimed;
}

/**
 * Writes one attempt's outcome and the run's counters in one transaction. `again` puts a group ZIM certainly did
 * nothing with (a frequency code, a refused connection) back to "pending" to be claimed again later ("cancelled"
 * if the run was cancelled meanwhile).
 *
 * Conditional on the group still being this attempt's: normally "sending"; "unknown" when a runner that took the
 * run over (this one's lease had run out) already called it unknown — then the real answer, come late, replaces
 * "unknown", and is never turned into another send. Answers the status written, or undefined when it was not
 * this attempt's any more.
 */
export async function recordTargetOutcome(
  db: Database,
  bulkId: string,
  target: ClaimedTarget,
  outcome: SendOutcome,
  options: { now: Date; again: boolean },
): Promise<BulkTargetStatus | undefined> {
  return db.transaction(async (tx) => {
    // The run first, then the group, as every other writer locks them (no deadlock with a takeover or a cancel);
    // locked before deciding, so a cancel committed meanwhile never gets a group back in line.
    const [run] = await tx.select({ status: bulkSend.status }).from(bulkSend).where(eq(bulkSend.id, bulkId)).for("update");
    const [current] = await tx
      .select({ status: bulkTarget.status })
      .from(bulkTarget)
      .where(and(eq(bulkTarget.bulkId, bulkId), eq(bulkTarget.seq, target.seq), eq(bulkTarget.attempts, target.attempts), inArray(bulkTarget.status, ["sending", "unknown"])))
      .for("update");
    if (!current) return undefined;
    const c = outcomeColumns(outcome, options.now);
    const to: BulkTargetStatus = options.again && current.status === "sending" ? (run?.status === "cancelled" ? "cancelled" : "pending") : c.status;
    await tx
      .update(bulkTarget)
      .set({
        status: to,
        code: c.code,
        zimMessage: c.zimMessage,
        requestId: c.requestId,
        msgSeq: c.msgSeq,
        msgId: c.msgId,
        auditInfos: c.auditInfos,
        failure: c.failure,
        completedAt: to === "pending" || to === "cancelled" ? null : c.completedAt,
      })
      .where(and(eq(bulkTarget.bulkId, bulkId), eq(bulkTarget.seq, target.seq)));
    await moveCounters(tx, bulkId, [{ from: current.status, to }]);
    return to;
  });
}

/**
 * Groups (and recalls) left in flight by a runner that is gone — died, lost its lease, or failed to record an
 * answer — become "unknown", counted, in the caller's transaction: the request may have reached ZIM. They are
 * NEVER sent again; an operator checks them. Called when a runner claims a run (no live runner can have a group
 * in flight then: the lease was free) and when a runner lets a run go after its workers stopped.
 */
export async function markInterrupted(tx: Tx, bulkId: string, now: Date): Promise<{ sends: number; recalls: number }> {
  const sends = await tx
    .update(bulkTarget)
    .set({ status: "unknown", completedAt: now, failure: { reason: "interrupted" } })
    .where(and(eq(bulkTarget.bulkId, bulkId), eq(bulkTarget.status, "sending")))
    .returning({ seq: bulkTarget.seq });
  await moveCounters(tx, bulkId, [{ from: "sending", to: "unknown", n: sends.length }]);
  const recalls = await tx
    .update(bulkTarget)
    .set({ recallStatus: "unknown", recallMessage: "interrupted" })
    .where(and(eq(bulkTarget.bulkId, bulkId), eq(bulkTarget.recallStatus, "recalling")))
    .returning({ seq: bulkTarget.seq });
  return { sends: sends.length, recalls: recalls.length };
}
