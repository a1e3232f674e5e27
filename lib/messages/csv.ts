import Papa from "papaparse";
import type { MessageSendRow } from "@/lib/db/schema";
import { shownStatus } from "./status";

/**
 * The history as CSV: one row per send, UTC timestamps, IDs as text. Cells starting with = + - @ are escaped
 * (papaparse escapeFormulae) so a message text can never run as a spreadsheet formula.
 */
export const CSV_COLUMNS = [
  "created_at_utc", "app", "app_id", "production", "test_send", "kind", "group_id", "from_user_id", "message_type",
  "priority", "recipients", "recipient_count", "push_type", "outcome", "code", "zim_message", "request_id", "msg_seq", "msg_id",
  "moderation_reasons", "recall", "operator", "message", "send_id",
] as const;

/** An announcement's audience (PushType) in words, so a spreadsheet reader need not know the numbers. */
const PUSH_TYPE_WORDS: Record<number, string> = { 0: "online users", 1: "online users + offline push", 2: "offline push to all" };

const UNPARSE = { escapeFormulae: true, newline: "\r\n" } as const;

/** The header line with a UTF-8 byte order mark, so spreadsheet programs read Chinese text correctly. */
export function csvHeader(): string {
  return `\uFEFF${Papa.unparse([[...CSV_COLUMNS]], UNPARSE)}\r\n`;
}

export function csvLines(rows: MessageSendRow[], now: Date = new Date()): string {
  if (rows.length === 0) return "";
  const data = rows.map((r) => [
    r.createdAt.toISOString(),
    r.appName,
    String(r.appId),
    r.isProduction ? "yes" : "no",
    r.isTest ? "yes" : "no",
    r.kind === "broadcast" ? "announcement" : "group",
    r.groupId ?? "",
    r.fromUserId,
    String(r.messageType),
    r.priority === null ? "" : String(r.priority),
    r.kind === "broadcast" ? "all users (announcement)" : (r.recipientMode ?? ""),
    String(r.recipientCount),
    r.pushType === null ? "" : PUSH_TYPE_WORDS[r.pushType] ?? String(r.pushType),
    shownStatus(r.status, r.attemptedAt, now),
    r.code === null ? "" : String(r.code),
    r.zimMessage ?? "",
    r.requestId ?? "",
    r.msgSeq === null ? "" : String(r.msgSeq),
    r.msgId ?? "",
    (r.auditInfos ?? []).map((a) => `#${a.Index}: ${a.Reason}`).join("; "),
    r.recallStatus ?? "",
    r.operatorEmail,
    messageText(r.request),
    r.id,
  ]);
  return `${Papa.unparse(data, UNPARSE)}\r\n`;
}

function messageText(request: Record<string, unknown>): string {
  const body = request.MessageBody as { Message?: unknown } | undefined;
  return typeof body?.Message === "string" ? body.Message : "";
}
