import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { bulkSend, type BulkSendRow } from "@/lib/db/schema";
import type { BulkTargetStatus } from "./status";

/** A transaction on the console database. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Final statuses counted as "failed": ZIM refused, or the request certainly never reached it. */
export const FAILED_TARGET_STATUSES = ["rejected", "rate-limited", "not-sent"] as const satisfies readonly BulkTargetStatus[];

type CounterColumn = "deliveredCount" | "blockedCount" | "failedCount" | "unknownCount" | "cancelledCount";

const COUNTER_OF: Partial<Record<BulkTargetStatus, CounterColumn>> = {
  delivered: "deliveredCount",
  blocked: "blockedCount",
  rejected: "failedCount",
  "rate-limited": "failedCount",
  "not-sent": "failedCount",
  unknown: "unknownCount",
  cancelled: "cancelledCount",
};

/**
 * The counter changes of targets moving from one status to another (pending and sending count nowhere: they are
 * "remaining"), as SET values for bulk_send. Applied in the transaction that moves the targets.
 */
export function counterMoves(moves: { from: BulkTargetStatus; to: BulkTargetStatus; n?: number }[]): Partial<Record<CounterColumn, SQL>> {
  const delta = new Map<CounterColumn, number>();
  for (const { from, to, n = 1 } of moves) {
    const down = COUNTER_OF[from];
    const up = COUNTER_OF[to];
    if (down) delta.set(down, (delta.get(down) ?? 0) - n);
    if (up) delta.set(up, (delta.get(up) ?? 0) + n);
  }
  const set: Partial<Record<CounterColumn, SQL>> = {};
  for (const [column, d] of delta) {
    if (d !== 0) set[column] = sql`${bulkSend[column]} + ${d}`;
  }
  return set;
}

/** Adds target moves to the run's counters, in the caller's transaction. */
export async function moveCounters(tx: Pick<Database, "update">, bulkId: string, moves: Parameters<typeof counterMoves>[0]): Promise<void> {
  const set = counterMoves(moves);
  if (Object.keys(set).length === 0) return;
  await tx.update(bulkSend).set(set).where(eq(bulkSend.id, bulkId));
}

export async function getBulk(db: Pick<Database, "select">, id: string): Promise<BulkSendRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(bulkSend).where(eq(bulkSend.id, id));
  return row;
}

/** What the audit trail names: the app and how many groups ("Production / 5000 groups"). */
export function bulkAuditTarget(row: Pick<BulkSendRow, "appName" | "total">): string {
  return `${row.appName} / ${row.total} groups`;
}

/** Targets still to do: pending, or in flight. */
export function remainingOf(row: Pick<BulkSendRow, "total" | "deliveredCount" | "blockedCount" | "failedCount" | "unknownCount" | "cancelledCount">): number {
  return row.total - row.deliveredCount - row.blockedCount - row.failedCount - row.unknownCount - row.cancelledCount;
}
