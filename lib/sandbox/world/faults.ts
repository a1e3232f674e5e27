import "server-only";
import { and, asc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/open";
import { sandboxFault, type SandboxFaultEffect } from "@/lib/db/schema";

/** A fault as the control endpoint takes and shows it (PUT/GET <basePath>/_sandbox/faults). */
export interface SandboxFault {
  /** An Action name, or "*" for every Action that has no fault of its own. */
  Action: string;
  LatencyMs: number;
  Effect: SandboxFaultEffect;
  HttpStatus: number | null;
  Code: number | null;
  Message: string | null;
  /** True: the request is processed first, then the answer is delayed or lost ("lost answer"). */
  AfterProcessing: boolean;
  /** Calls left before the fault removes itself; null = until deleted. */
  TimesLeft: number | null;
}

type FaultRow = typeof sandboxFault.$inferSelect;

function view(row: FaultRow): SandboxFault {
  return {
    Action: row.action,
    LatencyMs: row.latencyMs,
    Effect: row.effect,
    HttpStatus: row.httpStatus,
    Code: row.code,
    Message: row.message,
    AfterProcessing: row.afterProcessing,
    TimesLeft: row.timesLeft,
  };
}

export async function listFaults(db: Database): Promise<SandboxFault[]> {
  return (await db.select().from(sandboxFault).orderBy(asc(sandboxFault.action))).map(view);
}

/** Sets the fault of one Action, replacing the previous one. */
export async function putFault(db: Database, fault: SandboxFault, at: Date): Promise<SandboxFault> {
  const values = {
    latencyMs: fault.LatencyMs,
    effect: fault.Effect,
    httpStatus: fault.HttpStatus,
    code: fault.Code,
    message: fault.Message,
    afterProcessing: fault.AfterProcessing,
    timesLeft: fault.TimesLeft,
    createdAt: at,
  };
  const [row] = await db
    .insert(sandboxFault)
    .values({ action: fault.Action, ...values })
    .onConflictDoUpdate({ target: sandboxFault.action, set: values })
    .returning();
  if (!row) throw new Error("The fault upsert returned no row.");
  return view(row);
}

/** Removes one Action's fault, or every fault when `action` is undefined. Answers how many went. */
export async function deleteFaults(db: Database, action?: string): Promise<number> {
  const rows = await db
    .delete(sandboxFault)
    .where(action === undefined ? undefined : eq(sandboxFault.action, action))
    .returning({ action: sandboxFault.action });
  return rows.length;
}

const live = or(isNull(sandboxFault.timesLeft), gt(sandboxFault.timesLeft, 0));

/**
 * The fault that applies to one call of `action` (its own first, else "*"), consuming one of its "times".
 * The decrement re-checks times_left in its WHERE, so concurrent calls never use more than were allowed.
 */
export async function takeFault(db: Database, action: string): Promise<SandboxFault | undefined> {
  const candidates = await db
    .select()
    .from(sandboxFault)
    .where(and(inArray(sandboxFault.action, [action, "*"]), live));
  const fault = candidates.find((f) => f.action === action) ?? candidates[0];
  if (!fault) return undefined;
  if (fault.timesLeft === null) return view(fault);
  const [taken] = await db
    .update(sandboxFault)
    .set({ timesLeft: sql`${sandboxFault.timesLeft} - 1` })
    .where(and(eq(sandboxFault.action, fault.action), gt(sandboxFault.timesLeft, 0)))
    .returning();
  if (!taken) return undefined;
  if (taken.timesLeft === 0) {
    await db.delete(sandboxFault).where(and(eq(sandboxFault.action, taken.action), eq(sandboxFault.timesLeft, 0)));
  }
  return view(taken);
}
