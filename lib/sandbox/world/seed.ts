import "server-only";
import { count, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/open";
import {
  sandboxBroadcast,
  sandboxFault,
  sandboxGroup,
  sandboxGroupMember,
  sandboxGroupMessage,
  sandboxInbox,
  sandboxSettings,
  sandboxUser,
} from "@/lib/db/schema";
import { SAMPLE_SENDER, sampleGroups, sampleUsers } from "./sample-data";
import { DEFAULT_SETTINGS, ensureSettingsRow, settingsColumns } from "./settings";

async function insertSampleWorld(db: Database, at: Date): Promise<void> {
  await db.insert(sandboxUser).values(
    sampleUsers().map((u) => ({
      userId: u.UserId,
      userName: u.UserName,
      online: u.Online,
      pushRegistered: u.PushRegistered,
      createdAt: at,
    })),
  );
  // One millisecond apart, so QueryAppGroupList pages them in this order.
  const groups = sampleGroups();
  await db.insert(sandboxGroup).values(
    groups.map((g, i) => ({
      groupId: g.GroupId,
      groupName: g.GroupName,
      ownerId: SAMPLE_SENDER,
      createdAt: new Date(at.getTime() + i),
    })),
  );
  await db.insert(sandboxGroupMember).values(
    groups.flatMap((g) => [
      { groupId: g.GroupId, userId: SAMPLE_SENDER, role: 1, joinedAt: at },
      ...g.Members.map((m) => ({ groupId: g.GroupId, userId: m.UserId, role: m.Role, joinedAt: at })),
    ]),
  );
}

/**
 * Makes the world ready: the settings row, and the sample data on the very first start when the world is empty.
 * Safe to call from several processes at once: the settings row lock lets one of them seed.
 */
export async function ensureSandboxWorld(db: Database, at = new Date()): Promise<void> {
  await ensureSettingsRow(db);
  await db.transaction(async (tx) => {
    const [settings] = await tx
      .select({ seededAt: sandboxSettings.seededAt })
      .from(sandboxSettings)
      .where(eq(sandboxSettings.id, 1))
      .for("update");
    if (settings?.seededAt) return;
    const [users] = await tx.select({ n: count() }).from(sandboxUser);
    const [groups] = await tx.select({ n: count() }).from(sandboxGroup);
    if ((users?.n ?? 0) === 0 && (groups?.n ?? 0) === 0) await insertSampleWorld(tx, at);
    await tx.update(sandboxSettings).set({ seededAt: at }).where(eq(sandboxSettings.id, 1));
  });
}

/**
 * Back to the sample world: users, groups, messages, inboxes, broadcasts (so the 24 h quota too) and faults are
 * cleared and the settings return to their defaults. The ServerSecret stays, so configured clients keep working.
 */
export async function resetSandboxWorld(db: Database, at = new Date()): Promise<void> {
  await ensureSettingsRow(db);
  await db.transaction(async (tx) => {
    await tx.select({ id: sandboxSettings.id }).from(sandboxSettings).for("update");
    await tx.delete(sandboxInbox);
    await tx.delete(sandboxBroadcast);
    await tx.delete(sandboxGroupMessage);
    await tx.delete(sandboxGroupMember);
    await tx.delete(sandboxGroup);
    await tx.delete(sandboxUser);
    await tx.delete(sandboxFault);
    await tx
      .update(sandboxSettings)
      .set({
        ...settingsColumns(DEFAULT_SETTINGS),
        seededAt: at,
        updatedAt: sql`now()`,
      })
      .where(eq(sandboxSettings.id, 1));
    await insertSampleWorld(tx, at);
  });
}
