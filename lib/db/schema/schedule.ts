import { sql } from "drizzle-orm";
import { boolean, index, integer, json, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
// Relative imports: drizzle-kit loads this file without the "@/" alias. The states live in client-safe files.
import type { Recurrence } from "../../time/recurrence";
import { APPROVAL_STATES, ITEM_KINDS, ITEM_STATUSES, RUN_STATUSES } from "../../scheduler/status";

/**
 * A message planned for later: a group message (SendGroupMessage) or an announcement (SendMessageToAllUsers),
 * once or repeating. The row is the record; pg-boss jobs only wake a dispatcher at `dueAt`.
 *
 * `dueAt` is the instant of the next occurrence; `localTime` and `timeZone` are what the operator chose (the wall
 * clock a repetition keeps). `version` grows with every edit: an approval is for one version, and a dispatcher
 * that claimed an older version finds nothing to claim. `leaseOwner`/`leaseUntil` say which dispatcher holds a
 * claimed or sending item and until when; an expired lease is settled by the lease sweep.
 */
export const scheduledItem = pgTable(
  "scheduled_item",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Made by the form when it opened: a double click or a retried request creates one item, not two. */
    createKey: text("create_key").unique(),
    kind: text("kind", { enum: ITEM_KINDS }).notNull(),
    appKey: text("app_key").notNull(),
    appName: text("app_name").notNull(),
    isProduction: boolean("is_production").notNull(),
    /** The exact request body that will be sent (SendGroupMessage or SendMessageToAllUsers); never a secret. */
    request: json("request").$type<Record<string, unknown>>().notNull(),
    /** Group size the operator confirmed against, when known (group messages). */
    audienceSize: integer("audience_size"),
    /** "YYYY-MM-DDTHH:mm" (seconds optional) in `timeZone`, as the operator chose it. */
    localTime: text("local_time").notNull(),
    timeZone: text("time_zone").notNull(),
    /** Which of a doubled wall time (clocks going back) the operator meant, when it was one. */
    occurrence: text("occurrence", { enum: ["earlier", "later"] }),
    recurrence: jsonb("recurrence").$type<Recurrence>(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: ITEM_STATUSES }).notNull(),
    version: integer("version").notNull().default(1),
    /** "Send now" of an announcement that needs approval: it goes out when approved, not at a set time. */
    sendOnApproval: boolean("send_on_approval").notNull().default(false),
    approval: text("approval", { enum: APPROVAL_STATES }).notNull(),
    approvedVersion: integer("approved_version"),
    reviewerId: text("reviewer_id"),
    reviewerEmail: text("reviewer_email"),
    reviewReason: text("review_reason"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    leaseOwner: text("lease_owner"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    /** The message_send row of the latest occurrence that was sent (or may have been). */
    lastSendId: uuid("last_send_id"),
    /** When the author has seen that the item needs their attention (held, missed, unknown, failed). */
    attentionSeenAt: timestamp("attention_seen_at", { withTimezone: true }),
    createdById: text("created_by_id").notNull(),
    createdByEmail: text("created_by_email").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedById: text("updated_by_id").notNull(),
    updatedByEmail: text("updated_by_email").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The dispatcher's question, "what is due now?", reads only the waiting items.
    index("scheduled_item_due_idx").on(t.dueAt).where(sql`${t.status} = 'scheduled'`),
    index("scheduled_item_lease_idx").on(t.leaseUntil).where(sql`${t.status} in ('claimed', 'sending')`),
    index("scheduled_item_app_due_idx").on(t.appKey, t.dueAt),
    index("scheduled_item_status_due_idx").on(t.status, t.dueAt),
    // The banner on every page asks "what of mine needs a look?".
    index("scheduled_item_attention_idx").on(t.createdById).where(sql`${t.attentionSeenAt} is null`),
  ],
);

export type ScheduledItemRow = typeof scheduledItem.$inferSelect;

/**
 * One occurrence of an item that has ended: sent, rejected, unknown, missed, held or failed. Unique per
 * (item, due time), so an occurrence is settled once whatever number of dispatchers look at it.
 */
export const scheduledRun = pgTable(
  "scheduled_run",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => scheduledItem.id, { onDelete: "cascade" }),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    version: integer("version").notNull(),
    status: text("status", { enum: RUN_STATUSES }).notNull(),
    sendId: uuid("send_id"),
    /** Why, in the console's words (a message key and its values), for missed, held and failed runs. */
    detail: jsonb("detail").$type<{ reason: string; [key: string]: unknown }>(),
    dispatcher: text("dispatcher"),
    finishedAt: timestamp("finished_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("scheduled_run_item_due_unique").on(t.itemId, t.dueAt), index("scheduled_run_finished_idx").on(t.finishedAt)],
);

export type ScheduledRunRow = typeof scheduledRun.$inferSelect;

/**
 * The console's own policy for an app, keyed like the app picker ("sandbox" or a zim_app id); an app without a
 * row has the defaults. Kept apart from zim_app so the built-in sandbox has one too.
 */
export const appPolicy = pgTable("app_policy", {
  appKey: text("app_key").primaryKey(),
  /** Items due while nothing ran are still sent this late; later than that they are marked missed. */
  graceMinutes: integer("grace_minutes").notNull().default(15),
  /** Announcements of this app go out only after a second operator approved them. */
  announcementApproval: boolean("announcement_approval").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const DEFAULT_GRACE_MINUTES = 15;

