import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db/open";
import { sandboxSettings } from "@/lib/db/schema";
import { DEFAULT_BLOCKED_WORDS } from "../rules/moderation";

/** The world settings as the control endpoint and the console show them. The ServerSecret is never part of it. */
export interface SandboxSettings {
  BlockedWords: string[];
  /** D13: RevokeGroupMessage works this many seconds after sending. */
  RecallWindowSeconds: number;
  /** D4 limits, UTF-8 bytes. */
  MessageLimitBytes: number;
  MultiItemLimitBytes: number;
  ExtendedDataLimitBytes: number;
  /** D7: SendMessageToAllUsers per rolling 24 h. */
  BroadcastDailyLimit: number;
  /** D8: TargetOption.ReceiverUserIds maximum. */
  MaxReceiverUserIds: number;
}

export const DEFAULT_SETTINGS: SandboxSettings = {
  BlockedWords: DEFAULT_BLOCKED_WORDS,
  RecallWindowSeconds: 120,
  MessageLimitBytes: 2048,
  MultiItemLimitBytes: 5120,
  ExtendedDataLimitBytes: 1024,
  BroadcastDailyLimit: 100,
  MaxReceiverUserIds: 1000,
};

/** Column values for the given settings; keys left out stay undefined, which Drizzle's update skips. */
export function settingsColumns(s: Partial<SandboxSettings>) {
  return {
    blockedWords: s.BlockedWords,
    recallWindowSeconds: s.RecallWindowSeconds,
    messageLimitBytes: s.MessageLimitBytes,
    multiItemLimitBytes: s.MultiItemLimitBytes,
    extendedDataLimitBytes: s.ExtendedDataLimitBytes,
    broadcastDailyLimit: s.BroadcastDailyLimit,
    maxReceiverUserIds: s.MaxReceiverUserIds,
  };
}

/** Creates the single settings row with the defaults when it does not exist yet. */
export async function ensureSettingsRow(db: Database): Promise<void> {
  await db
    .insert(sandboxSettings)
    .values({ ...settingsColumns(DEFAULT_SETTINGS), id: 1, blockedWords: DEFAULT_SETTINGS.BlockedWords })
    .onConflictDoNothing();
}

export async function getSettings(db: Database): Promise<SandboxSettings> {
  const [row] = await db.select().from(sandboxSettings).where(eq(sandboxSettings.id, 1));
  if (!row) return DEFAULT_SETTINGS;
  return {
    BlockedWords: row.blockedWords,
    RecallWindowSeconds: row.recallWindowSeconds,
    MessageLimitBytes: row.messageLimitBytes,
    MultiItemLimitBytes: row.multiItemLimitBytes,
    ExtendedDataLimitBytes: row.extendedDataLimitBytes,
    BroadcastDailyLimit: row.broadcastDailyLimit,
    MaxReceiverUserIds: row.maxReceiverUserIds,
  };
}

export async function updateSettings(db: Database, patch: Partial<SandboxSettings>): Promise<SandboxSettings> {
  await ensureSettingsRow(db);
  await db
    .update(sandboxSettings)
    .set({ ...settingsColumns(patch), updatedAt: new Date() })
    .where(eq(sandboxSettings.id, 1));
  return getSettings(db);
}

/**
 * The ServerSecret used when ZIM_SANDBOX_SERVER_SECRET is unset: generated once (32 lowercase hex, like a real
 * one) and kept in the settings row, so the console and a standalone run on the same database agree.
 */
export async function storedServerSecret(db: Database): Promise<string> {
  await ensureSettingsRow(db);
  await db
    .update(sandboxSettings)
    .set({ serverSecret: randomBytes(16).toString("hex") })
    .where(and(eq(sandboxSettings.id, 1), isNull(sandboxSettings.serverSecret)));
  const [row] = await db
    .select({ secret: sandboxSettings.serverSecret })
    .from(sandboxSettings)
    .where(eq(sandboxSettings.id, 1));
  if (!row?.secret) throw new Error("The sandbox settings row has no ServerSecret after generating one.");
  return row.secret;
}
