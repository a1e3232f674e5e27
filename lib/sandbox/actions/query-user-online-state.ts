import "server-only";
import { CODE } from "../api/codes";
import { fail } from "../api/envelope";
import { idSubCode } from "../rules/ids";
import { findUsers } from "../world/users";
import { batchResult, itemError, type ItemError } from "./batch";
import type { ActionRun } from "./types";

/**
 * QueryUserOnlineState (GET `UserId[]=a&UserId[]=b`, at most 100 → 660000011): Result[{UserId, Status}] with
 * "Online"/"Offline"; unknown or unregistered users go to ErrorList with SubCode 660200001, malformed IDs
 * with 660000002.
 */
export const queryUserOnlineState: ActionRun = async ({ db, params }) => {
  const raw = params.UserId;
  const ids = typeof raw === "string" ? [raw] : raw;
  if (!Array.isArray(ids) || ids.length === 0) return fail(CODE.badParameter);
  if (ids.length > 100) return fail(CODE.tooManyUsers);
  const wellFormed = (id: unknown): id is string => idSubCode(id, CODE.badParameter, CODE.badParameter) === undefined;
  const users = await findUsers(db, ids.filter(wellFormed));
  const result: { UserId: string; Status: "Online" | "Offline" }[] = [];
  const errors: ItemError[] = [];
  for (const id of ids) {
    const user = wellFormed(id) ? users.get(id) : undefined;
    if (!wellFormed(id)) errors.push(itemError(id, CODE.badParameter));
    else if (!user?.Registered) errors.push(itemError(id, CODE.userNotFound));
    else result.push({ UserId: user.UserId, Status: user.Online ? "Online" : "Offline" });
  }
  return { ...batchResult(result.length, errors, "ErrorList"), Result: result };
};
