/**
 * The states of a bulk send and of each of its groups, client-safe (badges, filters and the schema share them).
 *
 * A bulk send (one message to many groups):
 * - scheduled: waiting for its scheduled item's time; nothing has started.
 * - queued: waiting for a runner (new, resumed, or its runner died and the lease ran out).
 * - running: a runner holds it under a lease and sends its groups in order, inside the app's rate limit.
 * - paused: an operator paused it; groups in flight finished, the rest wait.
 * - cancelled: an operator cancelled it; groups not yet started are "cancelled", nothing more goes out.
 * - completed: every group has an outcome.
 */
export const BULK_STATUSES = ["scheduled", "queued", "running", "paused", "cancelled", "completed"] as const;
export type BulkStatus = (typeof BULK_STATUSES)[number];

/** States a runner may claim. */
export const RUNNABLE_BULK_STATUSES: readonly BulkStatus[] = ["queued", "running"];
/** States an operator may still pause or cancel. */
export const ACTIVE_BULK_STATUSES: readonly BulkStatus[] = ["scheduled", "queued", "running", "paused"];

/**
 * One group of a bulk send; after "pending" and "sending" the send statuses of a single message
 * (lib/messages/status.ts) apply, plus "cancelled" (never started, the run was cancelled).
 * - rate-limited and not-sent: ZIM certainly did nothing (retryable, like rejected).
 * - unknown: the request may have reached ZIM (timeout, dropped connection, the runner died mid-request):
 *   never sent again by the console, an operator checks it.
 */
export const BULK_TARGET_STATUSES = [
  "pending",
  "sending",
  "delivered",
  "blocked",
  "rejected",
  "rate-limited",
  "not-sent",
  "unknown",
  "cancelled",
] as const;
export type BulkTargetStatus = (typeof BULK_TARGET_STATUSES)[number];

/** Certainly not delivered, safe to send again: "retry failed" takes exactly these. */
export const RETRYABLE_TARGET_STATUSES: readonly BulkTargetStatus[] = ["rejected", "rate-limited", "not-sent"];

/** The recall of one delivered group ("recall all"). */
export const BULK_RECALL_STATUSES = ["pending", "recalling", "recalled", "rejected", "expired", "not-sent", "unknown"] as const;
export type BulkRecallStatus = (typeof BULK_RECALL_STATUSES)[number];
