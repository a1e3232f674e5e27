import { z } from "zod";
import { maxBytes } from "./ids";
import { isMediaType, isValidMediaJson } from "./media";

/** zim-api.md §3.2: a multi-item message's Message is `{"MultiMsg":[…]}` with at most 20 items. */
const item = z
  .looseObject({
    MsgType: z.union([z.literal(1), z.literal(11), z.literal(12), z.literal(13), z.literal(14), z.literal(200)]),
    SubMsgType: z.number().int().min(0).max(200).optional(),
    Msg: z.string().min(1),
    SearchedContent: maxBytes(64).optional(),
  })
  .refine((i) => !isMediaType(i.MsgType) || isValidMediaJson(i.MsgType, i.Msg), { message: "bad media item" });

const multiMsg = z.looseObject({ MultiMsg: z.array(item).min(1).max(20) });

export type MultiItem = z.infer<typeof item>;

/** The items of a multi-item Message, or undefined when it is not one (660000002). */
export function parseMultiItem(text: string): MultiItem[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = multiMsg.safeParse(parsed);
  return result.success ? result.data.MultiMsg : undefined;
}
