import { z } from "zod";
import { utf8Bytes } from "./bytes";

/** zim-api.md §1.5: digits, ASCII letters and ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ space { } | ~ */
const ID_CHARS = /^[0-9A-Za-z!#$%&()+\-:;<=.>?@[\]^_ {}|~]+$/;

export const MAX_ID_BYTES = 32;

export function isZimId(value: string): boolean {
  return value.length > 0 && utf8Bytes(value) <= MAX_ID_BYTES && ID_CHARS.test(value);
}

/** A user or group ID as the request schemas check it (a failure is 660000002). */
export const zimId = z.string().refine(isZimId, { message: "not a valid ZIM ID (1–32 bytes, allowed characters)" });

/** A string whose UTF-8 size is at most `max` bytes. */
export function maxBytes(max: number) {
  return z.string().refine((s) => utf8Bytes(s) <= max, { message: `longer than ${max} bytes` });
}

/** Why one ID of a batch list fails, as a SubCode, or undefined when it is well formed. */
export function idSubCode(value: unknown, tooLongCode: number, badCode: number): number | undefined {
  if (typeof value !== "string" || value === "" || !ID_CHARS.test(value)) return badCode;
  return utf8Bytes(value) > MAX_ID_BYTES ? tooLongCode : undefined;
}
