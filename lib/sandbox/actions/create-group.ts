import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { CODE } from "../api/codes";
import { fail } from "../api/envelope";
import { utf8Bytes } from "../rules/bytes";
import { maxBytes, zimId } from "../rules/ids";
import { insertGroup } from "../world/groups";
import { addMembers } from "../world/members";
import { findUsers } from "../world/users";
import { itemError, type ItemError } from "./batch";
import type { ActionRun } from "./types";

const schema = z.looseObject({
  GroupOwner: zimId,
  GroupId: zimId.refine((id) => !id.startsWith("#")).optional(),
  // zim-api.md §6.2 says 50 characters (the EN YAML says bytes); the project's fact sheet wins.
  GroupName: z.string().max(50).optional(),
  GroupNotice: maxBytes(300).optional(),
  GroupAvatar: maxBytes(500).optional(),
  UserId: z.array(z.string()).optional(),
  Attributes: z.array(z.looseObject({ Key: z.string(), Value: z.string() })).optional(),
  CreateGroupTime: z.number().int().nonnegative().optional(),
});

/**
 * CreateGroup (zim-api.md §6.2, create-a-group YAML): the owner must be registered (660600013); at most 100
 * UserId (660600016) and 10 Attributes (660600019; Key ≤ 16 B, Value ≤ 1024 B, else 660600020); a taken
 * GroupId answers 660600011; without GroupId the sandbox makes one starting with "#". Users that are unknown
 * or unregistered do not join and go to ErrorUsers (SubCode 660700015); the group is created anyway.
 */
export const createGroup: ActionRun = async ({ db, now, params }) => {
  const parsed = schema.safeParse(params);
  if (!parsed.success) return fail(CODE.badParameter);
  const req = parsed.data;
  const invited = [...new Set(req.UserId ?? [])].filter((id) => id !== req.GroupOwner);
  if (invited.length > 100) return fail(CODE.tooManyMembers);
  const attributes = req.Attributes ?? [];
  if (attributes.length > 10) return fail(CODE.tooManyAttributes);
  if (attributes.some((a) => a.Key === "" || utf8Bytes(a.Key) > 16 || utf8Bytes(a.Value) > 1024)) {
    return fail(CODE.badAttribute);
  }
  if (req.CreateGroupTime !== undefined && req.CreateGroupTime > now.getTime()) return fail(CODE.badParameter);
  const createdAt = req.CreateGroupTime ? new Date(req.CreateGroupTime) : now;

  const users = await findUsers(db, [req.GroupOwner, ...invited]);
  const owner = users.get(req.GroupOwner);
  if (!owner?.Registered) return fail(CODE.groupOwnerNotFound);
  const groupId = req.GroupId ?? `#${randomBytes(8).toString("hex")}`;
  const created = await insertGroup(db, {
    groupId,
    groupName: req.GroupName,
    groupNotice: req.GroupNotice,
    groupAvatar: req.GroupAvatar,
    ownerId: owner.UserId,
    attributes: attributes.map((a) => ({ Key: a.Key, Value: a.Value })),
    createdAt,
  });
  if (!created) return fail(CODE.groupExists);

  const errors: ItemError[] = [];
  const joining = [owner];
  for (const id of invited) {
    const user = users.get(id);
    if (user?.Registered) joining.push(user);
    else errors.push(itemError(id, CODE.userNotRegistered));
  }
  await addMembers(
    db,
    groupId,
    joining.map((u, i) => ({ userId: u.UserId, role: i === 0 ? 1 : 3, joinedAt: createdAt })),
  );
  return {
    Code: CODE.success,
    GroupId: groupId,
    Members: joining.map((u) => ({ UserId: u.UserId, UserName: u.UserName })),
    ErrorUsers: errors,
  };
};
