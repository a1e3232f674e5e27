/**
 * The shapes the bulk-send pages and the bulk-send verbs agree on. Client-safe: no secret, no server import.
 */
import type { BulkRecallStatus, BulkStatus, BulkTargetStatus } from "./status";

/** At most this many group IDs in one bulk send (issue: "up to 100,000 group IDs"). */
export const MAX_BULK_GROUPS = 100_000;

/** One line of a pasted or uploaded list that is not a group ID, and why (shown before anything is sent). */
export interface InvalidGroupLine {
  /** 1-based line number in the operator's text. */
  line: number;
  value: string;
  reason: string;
}

/** What a pasted or uploaded group list holds once read (lib/bulk/group-list.ts). */
export interface ParsedGroupList {
  /** Valid IDs, in first-seen order, duplicates removed. */
  ids: string[];
  /** How many repeats were dropped. */
  duplicates: number;
  invalid: InvalidGroupLine[];
  /** More valid IDs than MAX_BULK_GROUPS (ids is cut at the maximum). */
  overMax: boolean;
}

/** The progress bar of one bulk send, as every operator sees it (polled). */
export interface BulkProgress {
  id: string;
  status: BulkStatus;
  appKey: string;
  appName: string;
  isProduction: boolean;
  fromUserId: string;
  messageType: number;
  total: number;
  delivered: number;
  blocked: number;
  failed: number;
  unknown: number;
  cancelled: number;
  /** Pending and in flight. */
  remaining: number;
  /** Sends completed per second over the last 10 seconds (0 when idle). */
  currentRate: number;
  /** The app's SendGroupMessage limit per second. */
  allowedRate: number;
  /** Seconds left at the allowed rate, null when nothing remains or the run is not going. */
  secondsLeft: number | null;
  recallState: "running" | "done" | null;
  /** Delivered groups whose recall window is still open (what "recall all" would revoke). */
  recallable: number;
  /** When the last delivered group's recall window closes (ISO), null when none is open. */
  recallOpenUntil: string | null;
  createdByEmail: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  controlledByEmail: string | null;
  scheduledFor: string | null;
  scheduledItemId: string | null;
}

/** One row of the per-group result table. */
export interface BulkTargetView {
  seq: number;
  groupId: string;
  status: BulkTargetStatus;
  attempts: number;
  code: number | null;
  zimMessage: string | null;
  requestId: string | null;
  msgSeq: number | null;
  msgId: string | null;
  auditInfos: { Index: number; Reason: string }[] | null;
  failureReason: string | null;
  completedAt: string | null;
  recallStatus: BulkRecallStatus | null;
  recallCode: number | null;
}

/** The filters of the result table; all optional, combined with AND. */
export interface BulkTargetFilters {
  status?: BulkTargetStatus | "failed";
  /** A ZIM return code, e.g. 660600001. */
  code?: number;
  /** Only groups whose message moderation blocked (AuditInfos non-empty). */
  auditFailures?: boolean;
  /** A MsgSeq, or a group ID prefix. */
  search?: string;
  /** Continue after this seq (keyset paging in list order). */
  afterSeq?: number;
}

export interface BulkTargetPage {
  rows: BulkTargetView[];
  /** Pass as afterSeq for the next page; undefined on the last one. */
  nextAfterSeq?: number;
}

/** A line of the bulk sends list. */
export type BulkSummary = Pick<
  BulkProgress,
  "id" | "status" | "appName" | "isProduction" | "total" | "delivered" | "blocked" | "failed" | "unknown" | "cancelled" | "remaining" | "createdByEmail" | "createdAt" | "scheduledFor"
>;
