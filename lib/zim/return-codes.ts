import type { ReturnCodeClass, ReturnCodeEntry, ReturnCodeText } from "./return-code-tables/entry";
import { GATEWAY_CODES } from "./return-code-tables/gateway";
import { GROUP_USER_CODES } from "./return-code-tables/groups-users";
import { MESSAGING_CODES } from "./return-code-tables/messaging";

/**
 * Every ZIM return code the console knows (zim-api.md §2 and the codes named in §4–§6), with what it means and
 * what the operator should do, in English and Simplified Chinese. Client-safe: the browser shows these next to a
 * failed send. An unknown code gets a generic entry rather than nothing.
 */
export type { ReturnCodeClass, ReturnCodeEntry, ReturnCodeText };

export type ReturnCodeLocale = "en" | "zh";

export const RETURN_CODES: ReadonlyMap<number, ReturnCodeEntry> = new Map(
  [...GATEWAY_CODES, ...MESSAGING_CODES, ...GROUP_USER_CODES].map((entry) => [entry.code, entry]),
);

/** The catalogue entry for `code`; `known` is false for a code ZIM added after this table was written. */
export function lookupReturnCode(code: number): ReturnCodeEntry & { known: boolean } {
  const entry = RETURN_CODES.get(code);
  if (entry) return { ...entry, known: true };
  return {
    code,
    class: "contact-support",
    known: false,
    en: {
      meaning: `ZIM answered with return code ${code}, which this console does not know.`,
      action: "Look the code up in ZEGO's return code list, or contact ZEGO support with the request ID.",
    },
    zh: {
      meaning: `ZIM 返回了本控制台未收录的返回码 ${code}。`,
      action: "请在 ZEGO 全局返回码列表中查询该返回码，或携带请求 ID 联系 ZEGO 技术支持。",
    },
  };
}

/** Meaning and action in one language, for a hint next to a result. */
export function returnCodeText(code: number, locale: ReturnCodeLocale): ReturnCodeText {
  return lookupReturnCode(code)[locale];
}

/** True when the code is a frequency limit: nothing happened and the same request may go again later. */
export function isRateLimitCode(code: number): boolean {
  return RETURN_CODES.get(code)?.class === "rate-limited";
}
