import "server-only";
import { z } from "zod";
import { CODE } from "../api/codes";
import { fail } from "../api/envelope";
import { uintParam } from "../rules/numbers";
import { listGroups } from "../world/groups";
import { nextPage, pageWindow } from "./paging";
import type { ActionRun } from "./types";

const schema = z.looseObject({ Limit: uintParam.optional(), Next: uintParam.optional() });

/**
 * QueryAppGroupList (GET, 1/s → 660600007): TotalCount, Next and GroupIdList[{GroupId, GroupName}], oldest
 * group first. The real data may lag by up to a minute; the sandbox's never does.
 */
export const queryAppGroupList: ActionRun = async ({ db, params }) => {
  const parsed = schema.safeParse(params);
  if (!parsed.success) return fail(CODE.badParameter);
  const { size, page, offset } = pageWindow(parsed.data.Limit, parsed.data.Next, 10_000);
  const groups = await listGroups(db);
  return {
    Code: CODE.success,
    TotalCount: groups.length,
    Next: nextPage(page, size, groups.length),
    GroupIdList: groups.slice(offset, offset + size).map((g) => ({ GroupId: g.GroupId, GroupName: g.GroupName })),
  };
};
