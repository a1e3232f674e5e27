import "server-only";
import type { Database } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";

export type AuditOutcome = "success" | "failure" | "denied";

export interface AuditEntry {
  actor?: { id: string; email: string } | null;
  action: string;
  target?: string | null;
  outcome: AuditOutcome;
  ipAddress?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Appends one row to the audit trail. Pass the transaction of the change being audited, so the change and its
 * record land together or not at all. `detail` must never carry a secret.
 */
export async function recordAudit(db: Pick<Database, "insert">, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actor?.id ?? null,
    actorEmail: entry.actor?.email ?? null,
    action: entry.action,
    target: entry.target ?? null,
    outcome: entry.outcome,
    ipAddress: entry.ipAddress ?? null,
    detail: entry.detail ?? null,
  });
}
