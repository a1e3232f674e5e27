import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { messageSend, type MessageSendRow } from "@/lib/db/schema";
import type { ZimOutcome } from "@/lib/zim/outcome";
import { auditInfoSchema, type SendGroupMessageResponse, type SendMessageToAllUsersResponse } from "@/lib/zim/responses";
import { auditNoun, auditTarget } from "./audit-detail";
import type { MessageContext } from "./context";
import type { SendFailure, SendStatus } from "./status";

type Columns = Partial<typeof messageSend.$inferInsert> & { status: SendStatus };

/** The answer of either sending Action: group messages carry MsgSeq/MsgId, announcements only Code/Message/RequestId. */
export type SendOutcome = ZimOutcome<SendGroupMessageResponse> | ZimOutcome<SendMessageToAllUsersResponse>;

const auditInfosSchema = z.array(auditInfoSchema);

/**
 * The columns a ZIM outcome writes onto a send row. D5: Code 0 with AuditInfos is "blocked", reached no one.
 * An announcement's answer has no MsgSeq or MsgId (and its ErrorList, if any, is ignored: D14), so those stay null.
 */
export function outcomeColumns(outcome: SendOutcome, at: Date): Columns {
  const cleared = { code: null, zimMessage: null, requestId: null, msgSeq: null, msgId: null, auditInfos: null, failure: null };
  const base = { ...cleared, completedAt: at };
  switch (outcome.kind) {
    case "accepted": {
      const r: { Message: string; MsgSeq?: unknown; MsgId?: unknown; AuditInfos?: unknown } = outcome.response;
      const audit = auditInfosSchema.safeParse(r.AuditInfos ?? []);
      return {
        ...base,
        status: outcome.blockedByModeration ? "blocked" : "delivered",
        code: 0,
        zimMessage: r.Message,
        requestId: outcome.requestId || null,
        msgSeq: typeof r.MsgSeq === "number" ? r.MsgSeq : null,
        msgId: typeof r.MsgId === "string" ? r.MsgId : null,
        auditInfos: (audit.success ? audit.data : []).map((a) => ({ Index: a.Index, Reason: a.Reason })),
      };
    }
    case "rejected":
    case "rate-limited":
      return { ...base, status: outcome.kind, code: outcome.code, zimMessage: outcome.message, requestId: outcome.requestId || null };
    case "not-sent": {
      const failure: SendFailure = { reason: outcome.reason, detail: outcome.detail };
      if (outcome.issues) failure.issues = outcome.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
      return { ...base, status: "not-sent", failure };
    }
    case "unknown":
      return { ...base, status: "unknown", failure: { reason: outcome.reason, detail: outcome.detail } };
  }
}

/** Writes the outcome of one attempt and its audit row in one transaction. */
export async function recordSendOutcome(ctx: MessageContext, row: MessageSendRow, outcome: SendOutcome, at: Date): Promise<MessageSendRow> {
  const columns = outcomeColumns(outcome, at);
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx.update(messageSend).set(columns).where(eq(messageSend.id, row.id)).returning();
    await recordAudit(tx, {
      actor: ctx.operator,
      action: `${auditNoun(row)}.send.result`,
      target: auditTarget(row),
      outcome: columns.status === "delivered" ? "success" : "failure",
      ipAddress: ctx.ipAddress ?? null,
      detail: {
        sendId: row.id,
        status: columns.status,
        attempt: row.attempts,
        code: columns.code ?? undefined,
        requestId: columns.requestId ?? undefined,
        msgSeq: columns.msgSeq ?? undefined,
        auditInfos: columns.auditInfos?.length ? columns.auditInfos : undefined,
        reason: columns.failure?.reason,
      },
    });
    return updated ?? row;
  });
}
