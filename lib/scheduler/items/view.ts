import type { ScheduledItemRow, ScheduledRunRow } from "@/lib/db/schema";
import type { ApprovalState, ItemKind, ItemStatus, RunStatus } from "@/lib/scheduler/status";
import type { Recurrence } from "@/lib/time/recurrence";

/** An item as the browser sees it (list, detail, polling): dates as ISO text, no lease internals, no create key. */
export interface ItemView {
  id: string;
  kind: ItemKind;
  appKey: string;
  appName: string;
  isProduction: boolean;
  /** The group it goes to; null for an announcement (all users). */
  groupId: string | null;
  request: Record<string, unknown>;
  audienceSize: number | null;
  localTime: string;
  timeZone: string;
  occurrence: "earlier" | "later" | null;
  recurrence: Recurrence | null;
  dueAt: string;
  status: ItemStatus;
  version: number;
  sendOnApproval: boolean;
  approval: ApprovalState;
  approvedVersion: number | null;
  reviewerEmail: string | null;
  reviewReason: string | null;
  reviewedAt: string | null;
  lastSendId: string | null;
  createdById: string;
  createdByEmail: string;
  createdAt: string;
  updatedById: string;
  updatedByEmail: string;
  updatedAt: string;
}

export interface RunView {
  id: string;
  dueAt: string;
  version: number;
  status: RunStatus;
  sendId: string | null;
  detail: { reason: string; [key: string]: unknown } | null;
  finishedAt: string;
}

export function toItemView(row: ScheduledItemRow): ItemView {
  return {
    id: row.id,
    kind: row.kind,
    appKey: row.appKey,
    appName: row.appName,
    isProduction: row.isProduction,
    groupId: row.kind === "group" && typeof row.request.GroupId === "string" ? row.request.GroupId : null,
    request: row.request,
    audienceSize: row.audienceSize,
    localTime: row.localTime,
    timeZone: row.timeZone,
    occurrence: row.occurrence,
    recurrence: row.recurrence ?? null,
    dueAt: row.dueAt.toISOString(),
    status: row.status,
    version: row.version,
    sendOnApproval: row.sendOnApproval,
    approval: row.approval,
    approvedVersion: row.approvedVersion,
    reviewerEmail: row.reviewerEmail,
    reviewReason: row.reviewReason,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    lastSendId: row.lastSendId,
    createdById: row.createdById,
    createdByEmail: row.createdByEmail,
    createdAt: row.createdAt.toISOString(),
    updatedById: row.updatedById,
    updatedByEmail: row.updatedByEmail,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toRunView(row: ScheduledRunRow): RunView {
  return { id: row.id, dueAt: row.dueAt.toISOString(), version: row.version, status: row.status, sendId: row.sendId, detail: row.detail ?? null, finishedAt: row.finishedAt.toISOString() };
}
