import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import { OperatorError } from "@/lib/actions/operator-error";
import { messageSend } from "@/lib/db/schema";
import type { SendGroupMessageInput } from "@/lib/zim/schemas/send-group-message";
import type { MessageContext } from "./context";
import { recordSendOutcome } from "./record-outcome";
import { summary } from "./send";
import { RESENDABLE, type SendStatus } from "./status";
import { consoleApps } from "./targets";

/**
 * Sends a recorded message again, on the SAME record, when ZIM certainly did nothing with it: rate-limited or
 * not-sent (RESENDABLE). Never for "unknown" or "sending": those may have been delivered. The row goes back to
 * "sending" in a conditional update that is committed before the request, so two clicks resend once.
 *
 * If the process dies between the request and the response, the row stays "sending" and is later shown (and
 * swept) as unknown, exactly like a first send; it is never resent automatically.
 */
export async function resendMessage({ ctx, input }: { ctx: MessageContext; input: { id: string } }): Promise<{ id: string; status: SendStatus }> {
  const apps = ctx.apps ?? consoleApps;
  const [current] = await ctx.db.select().from(messageSend).where(eq(messageSend.id, input.id));
  if (!current) throw new OperatorError("historyErrors.notFound");
  if (!RESENDABLE.includes(current.status)) throw new OperatorError("historyErrors.notResendable");
  const app = await apps.resolve(current.appKey);
  const now = (ctx.now ?? (() => new Date()))();

  const claimed = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(messageSend)
      .set({ status: "sending", attempts: sql`${messageSend.attempts} + 1`, attemptedAt: now, completedAt: null })
      .where(and(eq(messageSend.id, input.id), inArray(messageSend.status, [...RESENDABLE])))
      .returning();
    if (!row) return undefined;
    await recordAudit(tx, {
      actor: ctx.operator,
      action: "message.resend",
      target: `${row.appName} / ${row.groupId}`,
      outcome: "success",
      ipAddress: ctx.ipAddress ?? null,
      detail: { ...summary(row), attempt: row.attempts, previous: current.status },
    });
    return row;
  });
  if (!claimed) throw new OperatorError("historyErrors.notResendable");

  const outcome = await apps.client(app).sendGroupMessage(claimed.request as SendGroupMessageInput);
  const done = await recordSendOutcome(ctx, claimed, outcome, (ctx.now ?? (() => new Date()))());
  return { id: done.id, status: done.status };
}
