import { randomBytes } from "node:crypto";
import { messageFor } from "./codes";
import { toJsonText } from "./json-text";

/** A business answer before the envelope: Code plus top-level fields (zim-api.md §1.4, no Data wrapper). */
export type ApiResult = { Code: number; Message?: string } & Record<string, unknown>;

/** RequestId is a decimal string like "8411281679140263090" (never a number). */
export function newRequestId(): string {
  return (randomBytes(8).readBigUInt64BE() % 9_000_000_000_000_000_000n + 1_000_000_000_000_000_000n).toString();
}

export function fail(code: number, message?: string): ApiResult {
  return { Code: code, Message: message ?? messageFor(code) };
}

/** D1: always HTTP 200; Code, Message and RequestId first, then the business fields. */
export function apiResponse(result: ApiResult): Response {
  const { Code, Message, ...fields } = result;
  const body = { Code, Message: Message ?? messageFor(Code), RequestId: newRequestId(), ...fields };
  return new Response(toJsonText(body), {
    status: 200,
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
