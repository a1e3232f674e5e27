import "server-only";
import { asc, inArray, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/open";
import { sandboxUser } from "@/lib/db/schema";

export interface SandboxUserView {
  UserId: string;
  UserName: string;
  UserAvatar: string;
  Registered: boolean;
  Online: boolean;
  PushRegistered: boolean;
  CreatedAt: string;
}

export interface UserInput {
  UserId: string;
  UserName?: string;
  UserAvatar?: string;
  Registered?: boolean;
  Online?: boolean;
  PushRegistered?: boolean;
}

type UserRow = typeof sandboxUser.$inferSelect;

function view(row: UserRow): SandboxUserView {
  return {
    UserId: row.userId,
    UserName: row.userName,
    UserAvatar: row.userAvatar,
    Registered: row.registered,
    Online: row.online,
    PushRegistered: row.pushRegistered,
    CreatedAt: row.createdAt.toISOString(),
  };
}

export async function listUsers(db: Database): Promise<SandboxUserView[]> {
  const rows = await db.select().from(sandboxUser).orderBy(asc(sandboxUser.userId));
  return rows.map(view);
}

/** The users among `ids` that the world knows, by ID. */
export async function findUsers(db: Database, ids: string[]): Promise<Map<string, SandboxUserView>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(sandboxUser).where(inArray(sandboxUser.userId, ids));
  return new Map(rows.map((r) => [r.userId, view(r)]));
}

export async function findUser(db: Database, id: string): Promise<SandboxUserView | undefined> {
  return (await findUsers(db, [id])).get(id);
}

/** A user registered (or logged in once) may send: 660500002 otherwise. */
export async function isRegistered(db: Database, id: string): Promise<boolean> {
  return (await findUser(db, id))?.Registered ?? false;
}

/**
 * Adds users or changes the given fields of existing ones (control endpoint, sample data, group creation).
 * New users are registered, offline and without push unless told otherwise.
 */
export async function upsertUsers(db: Database, inputs: UserInput[], at: Date): Promise<void> {
  if (inputs.length === 0) return;
  for (const u of inputs) {
    await db
      .insert(sandboxUser)
      .values({
        userId: u.UserId,
        userName: u.UserName ?? u.UserId,
        userAvatar: u.UserAvatar ?? "",
        registered: u.Registered ?? true,
        online: u.Online ?? false,
        pushRegistered: u.PushRegistered ?? false,
        createdAt: at,
      })
      .onConflictDoUpdate({
        target: sandboxUser.userId,
        set: {
          userName: u.UserName ?? sql`${sandboxUser.userName}`,
          userAvatar: u.UserAvatar ?? sql`${sandboxUser.userAvatar}`,
          registered: u.Registered ?? sql`${sandboxUser.registered}`,
          online: u.Online ?? sql`${sandboxUser.online}`,
          pushRegistered: u.PushRegistered ?? sql`${sandboxUser.pushRegistered}`,
        },
      });
  }
}

/**
 * UserRegister for one user: creates it, or marks a known-but-unregistered ID as registered. Answers false when
 * the user was already registered (660700002). One statement, so two racing registrations cannot both win.
 */
export async function registerUser(
  db: Database,
  input: { UserId: string; UserName?: string; UserAvatar?: string },
  at: Date,
): Promise<boolean> {
  const rows = await db
    .insert(sandboxUser)
    .values({
      userId: input.UserId,
      userName: input.UserName ?? "",
      userAvatar: input.UserAvatar ?? "",
      registered: true,
      createdAt: at,
    })
    .onConflictDoUpdate({
      target: sandboxUser.userId,
      set: { registered: true, userName: input.UserName ?? "", userAvatar: input.UserAvatar ?? "" },
      setWhere: sql`${sandboxUser.registered} = false`,
    })
    .returning({ userId: sandboxUser.userId });
  return rows.length > 0;
}
