import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import { OperatorError } from "@/lib/actions/operator-error";
import { messageSend, type MessageSendRow } from "@/lib/db/schema";
import type { ZimOutcome } from "@/lib/zim/outcome";
import { revokeGroupMessageSchema, type RevokeGroupMessageRequest } from "@/lib/zim/schemas/revoke-group-message";
import { InvalidRequestError, type MessageContext } from "./context";
import { shownRecallStatus, type RecallRecord, type RecallStatus } from "./status";
import { consoleApps } from "./targets";

export interface RecallInput {
  id: string;
  payload?: string;
  push?: { title: string; content: string; payload: string };
}

/** 660000023: ZIM already recalled it — for an earlier attempt whose answer was lost, that is success. */
const ALREADY_RECALLED = 660000023;

/**
 * Recalls a delivered group message (RevokeGroupMessage with its MsgSeq) while the app's recall window is open
 * (D13), counted from when the send request went out, which is never later than ZIM's own send time.
 * Command messages have no MsgSeq and cannot be recalled. The recall is marked "recalling" and committed before
 * the request, so two clicks recall once; a recall may be tried again after any outcome but "recalled".
 *
 * If the process dies between the request and the response, the recall stays "recalling", is shown as unknown
 * once stale, and is never repeated automatically; trying again is harmless (ZIM answers 660000023).
 */
export async function recallMessage({ ctx, input }: { ctx: MessageContext; input: RecallInput }): Promise<{ status: RecallStatus }> {
  const apps = ctx.apps ?? consoleApps;
  const now = (ctx.now ?? (() => new Date()))();
  const [row] = await ctx.db.select().from(messageSend).where(eq(messageSend.id, input.id));
  if (!row) throw new OperatorError("historyErrors.notFound");
  if (row.kind === "broadcast") throw new OperatorError("historyErrors.announcementNoRecall");
  if (row.status !== "delivered") throw new OperatorError("historyErrors.notDelivered");
  if (row.msgSeq === null) throw new OperatorError("historyErrors.noMsgSeq");
  const shown = shownRecallStatus(row.recallStatus, row.recall?.attemptedAt, now);
  if (shown === "recalled") throw new OperatorError("historyErrors.alreadyRecalled");
  if (shown === "recalling") throw new OperatorError("historyErrors.recallInProgress");
  const app = await apps.resolve(row.appKey);
  if (now.getTime() > row.attemptedAt.getTime() + app.recallWindowSeconds * 1000) {
    throw new OperatorError("historyErrors.recallWindowClosed", { seconds: app.recallWindowSeconds });
  }
  const request = buildRecall(row, input);
  const record: RecallRecord = { request: request as unknown as Record<string, unknown>, byId: ctx.operator.id, byEmail: ctx.operator.email, attemptedAt: now.toISOString() };

  const claimed = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(messageSend)
      .set({ recallStatus: "recalling", recall: record })
      .where(and(eq(messageSend.id, row.id), sameRecallState(row)))
      .returning({ id: messageSend.id });
    if (!updated) return false;
    await recordAudit(tx, { actor: ctx.operator, action: "message.recall", target: `${row.appName} / ${row.groupId}`, outcome: "success", ipAddress: ctx.ipAddress ?? null, detail: { sendId: row.id, msgSeq: row.msgSeq, payload: Boolean(input.payload), push: Boolean(input.push) } });
    return true;
  });
  if (!claimed) throw new OperatorError("historyErrors.recallInProgress");

  const outcome = await apps.client(app).revokeGroupMessage(request);
  const status = recallStatusOf(outcome);
  const done: RecallRecord = { ...record, ...recallDetail(outcome), completedAt: (ctx.now ?? (() => new Date()))().toISOString() };
  await ctx.db.transaction(async (tx) => {
    await tx.update(messageSend).set({ recallStatus: status, recall: done }).where(eq(messageSend.id, row.id));
    await recordAudit(tx, { actor: ctx.operator, action: "message.recall.result", target: `${row.appName} / ${row.groupId}`, outcome: status === "recalled" ? "success" : "failure", ipAddress: ctx.ipAddress ?? null, detail: { sendId: row.id, status, code: done.code, requestId: done.requestId, reason: done.failure?.reason } });
  });
  return { status };
}

function buildRecall(row: MessageSendRow, input: RecallInput): RevokeGroupMessageRequest {
  const candidate = {
    FromUserId: row.fromUserId,
    GroupId: row.groupId,
    MsgSeq: row.msgSeq,
    ...(input.payload ? { Payload: input.payload } : {}),
    ...(input.push ? { OfflinePush: { Enable: 1, Title: input.push.title, Content: input.push.content, ...(input.push.payload ? { Payload: input.push.payload } : {}) } } : {}),
  };
  const parsed = revokeGroupMessageSchema.safeParse(candidate);
  if (!parsed.success) throw new InvalidRequestError(parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === "number" ? p : String(p))), message: i.message })));
  return parsed.data;
}

/** Compare-and-set on the recall state that was read, so concurrent recalls cannot both go out. */
function sameRecallState(row: MessageSendRow) {
  if (row.recallStatus === null) return isNull(messageSend.recallStatus);
  return sql`${messageSend.recallStatus} = ${row.recallStatus} and ${messageSend.recall}->>'attemptedAt' = ${row.recall?.attemptedAt ?? ""}`;
}

function recallStatusOf(outcome: ZimOutcome): RecallStatus {
  if (outcome.kind === "accepted") return "recalled";
  if (outcome.kind === "rejected") return outcome.code === ALREADY_RECALLED ? "recalled" : "rejected";
  return outcome.kind;
}

function recallDetail(outcome: ZimOutcome): Partial<RecallRecord> {
  switch (outcome.kind) {
    case "accepted":
      return { code: 0, message: outcome.response.Message, requestId: outcome.requestId || undefined };
    case "rejected":
    case "rate-limited":
      return { code: outcome.code, message: outcome.message, requestId: outcome.requestId || undefined };
    case "not-sent":
    case "unknown":
      return { failure: { reason: outcome.reason, detail: outcome.detail } };
  }
}
