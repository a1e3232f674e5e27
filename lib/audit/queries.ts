import "server-only";
import { and, desc, eq, gte, ilike, lt, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";
import type { AuditFilters } from "./filters";

export const AUDIT_PAGE_SIZE = 50;

/** Escapes LIKE wildcards so an operator's filter text matches literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One page of the audit trail, newest first, with keyset pagination on the id (stable and fast however long the
 * trail grows). Dates are whole UTC days; `to` includes its day.
 */
export async function listAudit(db: Database, filters: AuditFilters) {
  const where: SQL[] = [];
  if (filters.action) where.push(ilike(auditLog.action, `${literal(filters.action)}%`));
  if (filters.actor) where.push(ilike(auditLog.actorEmail, `%${literal(filters.actor)}%`));
  if (filters.outcome) where.push(eq(auditLog.outcome, filters.outcome));
  if (filters.from) where.push(gte(auditLog.at, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to) where.push(lt(auditLog.at, new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000)));
  if (filters.before) where.push(lt(auditLog.id, BigInt(filters.before)));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const nextBefore = rows.length > AUDIT_PAGE_SIZE ? page.at(-1)?.id.toString() : undefined;
  return { rows: page, nextBefore };
}
