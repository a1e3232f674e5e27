import { z } from "zod";
import { ZIM_ID_MAX_BYTES } from "../limits";
import { utf8ByteLength } from "../utf8";

/**
 * User and group IDs: digits, ASCII letters, space and ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~, at most
 * 32 UTF-8 bytes (zim-api.md §1.5). The EN seed page drops "-", " ", "{" and "}" from the list in rendering; the ZH
 * seed and every YAML have them.
 */
const ALLOWED_ID_CHAR = /[0-9A-Za-z!#$%&()+\-:;<=.>?@[\]^_ {}|~]/;

export const ALLOWED_ID_SYMBOLS = "! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~";

/** The distinct characters of `id` that ZIM refuses, in order of appearance. */
export function forbiddenIdChars(id: string): string[] {
  return [...new Set(Array.from(id).filter((c) => !ALLOWED_ID_CHAR.test(c)))];
}

function showChar(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f ? `U+${code.toString(16).toUpperCase().padStart(4, "0")}` : `"${c}"`;
}

/** A schema for one ID; `label` names the field in messages ("sender user ID"). */
export function zimId(label: string) {
  return z
    .string({ error: `Enter the ${label}.` })
    .min(1, `Enter the ${label}.`)
    .check((ctx) => {
      const bad = forbiddenIdChars(ctx.value);
      if (bad.length > 0) {
        ctx.issues.push({
          code: "custom",
          input: ctx.value,
          continue: true,
          message:
            `The ${label} contains ${bad.map(showChar).join(", ")}, which ZIM does not accept. ` +
            `Use letters, digits, spaces and ${ALLOWED_ID_SYMBOLS}.`,
        });
      }
      const bytes = utf8ByteLength(ctx.value);
      if (bytes > ZIM_ID_MAX_BYTES) {
        ctx.issues.push({
          code: "custom",
          input: ctx.value,
          continue: true,
          message: `The ${label} is ${bytes} bytes long; ZIM allows at most ${ZIM_ID_MAX_BYTES}.`,
        });
      }
    });
}
