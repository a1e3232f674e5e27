import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";

/**
 * The ZIM sandbox's world (lib/sandbox): a local stand-in for one ZIM app, kept in the console's own database so
 * it survives restarts and the console and the standalone `npm run sandbox` agree on it. One world per database.
 */

export type SandboxAuditInfo = { Index: number; Reason: string };
export type SandboxTargetOption = { ReceiverUserIds: string[]; Inclusive: boolean };

/** Single row (id = 1): the sandbox's tunable limits and the ServerSecret generated when none is configured. */
export const sandboxSettings = pgTable(
  "sandbox_settings",
  {
    id: integer("id").primaryKey().default(1),
    serverSecret: text("server_secret"),
    blockedWords: jsonb("blocked_words").$type<string[]>().notNull(),
    /** D13: RevokeGroupMessage works this long after sending. */
    recallWindowSeconds: integer("recall_window_seconds").notNull().default(120),
    /** D4: limits in UTF-8 bytes, 1 KB = 1024. */
    messageLimitBytes: integer("message_limit_bytes").notNull().default(2048),
    multiItemLimitBytes: integer("multi_item_limit_bytes").notNull().default(5120),
    extendedDataLimitBytes: integer("extended_data_limit_bytes").notNull().default(1024),
    /** D7: SendMessageToAllUsers calls per rolling 24 h. */
    broadcastDailyLimit: integer("broadcast_daily_limit").notNull().default(100),
    /** D8: TargetOption.ReceiverUserIds maximum. */
    maxReceiverUserIds: integer("max_receiver_user_ids").notNull().default(1000),
    seededAt: timestamp("seeded_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("sandbox_settings_single_row", sql`${t.id} = 1`)],
);

export const sandboxUser = pgTable("sandbox_user", {
  userId: text("user_id").primaryKey(),
  userName: text("user_name").notNull().default(""),
  userAvatar: text("user_avatar").notNull().default(""),
  /** False models an ID the world knows (e.g. a member) that never logged in nor was registered: 660500002. */
  registered: boolean("registered").notNull().default(true),
  online: boolean("online").notNull().default(false),
  /** Reported a ZPNs push ID, so offline pushes reach this user. */
  pushRegistered: boolean("push_registered").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const sandboxGroup = pgTable("sandbox_group", {
  groupId: text("group_id").primaryKey(),
  groupName: text("group_name").notNull().default(""),
  groupNotice: text("group_notice").notNull().default(""),
  groupAvatar: text("group_avatar").notNull().default(""),
  ownerId: text("owner_id").notNull(),
  /** The group's MsgSeq counter, bumped with UPDATE … RETURNING so concurrent sends never share a number. */
  lastMsgSeq: bigint("last_msg_seq", { mode: "number" }).notNull().default(0),
  groupDataSeq: integer("group_data_seq").notNull().default(1),
  attributes: jsonb("attributes").$type<{ Key: string; Value: string }[]>().notNull().default([]),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const sandboxGroupMember = pgTable(
  "sandbox_group_member",
  {
    groupId: text("group_id")
      .notNull()
      .references(() => sandboxGroup.groupId, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    /** 1 owner, 2 admin, 3 member (QueryGroupMemberList's Role). */
    role: integer("role").notNull().default(3),
    nickName: text("nick_name").notNull().default(""),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index("sandbox_group_member_user_idx").on(t.userId)],
);

/** Every accepted SendGroupMessage, including ones blocked by moderation (auditInfos set, delivered to nobody). */
export const sandboxGroupMessage = pgTable(
  "sandbox_group_message",
  {
    msgId: bigint("msg_id", { mode: "bigint" }).primaryKey(),
    groupId: text("group_id").notNull(),
    /** Null for command messages (type 2): the real API answers them without MsgSeq. */
    msgSeq: bigint("msg_seq", { mode: "number" }),
    fromUserId: text("from_user_id").notNull(),
    messageType: integer("message_type").notNull(),
    subMsgType: integer("sub_msg_type"),
    messageBody: jsonb("message_body").$type<Record<string, unknown>>().notNull(),
    searchedContent: text("searched_content"),
    priority: integer("priority").notNull(),
    noUnread: boolean("no_unread").notNull().default(false),
    targetOption: jsonb("target_option").$type<SandboxTargetOption>(),
    auditInfos: jsonb("audit_infos").$type<SandboxAuditInfo[]>(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
    recalledAt: timestamp("recalled_at", { withTimezone: true }),
    recallPayload: text("recall_payload"),
  },
  (t) => [unique("sandbox_group_message_seq_unique").on(t.groupId, t.msgSeq)],
);

/** Accepted SendMessageToAllUsers calls; also the persisted count behind the rolling 24 h quota (D7). */
export const sandboxBroadcast = pgTable(
  "sandbox_broadcast",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    fromUserId: text("from_user_id").notNull(),
    messageType: integer("message_type").notNull(),
    subMsgType: integer("sub_msg_type"),
    messageBody: jsonb("message_body").$type<Record<string, unknown>>().notNull(),
    pushType: integer("push_type").notNull(),
    auditInfos: jsonb("audit_infos").$type<SandboxAuditInfo[]>(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sandbox_broadcast_sent_at_idx").on(t.sentAt)],
);

/**
 * What each user received: group messages ("group"), broadcasts ("broadcast") and offline pushes ("push").
 * The message is copied in, as a device would hold it; a recall stamps recalledAt on every copy.
 */
export const sandboxInbox = pgTable(
  "sandbox_inbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: text("user_id").notNull(),
    kind: text("kind", { enum: ["group", "broadcast", "push"] }).notNull(),
    groupId: text("group_id"),
    msgSeq: bigint("msg_seq", { mode: "number" }),
    msgId: bigint("msg_id", { mode: "bigint" }),
    broadcastId: bigint("broadcast_id", { mode: "number" }),
    fromUserId: text("from_user_id").notNull(),
    messageType: integer("message_type").notNull(),
    subMsgType: integer("sub_msg_type"),
    messageBody: jsonb("message_body").$type<Record<string, unknown>>().notNull(),
    /** True when the user was online at send time; false = waiting in the inbox for the next login. */
    delivered: boolean("delivered").notNull(),
    unread: boolean("unread").notNull(),
    targeted: boolean("targeted").notNull().default(false),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    recalledAt: timestamp("recalled_at", { withTimezone: true }),
  },
  (t) => [
    index("sandbox_inbox_user_idx").on(t.userId, t.id),
    index("sandbox_inbox_msg_idx").on(t.msgId),
  ],
);

export const SANDBOX_FAULT_EFFECTS = ["none", "drop", "http-error", "malformed-json", "code"] as const;
export type SandboxFaultEffect = (typeof SANDBOX_FAULT_EFFECTS)[number];

/** One injected fault per Action ("*" = every Action without its own). timesLeft null = until removed. */
export const sandboxFault = pgTable("sandbox_fault", {
  action: text("action").primaryKey(),
  latencyMs: integer("latency_ms").notNull().default(0),
  effect: text("effect", { enum: SANDBOX_FAULT_EFFECTS }).notNull().default("none"),
  httpStatus: integer("http_status"),
  code: integer("code"),
  message: text("message"),
  afterProcessing: boolean("after_processing").notNull(),
  timesLeft: integer("times_left"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
