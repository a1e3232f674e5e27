import "server-only";
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { bulkSend, bulkTarget, type BulkSendRow, type BulkTargetRow } from "@/lib/db/schema";
import { FAILED_TARGET_STATUSES, getBulk, remainingOf } from "./rows";
import type { BulkRecallStatus } from "./status";
import type { BulkProgress, BulkSummary, BulkTargetFilters, BulkTargetPage, BulkTargetView } from "./types";

/** The current rate is the completions of this many last seconds. */
export const RATE_WINDOW_SECONDS = 10;
/** Recall statuses "recall all" may try (again): never tried, or certainly not done, or not known to be done. */
export const RECALLABLE_AGAIN: readonly (BulkRecallStatus | null)[] = [null, "not-sent", "unknown"];

/** The progress of one run as every operator sees it; undefined when there is no such run. */
export async function getBulkProgress(db: Database, id: string, now: Date = new Date()): Promise<BulkProgress | undefined> {
  const row = await getBulk(db, id);
  if (!row) return undefined;
  const [rate, recall] = await Promise.all([currentRate(db, id, now), recallWindow(db, row, now)]);
  const remaining = remainingOf(row);
  const going = row.status === "queued" || row.status === "running";
  return {
    id: row.id,
    status: row.status,
    appKey: row.appKey,
    appName: row.appName,
    isProduction: row.isProduction,
    fromUserId: row.fromUserId,
    messageType: row.messageType,
    total: row.total,
    delivered: row.deliveredCount,
    blocked: row.blockedCount,
    failed: row.failedCount,
    unknown: row.unknownCount,
    cancelled: row.cancelledCount,
    remaining,
    currentRate: rate,
    allowedRate: row.perSecond,
    secondsLeft: going && remaining > 0 ? Math.ceil(remaining / row.perSecond) : null,
    recallState: row.recallState,
    recallable: recall.count,
    recallOpenUntil: recall.openUntil?.toISOString() ?? null,
    createdByEmail: row.createdByEmail,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    controlledByEmail: row.controlledByEmail,
    scheduledFor: row.scheduledFor?.toISOString() ?? null,
    scheduledItemId: row.scheduledItemId,
  };
}

async function currentRate(db: Database, id: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - RATE_WINDOW_SECONDS * 1000);
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(bulkTarget)
    .where(and(eq(bulkTarget.bulkId, id), isNotNull(bulkTarget.completedAt), gt(bulkTarget.completedAt, since)));
  return Math.round(((row?.n ?? 0) / RATE_WINDOW_SECONDS) * 10) / 10;
}

/** Delivered groups whose recall window (D13, counted from when the request went out) is still open. */
export function recallableWhere(row: Pick<BulkSendRow, "id" | "recallWindowSeconds">, now: Date): SQL {
  const sentAfter = new Date(now.getTime() - row.recallWindowSeconds * 1000);
  const again = or(isNull(bulkTarget.recallStatus), inArray(bulkTarget.recallStatus, RECALLABLE_AGAIN.filter((s) => s !== null)))!;
  return and(
    eq(bulkTarget.bulkId, row.id),
    eq(bulkTarget.status, "delivered"),
    isNotNull(bulkTarget.msgSeq),
    gt(bulkTarget.attemptedAt, sentAfter),
    again,
  )!;
}

async function recallWindow(db: Database, row: BulkSendRow, now: Date): Promise<{ count: number; openUntil: Date | null }> {
  // Every window closed long ago: spare the count over a large finished run.
  if (row.finishedAt && row.finishedAt.getTime() + row.recallWindowSeconds * 1000 < now.getTime()) return { count: 0, openUntil: null };
  if (row.deliveredCount === 0) return { count: 0, openUntil: null };
  const [found] = await db
    .select({ n: sql<number>`count(*)::int`, last: sql<string | null>`max(${bulkTarget.attemptedAt})` })
    .from(bulkTarget)
    .where(recallableWhere(row, now));
  if (!found || found.n === 0 || !found.last) return { count: 0, openUntil: null };
  return { count: found.n, openUntil: new Date(new Date(found.last).getTime() + row.recallWindowSeconds * 1000) };
}

/** One page of the per-group result table, in list order (keyset on seq). */
export async function listBulkTargets(db: Database, id: string, filters: BulkTargetFilters, limit = 100): Promise<BulkTargetPage> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return { rows: [] };
  const rows = await db
    .select()
    .from(bulkTarget)
    .where(and(eq(bulkTarget.bulkId, id), ...targetFilters(filters)))
    .orderBy(asc(bulkTarget.seq))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(toTargetView);
  return rows.length > limit ? { rows: page, nextAfterSeq: page.at(-1)!.seq } : { rows: page };
}

/** The result table's filters as conditions; also the CSV export's order and selection. */
export function targetFilters(filters: BulkTargetFilters): SQL[] {
  const where: SQL[] = [];
  if (filters.status === "failed") where.push(inArray(bulkTarget.status, [...FAILED_TARGET_STATUSES]));
  else if (filters.status) where.push(eq(bulkTarget.status, filters.status));
  if (filters.code !== undefined) where.push(eq(bulkTarget.code, filters.code));
  if (filters.auditFailures) where.push(sql`jsonb_array_length(coalesce(${bulkTarget.auditInfos}, '[]'::jsonb)) > 0`);
  const search = filters.search?.trim();
  if (search) {
    const prefix = sql`starts_with(${bulkTarget.groupId}, ${search})`;
    where.push(/^\d{1,15}$/.test(search) ? or(eq(bulkTarget.msgSeq, Number(search)), prefix)! : prefix);
  }
  if (filters.afterSeq !== undefined) where.push(gt(bulkTarget.seq, filters.afterSeq));
  return where;
}

export function toTargetView(row: BulkTargetRow): BulkTargetView {
  return {
    seq: row.seq,
    groupId: row.groupId,
    status: row.status,
    attempts: row.attempts,
    code: row.code,
    zimMessage: row.zimMessage,
    requestId: row.requestId,
    msgSeq: row.msgSeq,
    msgId: row.msgId,
    auditInfos: row.auditInfos,
    failureReason: row.failure?.reason ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    recallStatus: row.recallStatus,
    recallCode: row.recallCode,
  };
}

/** The bulk sends list, newest first; `before` is the id of the last run of the previous page. */
export async function listBulkSends(db: Database, { limit = 50, before }: { limit?: number; before?: string } = {}): Promise<BulkSummary[]> {
  let cursor: SQL | undefined;
  if (before !== undefined) {
    const last = await getBulk(db, before);
    if (!last) return [];
    cursor = or(lt(bulkSend.createdAt, last.createdAt), and(eq(bulkSend.createdAt, last.createdAt), lt(bulkSend.id, last.id)));
  }
  const rows = await db.select().from(bulkSend).where(cursor).orderBy(desc(bulkSend.createdAt), desc(bulkSend.id)).limit(limit);
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    appName: row.appName,
    isProduction: row.isProduction,
    total: row.total,
    delivered: row.deliveredCount,
    blocked: row.blockedCount,
    failed: row.failedCount,
    unknown: row.unknownCount,
    cancelled: row.cancelledCount,
    remaining: remainingOf(row),
    createdByEmail: row.createdByEmail,
    createdAt: row.createdAt.toISOString(),
    scheduledFor: row.scheduledFor?.toISOString() ?? null,
  }));
}
