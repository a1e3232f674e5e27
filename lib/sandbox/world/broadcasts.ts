import "server-only";
import { and, count, desc, eq, gt, lte } from "drizzle-orm";
import type { Database } from "@/lib/db/open";
import { sandboxBroadcast, sandboxSettings, sandboxUser, type SandboxAuditInfo } from "@/lib/db/schema";
import { planBroadcast } from "../rules/delivery";
import { insertDeliveries } from "./inbox";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface NewBroadcast {
  fromUserId: string;
  messageType: number;
  subMsgType?: number;
  messageBody: Record<string, unknown>;
  pushType: 0 | 1 | 2;
  auditInfos: SandboxAuditInfo[];
  sentAt: Date;
  /** D7: accepted calls allowed in the rolling 24 h before `sentAt`. */
  dailyLimit: number;
}

/**
 * Records a broadcast and fills the inboxes, unless the rolling 24-hour quota is used up (D7): then answers
 * undefined (660500003). The settings row lock serialises the count and the insert, so two processes on one
 * PostgreSQL world cannot both take the last slot. Calls blocked by moderation count: they were accepted.
 */
export async function storeBroadcast(db: Database, broadcast: NewBroadcast): Promise<number | undefined> {
  return db.transaction(async (tx) => {
    await tx.select({ id: sandboxSettings.id }).from(sandboxSettings).where(eq(sandboxSettings.id, 1)).for("update");
    const since = new Date(broadcast.sentAt.getTime() - DAY_MS);
    const [used] = await tx
      .select({ n: count() })
      .from(sandboxBroadcast)
      .where(and(gt(sandboxBroadcast.sentAt, since), lte(sandboxBroadcast.sentAt, broadcast.sentAt)));
    if ((used?.n ?? 0) >= broadcast.dailyLimit) return undefined;

    const [row] = await tx
      .insert(sandboxBroadcast)
      .values({
        fromUserId: broadcast.fromUserId,
        messageType: broadcast.messageType,
        subMsgType: broadcast.subMsgType ?? null,
        messageBody: broadcast.messageBody,
        pushType: broadcast.pushType,
        auditInfos: broadcast.auditInfos.length > 0 ? broadcast.auditInfos : null,
        sentAt: broadcast.sentAt,
      })
      .returning({ id: sandboxBroadcast.id });
    if (!row) throw new Error("The broadcast insert returned no row.");
    if (broadcast.auditInfos.length > 0) return row.id;

    const users = await tx
      .select({ userId: sandboxUser.userId, online: sandboxUser.online, pushRegistered: sandboxUser.pushRegistered })
      .from(sandboxUser)
      .where(eq(sandboxUser.registered, true));
    await insertDeliveries(
      tx,
      {
        broadcastId: row.id,
        fromUserId: broadcast.fromUserId,
        messageType: broadcast.messageType,
        subMsgType: broadcast.subMsgType,
        messageBody: broadcast.messageBody,
        receivedAt: broadcast.sentAt,
      },
      planBroadcast(users, broadcast.pushType),
    );
    return row.id;
  });
}

export interface SandboxBroadcastView {
  BroadcastId: number;
  FromUserId: string;
  MessageType: number;
  SubMsgType: number | null;
  MessageBody: Record<string, unknown>;
  PushType: number;
  AuditInfos: SandboxAuditInfo[];
  SentAt: string;
}

/** Broadcasts, newest first. */
export async function listBroadcasts(db: Database, limit = 200): Promise<SandboxBroadcastView[]> {
  const rows = await db.select().from(sandboxBroadcast).orderBy(desc(sandboxBroadcast.id)).limit(limit);
  return rows.map((r) => ({
    BroadcastId: r.id,
    FromUserId: r.fromUserId,
    MessageType: r.messageType,
    SubMsgType: r.subMsgType,
    MessageBody: r.messageBody,
    PushType: r.pushType,
    AuditInfos: r.auditInfos ?? [],
    SentAt: r.sentAt.toISOString(),
  }));
}
