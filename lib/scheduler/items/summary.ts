import "server-only";
import type { ScheduledItemRow } from "@/lib/db/schema";

/** The audit trail's target for an item: the app and where it goes. */
export function itemTarget(row: Pick<ScheduledItemRow, "appName" | "kind" | "request" | "audienceSize">): string {
  if (row.kind === "bulk") return `${row.appName} / ${row.audienceSize ?? 0} groups`;
  return row.kind === "group" ? `${row.appName} / ${String(row.request.GroupId ?? "")}` : `${row.appName} / all users`;
}

/** What the audit trail keeps of an item: where, when, what kind — never the text, never a secret. */
export function itemSummary(row: ScheduledItemRow): Record<string, unknown> {
  return {
    itemId: row.id,
    kind: row.kind,
    appKey: row.appKey,
    production: row.isProduction,
    groupId: row.kind === "group" ? row.request.GroupId : undefined,
    bulkId: row.kind === "bulk" ? row.request.bulkId : undefined,
    fromUserId: row.request.FromUserId,
    messageType: row.request.MessageType,
    dueAt: row.dueAt.toISOString(),
    localTime: row.localTime,
    timeZone: row.timeZone,
    occurrence: row.occurrence ?? undefined,
    recurrence: row.recurrence ?? undefined,
    sendOnApproval: row.sendOnApproval || undefined,
    version: row.version,
    approval: row.approval,
  };
}
