/**
 * The states of a send and of its recall, client-safe (badges, filters and the schema share them).
 * - sending: the row was committed, the request is out (or the process died while it was: see isStale).
 * - delivered: Code 0 without AuditInfos. blocked: Code 0 with AuditInfos, reached no one (D5).
 * - rejected: a non-zero Code. rate-limited: a frequency Code, nothing was sent, safe to send again.
 * - not-sent: the request never left (connection refused, invalid). unknown: may have been sent, check first.
 */
export const SEND_STATUSES = ["sending", "delivered", "blocked", "rejected", "rate-limited", "not-sent", "unknown"] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];

export const RECALL_STATUSES = ["recalling", "recalled", "rejected", "rate-limited", "not-sent", "unknown"] as const;
export type RecallStatus = (typeof RECALL_STATUSES)[number];

/** Why a call ended without a ZIM answer (lib/zim/outcome.ts reasons), or "interrupted" (start-up sweep). */
export interface SendFailure {
  reason: string;
  detail?: string;
  issues?: { path: string; message: string }[];
}

export interface RecallRecord {
  request: Record<string, unknown>;
  byId: string;
  byEmail: string;
  attemptedAt: string;
  completedAt?: string;
  code?: number;
  message?: string;
  requestId?: string;
  failure?: SendFailure;
}

/** Only these may go again on the same record: ZIM certainly did nothing. Never "unknown" (it may have been sent). */
export const RESENDABLE: readonly SendStatus[] = ["rate-limited", "not-sent"];

/**
 * The ZIM client gives up after 10 s (DEFAULT_TIMEOUT_MS); a row still "sending" well after that belongs to a
 * process that died mid-request, so it is shown as unknown and never resent automatically.
 */
export const STALE_AFTER_MS = 10_000 + 50_000;

export function isStale(attemptedAt: Date | string, now: Date = new Date()): boolean {
  return now.getTime() - new Date(attemptedAt).getTime() > STALE_AFTER_MS;
}

/** The status an operator sees: a stale "sending" is "unknown". */
export function shownStatus(status: SendStatus, attemptedAt: Date | string, now?: Date): SendStatus {
  return status === "sending" && isStale(attemptedAt, now) ? "unknown" : status;
}

export function shownRecallStatus(status: RecallStatus | null, attemptedAt: string | undefined, now?: Date) {
  return status === "recalling" && attemptedAt && isStale(attemptedAt, now) ? "unknown" : status;
}
