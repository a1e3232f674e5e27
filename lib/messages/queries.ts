import "server-only";
import { and, desc, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { messageSend, type MessageSendRow } from "@/lib/db/schema";
import { decodeCursor, encodeCursor, type HistoryFilters } from "./history-filters";
import { STALE_AFTER_MS } from "./status";
import { zonedDayEnd, zonedDayStart } from "./zoned-day";

export const HISTORY_PAGE_SIZE = 50;

export async function getSend(db: Database, id: string): Promise<MessageSendRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(messageSend).where(eq(messageSend.id, id));
  return row;
}

/**
 * The WHERE of a history view. Every filter is an equality (or a range on created_at) that leads one of the
 * composite indexes of message_send, and the cursor continues on (created_at, id) behind it, so a page costs
 * the same at row 50 and at row 1,000,000. A "sending" row older than STALE_AFTER_MS counts as "unknown".
 */
export function historyWhere(filters: HistoryFilters, timeZone: string, now: Date): SQL | undefined {
  const t = messageSend;
  const where: (SQL | undefined)[] = [];
  if (filters.app) where.push(eq(t.appKey, filters.app));
  if (filters.kind) where.push(eq(t.kind, filters.kind));
  if (filters.group) where.push(eq(t.groupId, filters.group));
  if (filters.sender) where.push(eq(t.fromUserId, filters.sender));
  if (filters.operator) where.push(eq(t.operatorEmail, filters.operator.toLowerCase()));
  const staleBefore = new Date(now.getTime() - STALE_AFTER_MS);
  if (filters.outcome === "unknown") {
    where.push(or(eq(t.status, "unknown"), and(eq(t.status, "sending"), lt(t.attemptedAt, staleBefore))));
  } else if (filters.outcome === "sending") {
    where.push(and(eq(t.status, "sending"), gte(t.attemptedAt, staleBefore)));
  } else if (filters.outcome) {
    where.push(eq(t.status, filters.outcome));
  }
  if (filters.from) where.push(gte(t.createdAt, zonedDayStart(filters.from, timeZone)));
  if (filters.to) where.push(lt(t.createdAt, zonedDayEnd(filters.to, timeZone)));
  if (filters.ref) {
    const seq = /^\d{1,15}$/.test(filters.ref) ? Number(filters.ref) : undefined;
    where.push(seq === undefined ? eq(t.requestId, filters.ref) : or(eq(t.msgSeq, seq), eq(t.requestId, filters.ref)));
  }
  if (filters.cursor) {
    const c = decodeCursor(filters.cursor);
    where.push(sql`(${t.createdAt}, ${t.id}) < (${c.createdAt.toISOString()}::timestamptz, ${c.id}::uuid)`);
  }
  return and(...where);
}

/** One page, newest first, and the cursor of the next one. */
export async function listSends(
  db: Database,
  filters: HistoryFilters,
  { timeZone = "UTC", now = new Date(), limit = HISTORY_PAGE_SIZE }: { timeZone?: string; now?: Date; limit?: number } = {},
): Promise<{ rows: MessageSendRow[]; nextCursor?: string }> {
  const rows = await db
    .select()
    .from(messageSend)
    .where(historyWhere(filters, timeZone, now))
    .orderBy(desc(messageSend.createdAt), desc(messageSend.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : undefined };
}
