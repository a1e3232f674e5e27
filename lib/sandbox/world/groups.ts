import "server-only";
import { asc, count, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/open";
import { sandboxGroup, sandboxGroupMember } from "@/lib/db/schema";

export interface SandboxGroupView {
  GroupId: string;
  GroupName: string;
  GroupNotice: string;
  GroupAvatar: string;
  GroupOwner: string;
  MemberCount: number;
  /** The last MsgSeq handed out in this group (0 before the first message). */
  LastMsgSeq: number;
  GroupDataSeq: number;
  GroupAttributes: { Key: string; Value: string }[];
  CreatedAt: string;
}

export type GroupRow = typeof sandboxGroup.$inferSelect;

/** Every group, oldest first, the order QueryAppGroupList pages through. */
export async function listGroups(db: Database): Promise<SandboxGroupView[]> {
  const rows = await db
    .select({ group: sandboxGroup, members: count(sandboxGroupMember.userId) })
    .from(sandboxGroup)
    .leftJoin(sandboxGroupMember, eq(sandboxGroupMember.groupId, sandboxGroup.groupId))
    .groupBy(sandboxGroup.groupId)
    .orderBy(asc(sandboxGroup.createdAt), asc(sandboxGroup.groupId));
  return rows.map(({ group, members }) => ({
    GroupId: group.groupId,
    GroupName: group.groupName,
    GroupNotice: group.groupNotice,
    GroupAvatar: group.groupAvatar,
    GroupOwner: group.ownerId,
    MemberCount: members,
    LastMsgSeq: group.lastMsgSeq,
    GroupDataSeq: group.groupDataSeq,
    GroupAttributes: group.attributes,
    CreatedAt: group.createdAt.toISOString(),
  }));
}

export async function findGroup(db: Database, groupId: string): Promise<GroupRow | undefined> {
  const [row] = await db.select().from(sandboxGroup).where(eq(sandboxGroup.groupId, groupId));
  return row;
}

export interface NewGroup {
  groupId: string;
  groupName?: string;
  groupNotice?: string;
  groupAvatar?: string;
  ownerId: string;
  attributes?: { Key: string; Value: string }[];
  createdAt: Date;
}

/** Inserts the group; answers false when the GroupId is taken (660600011). */
export async function insertGroup(db: Database, group: NewGroup): Promise<boolean> {
  const rows = await db
    .insert(sandboxGroup)
    .values({
      groupId: group.groupId,
      groupName: group.groupName ?? "",
      groupNotice: group.groupNotice ?? "",
      groupAvatar: group.groupAvatar ?? "",
      ownerId: group.ownerId,
      attributes: group.attributes ?? [],
      createdAt: group.createdAt,
    })
    .onConflictDoNothing()
    .returning({ groupId: sandboxGroup.groupId });
  return rows.length > 0;
}
