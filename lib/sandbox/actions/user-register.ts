import "server-only";
import { z } from "zod";
import { CODE } from "../api/codes";
import { fail } from "../api/envelope";
import { utf8Bytes } from "../rules/bytes";
import { idSubCode } from "../rules/ids";
import { registerUser } from "../world/users";
import { batchResult, itemError, type ItemError } from "./batch";
import type { ActionRun } from "./types";

const MAX_USERS = 100;

const item = z.looseObject({
  UserId: z.string(),
  UserName: z.string().optional(),
  UserAvatar: z.string().optional(),
});

function itemSubCode(raw: unknown): number | undefined {
  const parsed = item.safeParse(raw);
  if (!parsed.success) return CODE.badParameter;
  const u = parsed.data;
  return (
    idSubCode(u.UserId, CODE.userIdTooLong, CODE.badParameter) ??
    (u.UserName !== undefined && utf8Bytes(u.UserName) > 256 ? CODE.userNameTooLong : undefined) ??
    (u.UserAvatar !== undefined && utf8Bytes(u.UserAvatar) > 500 ? CODE.userAvatarTooLong : undefined)
  );
}

/**
 * UserRegister (zim-api.md §6.2): up to 100 users (660000011 beyond). Each bad or already registered user
 * goes to ErrorList with SubCode and SubMessage (660000002, 660000012, 660700006, 660700007, 660700002);
 * a user listed twice in one call fails the second time. New users start offline without push.
 */
export const userRegister: ActionRun = async ({ db, now, params }) => {
  const list = params.UserInfo;
  if (!Array.isArray(list) || list.length === 0) return fail(CODE.badParameter);
  if (list.length > MAX_USERS) return fail(CODE.tooManyUsers);
  const errors: ItemError[] = [];
  const seen = new Set<string>();
  let succeeded = 0;
  for (const raw of list) {
    const id = (raw as { UserId?: unknown } | null)?.UserId;
    const bad = itemSubCode(raw);
    if (bad !== undefined) {
      errors.push(itemError(id, bad, true));
      continue;
    }
    const u = item.parse(raw);
    if (seen.has(u.UserId) || !(await registerUser(db, u, now))) {
      errors.push(itemError(u.UserId, CODE.userExists, true));
      continue;
    }
    seen.add(u.UserId);
    succeeded++;
  }
  return batchResult(succeeded, errors, "ErrorList");
};
