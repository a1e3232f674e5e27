/**
 * The life of a scheduled item, client-safe (badges, filters and the schema share it).
 *
 * scheduled → claimed → sending → sent | rejected | unknown, and beside that path:
 * - scheduled: waiting for its time (and, when the app asks for it, for a second operator's approval).
 * - claimed: a dispatcher holds it under a lease; nothing has left yet, so an expired lease puts it back.
 * - sending: its message_send row is committed and the request is out. A dispatcher that dies here leaves it
 *   for the lease sweep, which makes it "unknown" — never resent by itself.
 * - sent: ZIM answered Code 0 (delivered, or blocked by moderation: the send row tells which).
 * - rejected: ZIM answered another Code, or the request never left (the send row tells which).
 * - unknown: may have been sent; an operator checks before resending.
 * - missed: it was due while nothing ran and the app's grace window had passed when a dispatcher saw it.
 * - held: an announcement that needed approval and had none when it was due; it did not go out.
 * - failed: refused by the console at its time (quota spent, app removed, limits changed), nothing sent.
 * - cancelled: an operator cancelled it before it started.
 * - completed: a repeating item whose last occurrence is behind it (each occurrence has its own run row).
 */
export const ITEM_STATUSES = [
  "scheduled",
  "claimed",
  "sending",
  "sent",
  "rejected",
  "unknown",
  "missed",
  "held",
  "failed",
  "cancelled",
  "completed",
] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** The outcome of one occurrence of an item (a one-off item has one, a repeating one one per date). */
export const RUN_STATUSES = ["sent", "rejected", "unknown", "missed", "held", "failed"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** An item may be edited or cancelled only while nothing has started. */
export const EDITABLE_STATUSES: readonly ItemStatus[] = ["scheduled"];

/** States in which a dispatcher holds the item under a lease. */
export const LEASED_STATUSES: readonly ItemStatus[] = ["claimed", "sending"];

export const APPROVAL_STATES = ["not-required", "pending", "approved", "rejected"] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

/** "bulk": the start of a scheduled bulk send (request = { bulkId }); it sends nothing itself, the bulk runner does. */
export const ITEM_KINDS = ["group", "broadcast", "bulk"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
