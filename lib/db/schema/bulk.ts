import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, json, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
// Relative imports: drizzle-kit loads this file without the "@/" alias. The states live in client-safe files.
import { BULK_RECALL_STATUSES, BULK_STATUSES, BULK_TARGET_STATUSES } from "../../bulk/status";
import type { SendFailure } from "../../messages/status";

/**
 * One message sent to many groups. `template` is the exact SendGroupMessage body with `GroupId` left empty; each
 * group's request is the template with its GroupId. The counters are updated in the same transaction as the
 * target rows they count, so the progress bar reads one row however many groups there are.
 * `leaseOwner`/`leaseUntil` say which runner works on it; an expired lease lets another runner take over, which
 * first marks the dead runner's in-flight groups "unknown".
 */
export const bulkSend = pgTable(
  "bulk_send",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Made by the composer when it opened: a double click or a retried request creates one bulk send. */
    createKey: text("create_key").notNull().unique(),
    appKey: text("app_key").notNull(),
    appName: text("app_name").notNull(),
    appId: bigint("app_id", { mode: "number" }).notNull(),
    isProduction: boolean("is_production").notNull(),
    fromUserId: text("from_user_id").notNull(),
    messageType: integer("message_type").notNull(),
    priority: integer("priority").notNull(),
    recipientMode: text("recipient_mode", { enum: ["all", "only", "except"] }).notNull(),
    recipientCount: integer("recipient_count").notNull().default(0),
    /** json, not jsonb: the body is kept byte for byte, keys in the order they are sent. */
    template: json("template").$type<Record<string, unknown>>().notNull(),
    /**
     * The app's SendGroupMessage limit and recall window (D13) when the run was created or last claimed: what the
     * progress bar shows as the allowed rate and what "recall all" counts the window with.
     */
    perSecond: integer("per_second").notNull(),
    recallWindowSeconds: integer("recall_window_seconds").notNull(),
    status: text("status", { enum: BULK_STATUSES }).notNull(),
    total: integer("total").notNull(),
    deliveredCount: integer("delivered_count").notNull().default(0),
    blockedCount: integer("blocked_count").notNull().default(0),
    failedCount: integer("failed_count").notNull().default(0),
    unknownCount: integer("unknown_count").notNull().default(0),
    cancelledCount: integer("cancelled_count").notNull().default(0),
    /** The scheduled item that starts it, and the occurrence it belongs to. */
    scheduledItemId: uuid("scheduled_item_id"),
    scheduledFor: timestamp("scheduled_for", { withTimezone: true }),
    /** "Recall all": null until asked, then running → done. Each group's recall is on its target row. */
    recallState: text("recall_state", { enum: ["running", "done"] }),
    recallRequestedByEmail: text("recall_requested_by_email"),
    leaseOwner: text("lease_owner"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    createdById: text("created_by_id").notNull(),
    createdByEmail: text("created_by_email").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** Who last paused, resumed or cancelled it, and when. */
    controlledByEmail: text("controlled_by_email"),
    controlledAt: timestamp("controlled_at", { withTimezone: true }),
  },
  (t) => [
    index("bulk_send_created_idx").on(t.createdAt, t.id),
    index("bulk_send_runnable_idx").on(t.leaseUntil).where(sql`${t.status} in ('queued', 'running') or ${t.recallState} = 'running'`),
  ],
);

export type BulkSendRow = typeof bulkSend.$inferSelect;

/**
 * One group of a bulk send and what became of it. The row is set to "sending" and COMMITTED before its request
 * leaves; its (bulk, group) pair is unique, so no group is ever sent the message twice by the console.
 */
export const bulkTarget = pgTable(
  "bulk_target",
  {
    bulkId: uuid("bulk_id")
      .notNull()
      .references(() => bulkSend.id, { onDelete: "cascade" }),
    /** Position in the operator's list: groups go out in this order. */
    seq: integer("seq").notNull(),
    groupId: text("group_id").notNull(),
    status: text("status", { enum: BULK_TARGET_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    code: integer("code"),
    zimMessage: text("zim_message"),
    requestId: text("request_id"),
    msgSeq: bigint("msg_seq", { mode: "number" }),
    /** D10: 64-bit, kept as decimal text. */
    msgId: text("msg_id"),
    auditInfos: jsonb("audit_infos").$type<{ Index: number; Reason: string }[]>(),
    failure: jsonb("failure").$type<SendFailure>(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    recallStatus: text("recall_status", { enum: BULK_RECALL_STATUSES }),
    recallCode: integer("recall_code"),
    recallMessage: text("recall_message"),
    recallRequestId: text("recall_request_id"),
    recallAt: timestamp("recall_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.bulkId, t.seq] }),
    unique("bulk_target_group_unique").on(t.bulkId, t.groupId),
    // The runner's "next pending group" and the result table's status filter.
    index("bulk_target_status_idx").on(t.bulkId, t.status, t.seq),
    index("bulk_target_recall_idx").on(t.bulkId, t.recallStatus, t.seq).where(sql`${t.recallStatus} is not null`),
    // The progress bar's current rate: completions of the last seconds.
    index("bulk_target_completed_idx").on(t.bulkId, t.completedAt).where(sql`${t.completedAt} is not null`),
  ],
);

export type BulkTargetRow = typeof bulkTarget.$inferSelect;
