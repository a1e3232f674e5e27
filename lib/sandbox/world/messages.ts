import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/open";
import {
  sandboxGroup,
  sandboxGroupMember,
  sandboxGroupMessage,
  sandboxInbox,
  sandboxUser,
  type SandboxAuditInfo,
  type SandboxTargetOption,
} from "@/lib/db/schema";
import { planGroupDelivery, type Recipient } from "../rules/delivery";
import { insertDeliveries } from "./inbox";
import { newMsgId } from "./msg-id";

export interface NewGroupMessage {
  groupId: string;
  fromUserId: string;
  messageType: number;
  subMsgType?: number;
  messageBody: Record<string, unknown> & { OfflinePush?: { Enable?: number } };
  searchedContent?: string;
  priority: number;
  noUnread: boolean;
  targetOption?: SandboxTargetOption;
  /** D5: non-empty = blocked by moderation, stored but delivered to nobody. */
  auditInfos: SandboxAuditInfo[];
  sentAt: Date;
}

/**
 * Stores a group message and fills the inboxes in one transaction. The MsgSeq comes from UPDATE … RETURNING on
 * the group row, which holds the row lock until commit: concurrent sends to one group get consecutive numbers
 * on both engines. Command messages (type 2) get no MsgSeq. Answers undefined when the group is gone.
 */
export async function storeGroupMessage(
  db: Database,
  message: NewGroupMessage,
): Promise<{ msgId: bigint; msgSeq: number | null } | undefined> {
  return db.transaction(async (tx) => {
    // A command message takes no number but still locks the group row, which also proves the group exists.
    const step = message.messageType === 2 ? 0 : 1;
    const [group] = await tx
      .update(sandboxGroup)
      .set({ lastMsgSeq: sql`${sandboxGroup.lastMsgSeq} + ${step}` })
      .where(eq(sandboxGroup.groupId, message.groupId))
      .returning({ lastMsgSeq: sandboxGroup.lastMsgSeq });
    if (!group) return undefined;
    const msgSeq = message.messageType === 2 ? null : group.lastMsgSeq;
    const msgId = newMsgId(message.sentAt);
    await tx.insert(sandboxGroupMessage).values({
      msgId,
      groupId: message.groupId,
      msgSeq,
      fromUserId: message.fromUserId,
      messageType: message.messageType,
      subMsgType: message.subMsgType ?? null,
      messageBody: message.messageBody,
      searchedContent: message.searchedContent ?? null,
      priority: message.priority,
      noUnread: message.noUnread,
      targetOption: message.targetOption ?? null,
      auditInfos: message.auditInfos.length > 0 ? message.auditInfos : null,
      sentAt: message.sentAt,
    });
    if (message.auditInfos.length > 0) return { msgId, msgSeq };

    const members = await tx
      .select({ userId: sandboxGroupMember.userId, online: sandboxUser.online, push: sandboxUser.pushRegistered })
      .from(sandboxGroupMember)
      .leftJoin(sandboxUser, eq(sandboxUser.userId, sandboxGroupMember.userId))
      .where(eq(sandboxGroupMember.groupId, message.groupId));
    const [sender] = await tx
      .select({ online: sandboxUser.online, push: sandboxUser.pushRegistered })
      .from(sandboxUser)
      .where(eq(sandboxUser.userId, message.fromUserId));
    const recipient = (userId: string, r?: { online: boolean | null; push: boolean | null }): Recipient => ({
      userId,
      online: r?.online ?? false,
      pushRegistered: r?.push ?? false,
    });
    const deliveries = planGroupDelivery({
      members: members.map((m) => recipient(m.userId, m)),
      sender: recipient(message.fromUserId, sender),
      targetOption: message.targetOption,
      noUnread: message.noUnread,
      offlinePush: message.messageBody.OfflinePush?.Enable === 1,
      countsAsUnread: message.messageType !== 2,
    });
    await insertDeliveries(
      tx,
      {
        groupId: message.groupId,
        msgSeq,
        msgId,
        fromUserId: message.fromUserId,
        messageType: message.messageType,
        subMsgType: message.subMsgType,
        messageBody: message.messageBody,
        targeted: message.targetOption !== undefined,
        receivedAt: message.sentAt,
      },
      deliveries,
    );
    return { msgId, msgSeq };
  });
}

export type RecallOutcome = "recalled" | "not-found" | "not-sender" | "already-recalled" | "window-passed";

interface Recall {
  groupId: string;
  msgSeq: number;
  fromUserId: string;
  payload?: string;
  at: Date;
  /** D13. */
  windowSeconds: number;
}

/** Recalls a group message and marks it recalled in every inbox, under a row lock so a double recall loses. */
export async function recallGroupMessage(db: Database, recall: Recall): Promise<RecallOutcome> {
  return db.transaction(async (tx) => {
    const [message] = await tx
      .select()
      .from(sandboxGroupMessage)
      .where(and(eq(sandboxGroupMessage.groupId, recall.groupId), eq(sandboxGroupMessage.msgSeq, recall.msgSeq)))
      .for("update");
    if (!message) return "not-found";
    if (message.fromUserId !== recall.fromUserId) return "not-sender";
    if (message.recalledAt) return "already-recalled";
    if (recall.at.getTime() - message.sentAt.getTime() > recall.windowSeconds * 1000) return "window-passed";
    await tx
      .update(sandboxGroupMessage)
      .set({ recalledAt: recall.at, recallPayload: recall.payload ?? null })
      .where(eq(sandboxGroupMessage.msgId, message.msgId));
    await tx.update(sandboxInbox).set({ recalledAt: recall.at }).where(eq(sandboxInbox.msgId, message.msgId));
    return "recalled";
  });
}

export interface SandboxGroupMessageView {
  MsgId: string;
  GroupId: string;
  MsgSeq: number | null;
  FromUserId: string;
  MessageType: number;
  SubMsgType: number | null;
  MessageBody: Record<string, unknown>;
  SearchedContent: string | null;
  Priority: number;
  NoUnread: boolean;
  TargetOption: SandboxTargetOption | null;
  /** Non-empty = blocked by moderation (D5): nobody received it. */
  AuditInfos: SandboxAuditInfo[];
  SentAt: string;
  Recalled: boolean;
  RecalledAt: string | null;
}

/** A group's messages in sending order, blocked and recalled ones included. */
export async function listGroupMessages(db: Database, groupId: string): Promise<SandboxGroupMessageView[]> {
  const rows = await db
    .select()
    .from(sandboxGroupMessage)
    .where(eq(sandboxGroupMessage.groupId, groupId))
    .orderBy(asc(sandboxGroupMessage.sentAt), asc(sandboxGroupMessage.msgId));
  return rows.map((r) => ({
    MsgId: r.msgId.toString(),
    GroupId: r.groupId,
    MsgSeq: r.msgSeq,
    FromUserId: r.fromUserId,
    MessageType: r.messageType,
    SubMsgType: r.subMsgType,
    MessageBody: r.messageBody,
    SearchedContent: r.searchedContent,
    Priority: r.priority,
    NoUnread: r.noUnread,
    TargetOption: r.targetOption,
    AuditInfos: r.auditInfos ?? [],
    SentAt: r.sentAt.toISOString(),
    Recalled: r.recalledAt !== null,
    RecalledAt: r.recalledAt?.toISOString() ?? null,
  }));
}
