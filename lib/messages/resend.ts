import "server-only";
import type { Permit } from "@/lib/rate-limit/types";
import { and, eq, inArray, sql } from "drizzle-orm";
import { assertAnnouncementFits, quotaLockName } from "@/lib/announcements/quota-guard";
import { recordAudit } from "@/lib/audit/record";
import { OperatorError } from "@/lib/actions/operator-error";
import { messageSend, type MessageSendRow } from "@/lib/db/schema";
import type { ZimClient } from "@/lib/zim/client";
import type { SendGroupMessageInput } from "@/lib/zim/schemas/send-group-message";
import type { SendMessageToAllUsersInput } from "@/lib/zim/schemas/send-message-to-all-users";
import { auditNoun, auditTarget, summary } from "./audit-detail";
import { advisoryLock } from "./claim";
import type { MessageContext } from "./context";
import { recordSendOutcome, type SendOutcome } from "./record-outcome";
import { RESENDABLE, type SendStatus } from "./status";
import { consoleApps } from "./targets";

/**
 * Sends a recorded message again, on the SAME record, when ZIM certainly did nothing with it: rate-limited or
 * not-sent (RESENDABLE). Never for "unknown" or "sending": those may have been delivered. The row goes back to
 * "sending" in a conditional update that is committed before the request, so two clicks resend once. An
 * announcement is checked against its app's quota again first (D7), in that same transaction.
 *
 * If the process dies between the request and the response, the row stays "sending" and is later shown (and
 * swept) as unknown, exactly like a first send; it is never resent automatically.
 */
export async function resendMessage({ ctx, input }: { ctx: MessageContext; input: { id: string; permit?: Permit } }): Promise<{ id: string; status: SendStatus }> {
  const apps = ctx.apps ?? consoleApps;
  const [current] = await ctx.db.select().from(messageSend).where(eq(messageSend.id, input.id));
  if (!current) throw new OperatorError("historyErrors.notFound");
  if (!RESENDABLE.includes(current.status)) throw new OperatorError("historyErrors.notResendable");
  const app = await apps.resolve(current.appKey);
  const now = (ctx.now ?? (() => new Date()))();

  const claimed = await ctx.db.transaction(async (tx) => {
    if (current.kind === "broadcast") {
      await advisoryLock(tx, quotaLockName(app.key));
      await assertAnnouncementFits(tx, app, now);
    }
    const [row] = await tx
      .update(messageSend)
      .set({ status: "sending", attempts: sql`${messageSend.attempts} + 1`, attemptedAt: now, completedAt: null })
      .where(and(eq(messageSend.id, input.id), inArray(messageSend.status, [...RESENDABLE])))
      .returning();
    if (!row) return undefined;
    await recordAudit(tx, {
      actor: ctx.operator,
      action: `${auditNoun(row)}.resend`,
      target: auditTarget(row),
      outcome: "success",
      ipAddress: ctx.ipAddress ?? null,
      detail: { ...summary(row), attempt: row.attempts, previous: current.status },
    });
    return row;
  });
  if (!claimed) throw new OperatorError("historyErrors.notResendable");

  const outcome = await sendAgain(apps.client(app), claimed, input.permit);
  const done = await recordSendOutcome(ctx, claimed, outcome, (ctx.now ?? (() => new Date()))());
  return { id: done.id, status: done.status };
}

function sendAgain(client: ZimClient, row: MessageSendRow, permit?: Permit): Promise<SendOutcome> {
  return row.kind === "broadcast"
    ? client.sendMessageToAllUsers(row.request as SendMessageToAllUsersInput, { permit })
    : client.sendGroupMessage(row.request as SendGroupMessageInput, { permit });
}
