import "server-only";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Database } from "@/lib/db";
import { scheduledItem, scheduledRun, type ScheduledItemRow } from "@/lib/db/schema";
import { log } from "@/lib/log/logger";
import { auditTargetOf } from "./occurrence";
import { lockLeased, settleOccurrence, type RunOutcome } from "./settle";
import type { RunStatus } from "./status";

/** How an occurrence ended here: its run status, or "lost" when this dispatcher no longer held the lease. */
export type Finished = RunStatus | "lost";

interface FinishDeps {
  db: Database;
  dispatcher: string;
  now: () => Date;
  wake(item: { id: string; version: number; dueAt: Date }): Promise<void>;
}

/**
 * Settles an occurrence this dispatcher holds, then wakes a dispatcher for a repeating item's next one. When the
 * lease was lost meanwhile (this process stalled and the sweep called the send unknown), a real answer that came
 * after all replaces that "unknown" on the run — it is the truth, and nothing is sent again.
 */
export async function finishOccurrence(deps: FinishDeps, item: ScheduledItemRow, outcome: RunOutcome): Promise<Finished> {
  const now = deps.now();
  const settled = await deps.db.transaction(async (tx) => {
    const locked = await lockLeased(tx, item.id, { owner: deps.dispatcher });
    if (!locked) return undefined;
    return settleOccurrence(tx, locked, outcome, { now, dispatcher: deps.dispatcher });
  });
  if (!settled) {
    log.warn("scheduled item lease lost before its outcome was recorded", { itemId: item.id, dispatcher: deps.dispatcher, outcome: outcome.status });
    if (outcome.sendId && outcome.status !== "unknown") await correctLateAnswer(deps.db, item, outcome.status, outcome.sendId);
    return "lost";
  }
  if (settled.nextDueAt) {
    await deps.wake({ id: item.id, version: item.version, dueAt: settled.nextDueAt }).catch((error: unknown) =>
      log.warn("wake-up for the next occurrence not queued; the catch-up scan will find it", { itemId: item.id, error: String(error) }),
    );
  }
  return outcome.status;
}

async function correctLateAnswer(db: Database, item: ScheduledItemRow, status: RunStatus, sendId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const runs = await tx
      .update(scheduledRun)
      .set({ status, detail: { reason: "lateAnswer" } })
      .where(and(eq(scheduledRun.itemId, item.id), eq(scheduledRun.dueAt, item.dueAt), eq(scheduledRun.status, "unknown"), eq(scheduledRun.sendId, sendId)))
      .returning({ id: scheduledRun.id });
    if (runs.length === 0) return;
    await tx
      .update(scheduledItem)
      .set({ status })
      .where(and(eq(scheduledItem.id, item.id), eq(scheduledItem.status, "unknown"), eq(scheduledItem.lastSendId, sendId)));
    await recordAudit(tx, {
      action: "schedule.dispatch.late-answer",
      target: auditTargetOf(item),
      outcome: status === "sent" ? "success" : "failure",
      detail: { itemId: item.id, dueAt: item.dueAt.toISOString(), runStatus: status, sendId },
    });
  });
}
