import "server-only";
import { OperatorError } from "@/lib/actions/operator-error";
import type { Database } from "@/lib/db";
import type { ItemKind } from "@/lib/scheduler/status";
import type { Recurrence } from "@/lib/time/recurrence";
import { getItem } from "./load";

export interface DuplicateDraft {
  kind: ItemKind;
  appKey: string;
  request: Record<string, unknown>;
  timeZone: string;
  /** The original's wall time, for the operator to move (it is often in the past by now). */
  localTime: string;
  recurrence: Recurrence | null;
}

/**
 * "Duplicate" prefills a composer with an item's message, zone, time and repetition; it creates nothing, so the
 * operator reviews and confirms the copy like any new message (and it gets its own create key).
 */
export async function duplicateScheduledItem({ db, id }: { db: Database; id: string }): Promise<DuplicateDraft> {
  const row = await getItem(db, id);
  if (!row) throw new OperatorError("scheduleErrors.notFound");
  return { kind: row.kind, appKey: row.appKey, request: row.request, timeZone: row.timeZone, localTime: row.localTime, recurrence: row.recurrence ?? null };
}
