import "server-only";
import { z } from "zod";
import { CODE } from "../api/codes";
import { fail } from "../api/envelope";
import { zimId } from "../rules/ids";
import { uintParam } from "../rules/numbers";
import { findGroup } from "../world/groups";
import { countMembers, pageMembers } from "../world/members";
import { nextPage, pageWindow } from "./paging";
import type { ActionRun } from "./types";

const schema = z.looseObject({ GroupId: zimId, Limit: uintParam.optional(), Next: uintParam.optional() });

/** QueryGroupMemberList (20/s → 660600004): TotalCount, Next, MemberList[{UserId, UserName, UserNickName, Role}]. */
export const queryGroupMemberList: ActionRun = async ({ db, params }) => {
  const parsed = schema.safeParse(params);
  if (!parsed.success) return fail(CODE.badParameter);
  if (!(await findGroup(db, parsed.data.GroupId))) return fail(CODE.groupNotFound);
  const { size, page, offset } = pageWindow(parsed.data.Limit, parsed.data.Next, 1000);
  const total = await countMembers(db, parsed.data.GroupId);
  const members = await pageMembers(db, parsed.data.GroupId, offset, size);
  return {
    Code: CODE.success,
    TotalCount: total,
    Next: nextPage(page, size, total),
    MemberList: members.map((m) => ({
      UserId: m.UserId,
      UserName: m.UserName,
      UserNickName: m.UserNickName,
      Role: m.Role,
    })),
  };
};
