import "server-only";
import { and, eq, lt, sql, type SQL } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Database } from "@/lib/db";
import { messageSend } from "@/lib/db/schema";
import { auditNoun, auditTarget } from "./audit-detail";
import { STALE_AFTER_MS, type RecallRecord } from "./status";

export interface SweepOptions {
  now?: Date;
  /**
   * Only rows whose request went out at least this long ago. The default (the client timeout plus a margin) is
   * safe when several console instances share PostgreSQL; a single PGlite process (its data folder is locked to
   * it) may pass 0 at start-up, since no other process can be mid-request.
   */
  olderThanMs?: number;
}

/**
 * Start-up sweep: sends (and recalls) left "sending" ("recalling") by a process that died between the request
 * and the response become "unknown" — they may or may not have reached ZIM. They are NEVER resent: an operator
 * checks and decides. Each one gets a system audit row in the same transaction. Answers how many were marked.
 */
export async function markInterruptedSendsUnknown(db: Database, options: SweepOptions = {}) {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - (options.olderThanMs ?? STALE_AFTER_MS));
  return db.transaction(async (tx) => {
    const sends = await markSendsInterrupted(tx, and(eq(messageSend.status, "sending"), lt(messageSend.attemptedAt, cutoff))!, now);
    const recalls = await tx
      .select({ id: messageSend.id, appName: messageSend.appName, groupId: messageSend.groupId, recall: messageSend.recall })
      .from(messageSend)
      .where(and(eq(messageSend.recallStatus, "recalling"), sql`(${messageSend.recall}->>'attemptedAt')::timestamptz < ${cutoff.toISOString()}::timestamptz`));
    for (const r of recalls) {
      const recall: RecallRecord | null = r.recall ? { ...r.recall, completedAt: now.toISOString(), failure: { reason: "interrupted" } } : null;
      await tx.update(messageSend).set({ recallStatus: "unknown", recall }).where(eq(messageSend.id, r.id));
      await recordAudit(tx, { action: "message.recall.interrupted", target: `${r.appName} / ${r.groupId}`, outcome: "failure", detail: { sendId: r.id, status: "unknown" } });
    }
    return { sends: sends.length, recalls: recalls.length };
  });
}

/**
 * Marks the "sending" rows that `where` selects "unknown" (failure "interrupted"), each with its system audit row,
 * in the caller's transaction; the lease sweep uses it for the one send of a dispatcher that died. Never resends.
 */
export async function markSendsInterrupted(tx: Pick<Database, "update" | "insert">, where: SQL, now: Date) {
  const sends = await tx
    .update(messageSend)
    .set({ status: "unknown", completedAt: now, failure: { reason: "interrupted" } })
    .where(and(eq(messageSend.status, "sending"), where))
    .returning({ id: messageSend.id, kind: messageSend.kind, appName: messageSend.appName, groupId: messageSend.groupId });
  for (const s of sends) {
    await recordAudit(tx, { action: `${auditNoun(s)}.send.interrupted`, target: auditTarget(s), outcome: "failure", detail: { sendId: s.id, status: "unknown" } });
  }
  return sends;
}
