import "server-only";
import { eq } from "drizzle-orm";
import { OperatorError } from "@/lib/actions/operator-error";
import type { Database } from "@/lib/db";
import { scheduledItem, type ScheduledItemRow } from "@/lib/db/schema";
import { EDITABLE_STATUSES } from "@/lib/scheduler/status";

export async function getItem(db: Database, id: string): Promise<ScheduledItemRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(scheduledItem).where(eq(scheduledItem.id, id));
  return row;
}

/**
 * The item an operator means to change, as they saw it: it must exist, not have started (a dispatcher may hold
 * it, or it may be sent already) and still be at the version they were looking at.
 */
export async function itemToChange(db: Database, id: string, expectedVersion: number): Promise<ScheduledItemRow> {
  const row = await getItem(db, id);
  if (!row) throw new OperatorError("scheduleErrors.notFound");
  if (!EDITABLE_STATUSES.includes(row.status)) throw new OperatorError("scheduleErrors.notEditable", { status: row.status });
  if (row.version !== expectedVersion) throw new OperatorError("scheduleErrors.stale", { by: row.updatedByEmail });
  return row;
}

/** After a conditional update matched nothing: the reason, read again inside the same transaction. */
export async function whyUnchanged(db: Database, id: string, expectedVersion: number): Promise<never> {
  await itemToChange(db, id, expectedVersion);
  throw new OperatorError("scheduleErrors.stale", { by: "" });
}
