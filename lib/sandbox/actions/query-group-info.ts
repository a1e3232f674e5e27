import "server-only";
import { z } from "zod";
import { CODE } from "../api/codes";
import { fail } from "../api/envelope";
import { zimId } from "../rules/ids";
import { findGroup } from "../world/groups";
import { isRegistered } from "../world/users";
import type { ActionRun } from "./types";

const schema = z.looseObject({ FromUserId: zimId, GroupId: zimId });

/**
 * QueryGroupInfo (query-group-info YAML): the querier must be registered (660500002); an unknown group answers
 * 660600001 (the page lists no code for it). Sandbox groups are never muted and use ZIM's default limits.
 * IsAllForbid and ForbidList never come together, so only IsAllForbid is sent.
 */
export const queryGroupInfo: ActionRun = async ({ db, params }) => {
  const parsed = schema.safeParse(params);
  if (!parsed.success) return fail(CODE.badParameter);
  if (!(await isRegistered(db, parsed.data.FromUserId))) return fail(CODE.senderNotRegistered);
  const group = await findGroup(db, parsed.data.GroupId);
  if (!group) return fail(CODE.groupNotFound);
  return {
    Code: CODE.success,
    GroupId: group.groupId,
    GroupName: group.groupName,
    GroupNotice: group.groupNotice,
    GroupAvatar: group.groupAvatar,
    GroupDataSeq: group.groupDataSeq,
    IsAllForbid: false,
    ForbidExpireTime: 0,
    LimitInfo: { MemberCountLimit: 500, JoinMode: 0, InviteMode: 0, BeInvitedMode: 0, NumberMessage: 0 },
    GroupCreateTime: group.createdAt.getTime(),
    GroupAttributes: group.attributes,
  };
};
