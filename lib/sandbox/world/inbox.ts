import "server-only";
import { and, asc, count, eq, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/open";
import { sandboxInbox } from "@/lib/db/schema";
import type { Delivery } from "../rules/delivery";

/** One thing a user received, as GET <basePath>/_sandbox/inbox shows it. MsgId is a decimal string (D10). */
export interface SandboxInboxEntry {
  Id: number;
  Kind: "group" | "broadcast" | "push";
  GroupId: string | null;
  MsgSeq: number | null;
  MsgId: string | null;
  BroadcastId: number | null;
  FromUserId: string;
  MessageType: number;
  SubMsgType: number | null;
  MessageBody: Record<string, unknown>;
  /** Online when it was sent; false = waiting for the next login. */
  Delivered: boolean;
  Unread: boolean;
  /** Sent with SendMsgOptions.TargetOption. */
  Targeted: boolean;
  Recalled: boolean;
  RecalledAt: string | null;
  ReceivedAt: string;
}

type InboxRow = typeof sandboxInbox.$inferSelect;

function view(row: InboxRow): SandboxInboxEntry {
  return {
    Id: row.id,
    Kind: row.kind,
    GroupId: row.groupId,
    MsgSeq: row.msgSeq,
    MsgId: row.msgId === null ? null : row.msgId.toString(),
    BroadcastId: row.broadcastId,
    FromUserId: row.fromUserId,
    MessageType: row.messageType,
    SubMsgType: row.subMsgType,
    MessageBody: row.messageBody,
    Delivered: row.delivered,
    Unread: row.unread,
    Targeted: row.targeted,
    Recalled: row.recalledAt !== null,
    RecalledAt: row.recalledAt?.toISOString() ?? null,
    ReceivedAt: row.receivedAt.toISOString(),
  };
}

export interface InboxFilter {
  Kind?: SandboxInboxEntry["Kind"];
  GroupId?: string;
}

/** What `userId` received, oldest first. */
export async function inboxOf(db: Database, userId: string, filter: InboxFilter = {}): Promise<SandboxInboxEntry[]> {
  const conditions: SQL[] = [eq(sandboxInbox.userId, userId)];
  if (filter.Kind) conditions.push(eq(sandboxInbox.kind, filter.Kind));
  if (filter.GroupId) conditions.push(eq(sandboxInbox.groupId, filter.GroupId));
  const rows = await db
    .select()
    .from(sandboxInbox)
    .where(and(...conditions))
    .orderBy(asc(sandboxInbox.id));
  return rows.map(view);
}

/** Unread group messages per group for one user (a recall does not change the count). */
export async function unreadCountsOf(db: Database, userId: string): Promise<{ GroupId: string; Unread: number }[]> {
  const rows = await db
    .select({ groupId: sandboxInbox.groupId, n: count() })
    .from(sandboxInbox)
    .where(and(eq(sandboxInbox.userId, userId), eq(sandboxInbox.kind, "group"), eq(sandboxInbox.unread, true)))
    .groupBy(sandboxInbox.groupId)
    .orderBy(asc(sandboxInbox.groupId));
  return rows.map((r) => ({ GroupId: r.groupId ?? "", Unread: r.n }));
}

/** The message as every recipient's copy carries it. */
export interface InboxMessage {
  groupId?: string;
  msgSeq?: number | null;
  msgId?: bigint;
  broadcastId?: number;
  fromUserId: string;
  messageType: number;
  subMsgType?: number;
  messageBody: Record<string, unknown>;
  targeted?: boolean;
  receivedAt: Date;
}

export async function insertDeliveries(db: Database, message: InboxMessage, deliveries: Delivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  await db.insert(sandboxInbox).values(
    deliveries.map((d) => ({
      userId: d.userId,
      kind: d.kind,
      groupId: message.groupId ?? null,
      msgSeq: message.msgSeq ?? null,
      msgId: message.msgId ?? null,
      broadcastId: message.broadcastId ?? null,
      fromUserId: message.fromUserId,
      messageType: message.messageType,
      subMsgType: message.subMsgType ?? null,
      messageBody: message.messageBody,
      delivered: d.delivered,
      unread: d.unread,
      targeted: message.targeted ?? false,
      receivedAt: message.receivedAt,
    })),
  );
}
