import "server-only";
import type { Database } from "@/lib/db/open";
import { insertGroup } from "./groups";
import { addMembers } from "./members";
import { upsertUsers, type UserInput } from "./users";

export interface GroupSetup {
  GroupId: string;
  GroupName?: string;
  /** Defaults to the member with Role 1, else the first member. */
  GroupOwner?: string;
  /** Users are created when missing, or get the given Online/PushRegistered/Registered flags. */
  Members?: (UserInput & { Role?: 1 | 2 | 3 })[];
}

/**
 * Creates a group with its members in one go, for the control endpoint and the console (CreateGroup itself
 * only takes registered users). Answers false when the GroupId is taken.
 */
export async function createGroupWithMembers(db: Database, setup: GroupSetup, at: Date): Promise<boolean> {
  const members = setup.Members ?? [];
  const owner = setup.GroupOwner ?? members.find((m) => m.Role === 1)?.UserId ?? members[0]?.UserId;
  if (!owner) throw new Error("A group needs a GroupOwner or at least one member.");
  return db.transaction(async (tx) => {
    const users = members.some((m) => m.UserId === owner) ? members : [{ UserId: owner }, ...members];
    await upsertUsers(tx, users, at);
    const group = { groupId: setup.GroupId, groupName: setup.GroupName, ownerId: owner, createdAt: at };
    if (!(await insertGroup(tx, group))) return false;
    await addMembers(tx, setup.GroupId, [
      { userId: owner, role: 1, joinedAt: at },
      ...members.filter((m) => m.UserId !== owner).map((m) => ({ userId: m.UserId, role: m.Role ?? 3, joinedAt: at })),
    ]);
    return true;
  });
}
