import type { MessageSendRow } from "@/lib/db/schema";

type Described = Pick<MessageSendRow, "kind" | "appName" | "groupId">;

/** The audit actions' first word: group messages are "message.*", announcements "announcement.*". */
export function auditNoun(row: Pick<MessageSendRow, "kind">): "message" | "announcement" {
  return row.kind === "broadcast" ? "announcement" : "message";
}

/** Where a send went, as the audit trail names it: "Production / team-1" or "Production / all users". */
export function auditTarget(row: Described): string {
  return `${row.appName} / ${row.kind === "broadcast" ? "all users" : row.groupId}`;
}

/** What the audit trail keeps of a send: where, what kind, to whom — never the text, never a secret. */
export function summary(row: MessageSendRow): Record<string, unknown> {
  const common = { sendId: row.id, appId: row.appId, production: row.isProduction, fromUserId: row.fromUserId, messageType: row.messageType };
  if (row.kind === "broadcast") {
    return { ...common, pushType: row.pushType, scheduledItemId: row.scheduledItemId ?? undefined, scheduledFor: row.scheduledFor?.toISOString() };
  }
  return {
    sendId: row.id,
    appId: row.appId,
    production: row.isProduction,
    groupId: row.groupId,
    fromUserId: row.fromUserId,
    messageType: row.messageType,
    priority: row.priority,
    recipients: row.recipientMode,
    recipientCount: row.recipientCount,
    test: row.isTest || undefined,
    scheduledItemId: row.scheduledItemId ?? undefined,
    scheduledFor: row.scheduledFor?.toISOString(),
  };
}
