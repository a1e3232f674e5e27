import "server-only";
import { z } from "zod";
import { CODE } from "../api/codes";
import { fail } from "../api/envelope";
import { zimId } from "../rules/ids";
import { findGroup } from "../world/groups";
import { addMembers } from "../world/members";
import { findUsers, isRegistered } from "../world/users";
import { batchResult, itemError, type ItemError } from "./batch";
import type { ActionRun } from "./types";

const schema = z.looseObject({
  FromUserId: zimId,
  GroupId: zimId,
  UserIds: z.array(z.string()).optional(),
  GroupMemberInfos: z
    .array(z.looseObject({ UserId: z.string(), EnterGroupTime: z.number().int().nonnegative().optional() }))
    .optional(),
});

/**
 * InviteUsersIntoGroup (add-group-members YAML): GroupMemberInfos wins over UserIds when non-empty; at most 100
 * (660000011); FromUserId is dropped from the list and must be registered (660500002); unknown group 660600001.
 * Unknown or unregistered users go to ErrorUsers (660700015), a future EnterGroupTime too (660000002); someone
 * already in the group counts as a success and keeps his joining time. The 1/s per group limit answers 660300006.
 */
export const inviteUsersIntoGroup: ActionRun = async ({ db, now, params }) => {
  const parsed = schema.safeParse(params);
  if (!parsed.success) return fail(CODE.badParameter);
  const req = parsed.data;
  const infos = req.GroupMemberInfos?.length
    ? req.GroupMemberInfos
    : (req.UserIds ?? []).map((UserId) => ({ UserId, EnterGroupTime: undefined }));
  const wanted = infos.filter((i) => i.UserId !== req.FromUserId);
  if (wanted.length === 0) return fail(CODE.badParameter);
  if (wanted.length > 100) return fail(CODE.tooManyUsers);
  if (!(await isRegistered(db, req.FromUserId))) return fail(CODE.senderNotRegistered);
  if (!(await findGroup(db, req.GroupId))) return fail(CODE.groupNotFound);

  const users = await findUsers(db, wanted.map((i) => i.UserId));
  const errors: ItemError[] = [];
  const joining: { userId: string; role: number; joinedAt: Date }[] = [];
  for (const info of wanted) {
    if (info.EnterGroupTime !== undefined && info.EnterGroupTime > now.getTime()) {
      errors.push(itemError(info.UserId, CODE.badParameter));
    } else if (!users.get(info.UserId)?.Registered) {
      errors.push(itemError(info.UserId, CODE.userNotRegistered));
    } else {
      const joinedAt = info.EnterGroupTime ? new Date(info.EnterGroupTime) : now;
      joining.push({ userId: info.UserId, role: 3, joinedAt });
    }
  }
  await addMembers(db, req.GroupId, joining);
  return batchResult(joining.length, errors, "ErrorUsers");
};
