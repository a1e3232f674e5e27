import "server-only";
import { and, asc, count, eq, inArray, isNotNull, isNull, lt, ne, or } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Database } from "@/lib/db";
import { bulkSend, bulkTarget, type BulkSendRow } from "@/lib/db/schema";
import { markInterrupted } from "./record";
import { bulkAuditTarget, type Tx } from "./rows";
import { RUNNABLE_BULK_STATUSES } from "./status";

export interface RunClaimOptions {
  owner: string;
  /** The runner's clock; every lease comparison uses it, never the database's now(). */
  now: Date;
  leaseMs: number;
  /** Leases that ran out before this instant may be taken over (the far future: any lease but ours). */
  expiredBefore: Date;
}

/**
 * Takes one run for this runner under a lease, in one transaction: a run with work (queued, running, or a recall
 * running) — or any run a gone runner still holds — whose lease is free or ran out, oldest first, FOR UPDATE SKIP
 * LOCKED so concurrent runners take different runs. A queued run becomes "running" (started_at set once).
 *
 * No live runner can have a group in flight once the lease is free, so whatever is still "sending" ("recalling")
 * was left by a runner that died or lost the database between request and answer: it is marked "unknown" here,
 * counted and audited, and never sent again.
 */
export async function claimRun(db: Database, options: RunClaimOptions): Promise<BulkSendRow | undefined> {
  const { owner, now } = options;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(bulkSend)
      .where(
        and(
          or(inArray(bulkSend.status, [...RUNNABLE_BULK_STATUSES]), eq(bulkSend.recallState, "running"), isNotNull(bulkSend.leaseOwner)),
          or(isNull(bulkSend.leaseUntil), lt(bulkSend.leaseUntil, options.expiredBefore)),
          or(isNull(bulkSend.leaseOwner), ne(bulkSend.leaseOwner, owner)),
        ),
      )
      .orderBy(asc(bulkSend.createdAt))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!row) return undefined;
    const interrupted = await markInterrupted(tx, row.id, now);
    if (row.leaseOwner || interrupted.sends + interrupted.recalls > 0) {
      await recordAudit(tx, {
        action: "bulk.takeover",
        target: bulkAuditTarget(row),
        outcome: interrupted.sends + interrupted.recalls > 0 ? "failure" : "success",
        detail: { bulkId: row.id, previousRunner: row.leaseOwner, runner: owner, unknownGroups: interrupted.sends, unknownRecalls: interrupted.recalls },
      });
    }
    const [claimed] = await tx
      .update(bulkSend)
      .set({
        leaseOwner: owner,
        leaseUntil: new Date(now.getTime() + options.leaseMs),
        status: row.status === "queued" ? "running" : row.status,
        startedAt: row.startedAt ?? (row.status === "queued" ? now : null),
      })
      .where(eq(bulkSend.id, row.id))
      .returning();
    return claimed;
  });
}

/** Where a run stands once this runner's workers stopped: more to do in hand, or let go. */
export type RunStanding = "again" | "released";

/**
 * After this runner's workers stopped: a running run with nothing pending or in flight is "completed", a recall
 * with nothing pending is "done" (each audited); a run with work left that may go on is kept ("again"); else the
 * lease is released (paused, cancelled, resumed into the queue, or finished). Anything this runner still shows in
 * flight lost its answer on the way to the database: "unknown", never resent.
 */
export async function settleRun(db: Database, id: string, options: { owner: string; now: Date }): Promise<RunStanding> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(bulkSend).where(and(eq(bulkSend.id, id), eq(bulkSend.leaseOwner, options.owner))).for("update");
    if (!row) return "released";
    await markInterrupted(tx, id, options.now);
    if (row.status === "running") {
      if ((await pendingCount(tx, id, "send")) > 0) return "again";
      const [done] = await tx.update(bulkSend).set({ status: "completed", finishedAt: options.now }).where(eq(bulkSend.id, id)).returning();
      await recordAudit(tx, {
        action: "bulk.complete",
        target: bulkAuditTarget(row),
        outcome: "success",
        detail: { bulkId: id, delivered: done!.deliveredCount, blocked: done!.blockedCount, failed: done!.failedCount, unknown: done!.unknownCount, cancelled: done!.cancelledCount },
      });
    }
    if (row.recallState === "running") {
      if ((await pendingCount(tx, id, "recall")) > 0) return "again";
      await tx.update(bulkSend).set({ recallState: "done" }).where(eq(bulkSend.id, id));
      const outcomes = await tx
        .select({ status: bulkTarget.recallStatus, n: count() })
        .from(bulkTarget)
        .where(and(eq(bulkTarget.bulkId, id), isNotNull(bulkTarget.recallStatus)))
        .groupBy(bulkTarget.recallStatus);
      await recordAudit(tx, {
        action: "bulk.recall.complete",
        target: bulkAuditTarget(row),
        outcome: "success",
        detail: { bulkId: id, ...Object.fromEntries(outcomes.map((o) => [o.status, o.n])) },
      });
    }
    await tx.update(bulkSend).set({ leaseOwner: null, leaseUntil: null }).where(eq(bulkSend.id, id));
    return "released";
  });
}

async function pendingCount(tx: Tx, id: string, kind: "send" | "recall"): Promise<number> {
  const column = kind === "send" ? bulkTarget.status : bulkTarget.recallStatus;
  const [row] = await tx.select({ n: count() }).from(bulkTarget).where(and(eq(bulkTarget.bulkId, id), eq(column, "pending")));
  return row?.n ?? 0;
}

/** Lets a run go without settling it (the runner stops, or could not start it): another runner takes it at once. */
export async function releaseRun(db: Database, id: string, options: { owner: string; now: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ id: bulkSend.id }).from(bulkSend).where(and(eq(bulkSend.id, id), eq(bulkSend.leaseOwner, options.owner))).for("update");
    if (!row) return;
    await markInterrupted(tx, id, options.now);
    await tx.update(bulkSend).set({ leaseOwner: null, leaseUntil: null }).where(eq(bulkSend.id, id));
  });
}
