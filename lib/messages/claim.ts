import "server-only";
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Database } from "@/lib/db";
import { messageSend, type MessageSendRow } from "@/lib/db/schema";
import { auditTarget, summary } from "./audit-detail";
import type { MessageContext } from "./context";
import type { SendStatus } from "./status";

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface SendResult {
  id: string;
  status: SendStatus;
  /** The key was already used: nothing was sent now, `id` is the earlier record. */
  duplicate: boolean;
  /** For a duplicate: whether the earlier record holds this same message (a repeated click) or another one. */
  sameContent: boolean;
}

export interface ClaimOptions {
  values: typeof messageSend.$inferInsert;
  /** The audit action of the claim, e.g. "message.send". */
  auditAction: string;
  /**
   * Serialises claims under this name (a transaction-scoped advisory lock), so the `check` of one claim sees the
   * rows of every claim committed before it, also from another console process on the same PostgreSQL.
   */
  lockName?: string;
  /** Runs in the claiming transaction once the key is known to be new; throwing refuses the send, nothing is kept. */
  check?: (tx: Transaction) => Promise<void>;
}

/** Holds a named lock until the transaction ends; PGlite, one connection, serialises transactions anyway. */
export async function advisoryLock(tx: Transaction, name: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${name}))`);
}

/** sha256 of the app and the exact body, to tell a repeated click from a different message under a reused key. */
export function requestHash(appKey: string, wire: unknown): string {
  return createHash("sha256").update(`${appKey}\n${JSON.stringify(wire)}`).digest("hex");
}

/**
 * Records a send as "sending" under its idempotency key, with its audit row, and COMMITS it — the step every
 * sending verb takes before its request leaves. `fresh` is false when the key was already used (double click,
 * retry, second tab): then `row` is the earlier record and the caller must send nothing.
 */
export async function claimSend(ctx: MessageContext, options: ClaimOptions): Promise<{ row: MessageSendRow; fresh: boolean }> {
  const key = options.values.idempotencyKey;
  const claimed = await ctx.db.transaction(async (tx) => {
    if (options.lockName) await advisoryLock(tx, options.lockName);
    if (options.check) {
      // A repeated click is answered with its record, not refused by a check its own first click now fails.
      const [existing] = await tx.select().from(messageSend).where(eq(messageSend.idempotencyKey, key));
      if (existing) return { row: existing, fresh: false };
      await options.check(tx);
    }
    const [row] = await tx.insert(messageSend).values(options.values).onConflictDoNothing({ target: messageSend.idempotencyKey }).returning();
    if (!row) return undefined;
    await recordAudit(tx, {
      actor: ctx.operator,
      action: options.auditAction,
      target: auditTarget(row),
      outcome: "success",
      ipAddress: ctx.ipAddress ?? null,
      detail: summary(row),
    });
    return { row, fresh: true };
  });
  if (claimed) return claimed;
  const [existing] = await ctx.db.select().from(messageSend).where(eq(messageSend.idempotencyKey, key));
  if (!existing) throw new Error("The idempotency key conflicted but its row is gone.");
  return { row: existing, fresh: false };
}

/** The answer to a call whose key was already used: nothing was sent now. */
export function duplicateResult(existing: MessageSendRow, hash: string): SendResult {
  return { id: existing.id, status: existing.status, duplicate: true, sameContent: existing.requestHash === hash };
}
