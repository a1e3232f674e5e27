import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/open";
import { sandboxGroupMember, sandboxUser } from "@/lib/db/schema";

export interface SandboxMemberView {
  UserId: string;
  UserName: string;
  UserNickName: string;
  /** 1 owner, 2 admin, 3 member. */
  Role: number;
  Registered: boolean;
  Online: boolean;
  PushRegistered: boolean;
  JoinedAt: string;
}

/** Members ordered as QueryGroupMemberList pages them: owner and admins first, then by joining time. */
function memberQuery(db: Database, groupId: string) {
  return db
    .select({ member: sandboxGroupMember, user: sandboxUser })
    .from(sandboxGroupMember)
    .leftJoin(sandboxUser, eq(sandboxUser.userId, sandboxGroupMember.userId))
    .where(eq(sandboxGroupMember.groupId, groupId))
    .orderBy(asc(sandboxGroupMember.role), asc(sandboxGroupMember.joinedAt), asc(sandboxGroupMember.userId));
}

type MemberRow = Awaited<ReturnType<typeof memberQuery>>[number];

function view({ member, user }: MemberRow): SandboxMemberView {
  return {
    UserId: member.userId,
    UserName: user?.userName ?? "",
    UserNickName: member.nickName,
    Role: member.role,
    Registered: user?.registered ?? false,
    Online: user?.online ?? false,
    PushRegistered: user?.pushRegistered ?? false,
    JoinedAt: member.joinedAt.toISOString(),
  };
}

export async function listMembers(db: Database, groupId: string): Promise<SandboxMemberView[]> {
  return (await memberQuery(db, groupId)).map(view);
}

export async function pageMembers(db: Database, groupId: string, offset: number, limit: number) {
  return (await memberQuery(db, groupId).limit(limit).offset(offset)).map(view);
}

export async function countMembers(db: Database, groupId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(sandboxGroupMember)
    .where(eq(sandboxGroupMember.groupId, groupId));
  return row?.n ?? 0;
}

export async function isMember(db: Database, groupId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: sandboxGroupMember.userId })
    .from(sandboxGroupMember)
    .where(and(eq(sandboxGroupMember.groupId, groupId), eq(sandboxGroupMember.userId, userId)));
  return row !== undefined;
}

export interface NewMember {
  userId: string;
  role: number;
  joinedAt: Date;
}

/** Adds members; someone already in the group keeps his role and joining time. */
export async function addMembers(db: Database, groupId: string, members: NewMember[]): Promise<void> {
  if (members.length === 0) return;
  await db
    .insert(sandboxGroupMember)
    .values(members.map((m) => ({ groupId, userId: m.userId, role: m.role, joinedAt: m.joinedAt })))
    .onConflictDoNothing();
}
