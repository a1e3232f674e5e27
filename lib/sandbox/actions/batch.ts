import { CODE, messageFor } from "../api/codes";
import type { ApiResult } from "../api/envelope";

export interface ItemError {
  UserId: string;
  SubCode: number;
  SubMessage?: string;
}

/**
 * zim-api.md §1.4 for batch Actions: Code 0 when at least one item succeeded, failures listed per item. When
 * every item failed, Code is non-zero; the docs do not say which code, so the sandbox repeats the first
 * item's SubCode (for a lone "already exists" that gives 660700002, as the UserRegister page implies).
 */
export function batchResult(succeeded: number, errors: ItemError[], listName: string): ApiResult {
  const first = errors[0];
  const code = succeeded === 0 && first ? first.SubCode : CODE.success;
  return { Code: code, Message: messageFor(code), [listName]: errors };
}

export function itemError(userId: unknown, subCode: number, withMessage = false): ItemError {
  const id = typeof userId === "string" ? userId : "";
  const error: ItemError = { UserId: id, SubCode: subCode };
  if (withMessage) error.SubMessage = messageFor(subCode);
  return error;
}
