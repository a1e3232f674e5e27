import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, json, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
// Relative import: drizzle-kit loads this file without the "@/" alias. The statuses live in a client-safe file.
import { RECALL_STATUSES, SEND_STATUSES, type RecallRecord, type SendFailure } from "../../messages/status";

/**
 * One message sent (or being sent) from the console, by any operator or by the dispatcher: a group message
 * (kind "group", SendGroupMessage) or an announcement to all users (kind "broadcast", SendMessageToAllUsers, which
 * has no group, priority or recipient list: those columns are null for it). The row is committed with status
 * "sending" before the request leaves, under a unique idempotency key made when the composer opened, so a double
 * click, a retry or a second tab finds the row instead of sending again. `request` is the exact SendGroupMessage
 * body (it never holds a secret). `createdAt` is set by the console in milliseconds, so the (created_at, id)
 * cursor of the history round-trips through a JS Date exactly.
 */
export const messageSend = pgTable(
  "message_send",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    /** sha256 of the request body, to tell a repeated click from a different message under a reused key. */
    requestHash: text("request_hash").notNull(),
    isTest: boolean("is_test").notNull().default(false),
    kind: text("kind", { enum: ["group", "broadcast"] }).notNull().default("group"),
    appKey: text("app_key").notNull(),
    appName: text("app_name").notNull(),
    appId: bigint("app_id", { mode: "number" }).notNull(),
    isProduction: boolean("is_production").notNull(),
    fromUserId: text("from_user_id").notNull(),
    groupId: text("group_id"),
    messageType: integer("message_type").notNull(),
    priority: integer("priority"),
    recipientMode: text("recipient_mode", { enum: ["all", "only", "except"] }),
    /** Announcements only: 0 online users, 1 online plus offline push, 2 offline push to every registered user. */
    pushType: integer("push_type"),
    recipientCount: integer("recipient_count").notNull().default(0),
    /** Group size the operator confirmed against (QueryGroupMemberList), when it was known. */
    audienceSize: integer("audience_size"),
    /** json, not jsonb: the body is kept byte for byte, keys in the order they were sent. */
    request: json("request").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: SEND_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(1),
    code: integer("code"),
    zimMessage: text("zim_message"),
    requestId: text("request_id"),
    msgSeq: bigint("msg_seq", { mode: "number" }),
    /** D10: 64-bit, kept as decimal text. */
    msgId: text("msg_id"),
    auditInfos: jsonb("audit_infos").$type<{ Index: number; Reason: string }[]>(),
    failure: jsonb("failure").$type<SendFailure>(),
    operatorId: text("operator_id").notNull(),
    operatorEmail: text("operator_email").notNull(),
    /** Sent by the dispatcher for this scheduled item's occurrence due at `scheduledFor`. */
    scheduledItemId: uuid("scheduled_item_id"),
    scheduledFor: timestamp("scheduled_for", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** When the latest attempt's request went out; the recall window is counted from it (conservatively). */
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    recallStatus: text("recall_status", { enum: RECALL_STATUSES }),
    recall: jsonb("recall").$type<RecallRecord>(),
  },
  (t) => [
    // One composite index per history filter, each ending in the (created_at, id) cursor; ascending, so the
    // newest-first ORDER BY ... DESC is a plain backward scan.
    index("message_send_created_idx").on(t.createdAt, t.id),
    index("message_send_app_created_idx").on(t.appKey, t.createdAt, t.id),
    index("message_send_group_created_idx").on(t.groupId, t.createdAt, t.id),
    index("message_send_sender_created_idx").on(t.fromUserId, t.createdAt, t.id),
    index("message_send_operator_created_idx").on(t.operatorEmail, t.createdAt, t.id),
    index("message_send_status_created_idx").on(t.status, t.createdAt, t.id),
    index("message_send_kind_created_idx").on(t.kind, t.createdAt, t.id),
    // D7: the rolling 24-hour announcement count per app.
    index("message_send_kind_app_created_idx").on(t.kind, t.appKey, t.createdAt),
    index("message_send_scheduled_item_idx").on(t.scheduledItemId).where(sql`${t.scheduledItemId} is not null`),
    index("message_send_msg_seq_idx").on(t.msgSeq).where(sql`${t.msgSeq} is not null`),
    index("message_send_request_id_idx").on(t.requestId).where(sql`${t.requestId} is not null`),
  ],
);

export type MessageSendRow = typeof messageSend.$inferSelect;
