import type { MessageSendRow } from "@/lib/db/schema";
import { shownRecallStatus, shownStatus, type RecallRecord, type RecallStatus, type SendFailure, type SendStatus } from "./status";

/** A send as the browser sees it (result page, history, polling): dates as ISO text, the shown status. */
export interface SendView {
  id: string;
  isTest: boolean;
  /** "group" (SendGroupMessage) or "broadcast" (SendMessageToAllUsers: no group, priority or recipients). */
  kind: "group" | "broadcast";
  appKey: string;
  appName: string;
  appId: number;
  isProduction: boolean;
  fromUserId: string;
  groupId: string | null;
  messageType: number;
  priority: number | null;
  recipientMode: "all" | "only" | "except" | null;
  pushType: number | null;
  /** Sent by the dispatcher for this scheduled item, for its occurrence due at scheduledFor. */
  scheduledItemId: string | null;
  scheduledFor: string | null;
  recipientCount: number;
  audienceSize: number | null;
  request: Record<string, unknown>;
  status: SendStatus;
  attempts: number;
  code: number | null;
  zimMessage: string | null;
  requestId: string | null;
  msgSeq: number | null;
  msgId: string | null;
  auditInfos: { Index: number; Reason: string }[];
  failure: SendFailure | null;
  operatorEmail: string;
  createdAt: string;
  attemptedAt: string;
  completedAt: string | null;
  recallStatus: RecallStatus | null;
  recall: RecallRecord | null;
}

export function toSendView(row: MessageSendRow, now: Date = new Date()): SendView {
  return {
    id: row.id,
    isTest: row.isTest,
    kind: row.kind,
    appKey: row.appKey,
    appName: row.appName,
    appId: row.appId,
    isProduction: row.isProduction,
    fromUserId: row.fromUserId,
    groupId: row.groupId,
    messageType: row.messageType,
    priority: row.priority,
    recipientMode: row.recipientMode,
    pushType: row.pushType,
    scheduledItemId: row.scheduledItemId,
    scheduledFor: row.scheduledFor?.toISOString() ?? null,
    recipientCount: row.recipientCount,
    audienceSize: row.audienceSize,
    request: row.request,
    status: shownStatus(row.status, row.attemptedAt, now),
    attempts: row.attempts,
    code: row.code,
    zimMessage: row.zimMessage,
    requestId: row.requestId,
    msgSeq: row.msgSeq,
    msgId: row.msgId,
    auditInfos: row.auditInfos ?? [],
    failure: row.failure ?? (row.status === "sending" && shownStatus(row.status, row.attemptedAt, now) === "unknown" ? { reason: "interrupted" } : null),
    operatorEmail: row.operatorEmail,
    createdAt: row.createdAt.toISOString(),
    attemptedAt: row.attemptedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    recallStatus: shownRecallStatus(row.recallStatus, row.recall?.attemptedAt, now),
    recall: row.recall ?? null,
  };
}
