import "server-only";
import { and, eq, exists, inArray, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { bulkSend, bulkTarget } from "@/lib/db/schema";
import type { ZimOutcome } from "@/lib/zim/outcome";
import type { BulkRecallStatus } from "./status";

/** ZIM's answers to a revoke that settle it without a retry (zim-api.md §6.1). */
const ALREADY_RECALLED = 660000023;
const WINDOW_PASSED = 660000024;

/** One group's recall in flight; `at` (when it was claimed) tells this attempt from a later one. */
export interface ClaimedRecall {
  seq: number;
  groupId: string;
  msgSeq: number;
  attemptedAt: Date;
  at: Date;
}

/**
 * Claims the next group of a run whose recall is pending, in list order: → "recalling", COMMITTED before the
 * revoke leaves; only while the run's recall is running and this runner holds its lease.
 */
export async function claimNextRecall(db: Database, run: { id: string; owner: string; now: Date }): Promise<ClaimedRecall | undefined> {
  // A scalar subquery runs once; an IN (…) subquery may be re-run by the plan and take several groups.
  const next = sql`(select t.seq from ${bulkTarget} t where t.bulk_id = ${run.id} and t.recall_status = 'pending' order by t.seq limit 1 for update skip locked)`;
  const going = db
    .select({ one: sql`1` })
    .from(bulkSend)
    .where(and(eq(bulkSend.id, run.id), eq(bulkSend.recallState, "running"), eq(bulkSend.leaseOwner, run.owner)));
  const [claimed] = await db
    .update(bulkTarget)
    .set({ recallStatus: "recalling", recallAt: run.now })
    .where(and(eq(bulkTarget.bulkId, run.id), eq(bulkTarget.seq, next), eq(bulkTarget.recallStatus, "pending"), exists(going)))
    .returning({ seq: bulkTarget.seq, groupId: bulkTarget.groupId, msgSeq: bulkTarget.msgSeq, attemptedAt: bulkTarget.attemptedAt, at: bulkTarget.recallAt });
  if (!claimed) return undefined;
  return { seq: claimed.seq, groupId: claimed.groupId, msgSeq: claimed.msgSeq!, attemptedAt: claimed.attemptedAt!, at: claimed.at! };
}

/** What a revoke's answer makes of the group's recall. */
export function recallStatusOf(outcome: ZimOutcome): BulkRecallStatus | "rate-limited" {
  switch (outcome.kind) {
    case "accepted":
      return "recalled";
    case "rejected":
      // 660000023: already recalled — for an earlier attempt whose answer was lost, that is success.
      return outcome.code === ALREADY_RECALLED ? "recalled" : outcome.code === WINDOW_PASSED ? "expired" : "rejected";
    default:
      return outcome.kind;
  }
}

/**
 * Writes one revoke's outcome (or "expired" without a call, `outcome` undefined), conditional on the recall still
 * being this attempt's — "recalling", or "unknown" after a takeover, whose late real answer then replaces it.
 * `again` puts it back to "pending" (a frequency code or a refused connection: certainly not done).
 */
export async function recordRecallOutcome(
  db: Database,
  bulkId: string,
  recall: ClaimedRecall,
  result: { status: BulkRecallStatus; outcome?: ZimOutcome; again?: boolean },
): Promise<void> {
  await db
    .update(bulkTarget)
    .set({ recallStatus: result.again ? "pending" : result.status, ...answerColumns(result.outcome) })
    .where(
      and(
        eq(bulkTarget.bulkId, bulkId),
        eq(bulkTarget.seq, recall.seq),
        eq(bulkTarget.recallAt, recall.at),
        inArray(bulkTarget.recallStatus, result.again ? ["recalling"] : ["recalling", "unknown"]),
      ),
    );
}

function answerColumns(o: ZimOutcome | undefined) {
  if (!o) return { recallCode: null, recallMessage: null, recallRequestId: null };
  switch (o.kind) {
    case "accepted":
      return { recallCode: 0, recallMessage: o.response.Message, recallRequestId: o.requestId || null };
    case "rejected":
    case "rate-limited":
      return { recallCode: o.code, recallMessage: o.message, recallRequestId: o.requestId || null };
    default:
      return { recallCode: null, recallMessage: `${o.reason}: ${o.detail}`, recallRequestId: null };
  }
}
