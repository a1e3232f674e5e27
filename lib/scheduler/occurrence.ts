import "server-only";
import type { Database } from "@/lib/db";
import type { ScheduledItemRow } from "@/lib/db/schema";
import type { SendStatus } from "@/lib/messages/status";
import { nextOccurrence } from "@/lib/time/recurrence";
import type { RunStatus } from "./status";

/** A transaction on the console database. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * The idempotency key of one occurrence's send: the same for every dispatcher and every attempt, so the
 * message_send unique key lets one of them send and gives the others the earlier record.
 */
export function sendKeyOf(item: Pick<ScheduledItemRow, "id">, dueAt: Date): string {
  return `schedule:${item.id}:${dueAt.toISOString()}`;
}

/** The occurrence after this one in the item's zone, on the wall time the operator chose; null when none. */
export function nextDueAt(item: Pick<ScheduledItemRow, "dueAt" | "timeZone" | "recurrence" | "localTime">): Date | null {
  if (!item.recurrence) return null;
  return nextOccurrence(item.dueAt, item.timeZone, item.recurrence, item.localTime.slice(11, 16));
}

/** What the audit trail names: the app and the group, "all users" for an announcement, the group count for a bulk send. */
export function auditTargetOf(item: Pick<ScheduledItemRow, "appName" | "request" | "kind" | "audienceSize">): string {
  if (item.kind === "bulk") return `${item.appName} / ${item.audienceSize ?? 0} groups`;
  const groupId = item.kind === "group" ? item.request.GroupId : undefined;
  return `${item.appName} / ${typeof groupId === "string" ? groupId : "all users"}`;
}

/** The run status a settled send gives its occurrence: Code 0 is sent (blocked included, D5), no answer unknown. */
export function runStatusOfSend(status: SendStatus): RunStatus {
  switch (status) {
    case "delivered":
    case "blocked":
      return "sent";
    case "sending":
    case "unknown":
      return "unknown";
    case "rejected":
    case "rate-limited":
    case "not-sent":
      return "rejected";
  }
}
