import { z } from "zod";
import type { ZimLimits } from "../limits";
import { MULTI_MSG_MAX_ITEMS, SUB_MSG_TYPE_MAX } from "../limits";
import { describeTypes, isMediaType, MESSAGE_TYPE_LABELS, MULTI_ITEM_TYPES } from "../message-types";
import { formatBytes, utf8ByteLength } from "../utf8";
import { mediaMessageProblems } from "./media";

/**
 * The JSON string in `Message` of a multi-item (10) message: {"MultiMsg":[{MsgType, SubMsgType?, Msg,
 * SearchedContent?}]}, 1 to 20 items of types 1, 11–14 and 200 (zim-api.md §3.2). `Msg` is the raw text for 1/200
 * and the media JSON string for 11–14. SubMsgType and SearchedContent belong to custom items only; unlike the
 * top-level SubMsgType the docs do not require it per item, so a custom item without one is accepted.
 */
const subTypeRange = `must be a whole number from 0 to ${SUB_MSG_TYPE_MAX}.`;

// Messages are predicates; multiMsgProblems puts the location in front ("item 2 MsgType must be …").
const itemSchema = z.object(
  {
    MsgType: z.literal(MULTI_ITEM_TYPES, { error: `must be one of ${describeTypes(MULTI_ITEM_TYPES)}.` }),
    SubMsgType: z
      .int({ error: subTypeRange })
      .min(0, subTypeRange)
      .max(SUB_MSG_TYPE_MAX, subTypeRange)
      .optional(),
    Msg: z.string({ error: "is required (the item's content)." }).min(1, "must not be empty."),
    SearchedContent: z.string({ error: "must be text." }).optional(),
  },
  { error: "must be an object with MsgType and Msg." },
);

const multiMsgSchema = z.object(
  {
    MultiMsg: z
      .array(itemSchema, { error: "must be a list of items." })
      .min(1, "must list at least one item.")
      .max(MULTI_MSG_MAX_ITEMS, `has too many items; at most ${MULTI_MSG_MAX_ITEMS} are allowed.`),
  },
  { error: 'must be a JSON object like {"MultiMsg":[…]}.' },
);

export type MultiMsgItem = z.output<typeof itemSchema>;

/** Problems with a multi-item `Message` string, as sentences for the operator; empty when it is fine. */
export function multiMsgProblems(text: string, limits: ZimLimits): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return ['The multi-item message must be JSON text like {"MultiMsg":[{"MsgType":1,"Msg":"hello"}]}.'];
  }
  const result = multiMsgSchema.safeParse(parsed);
  if (!result.success) {
    return result.error.issues.map((issue) => `The multi-item message${where(issue.path)} ${issue.message}`);
  }
  return result.data.MultiMsg.flatMap((item, i) => itemProblems(item, i + 1, limits));
}

function where(path: PropertyKey[]): string {
  // Items are numbered from 1 for operators; the wire index is 0-based.
  if (path[0] === "MultiMsg" && typeof path[1] === "number") {
    const rest = path.slice(2).join(".");
    return `: item ${path[1] + 1}${rest ? ` ${rest}` : ""}`;
  }
  return path.length > 0 ? `: ${path.join(".")}` : "";
}

function itemProblems(item: MultiMsgItem, number: number, limits: ZimLimits): string[] {
  const problems: string[] = [];
  const what = `Item ${number} (${MESSAGE_TYPE_LABELS[item.MsgType]})`;
  if (item.MsgType !== 200 && item.SubMsgType !== undefined) {
    problems.push(`${what}: SubMsgType is only for custom (200) items.`);
  }
  if (item.MsgType !== 200 && item.SearchedContent !== undefined) {
    problems.push(`${what}: SearchedContent is only for custom (200) items.`);
  }
  if (item.SearchedContent !== undefined) {
    const bytes = utf8ByteLength(item.SearchedContent);
    if (bytes > limits.searchedContentBytes) {
      const max = formatBytes(limits.searchedContentBytes);
      problems.push(`${what}: SearchedContent is ${formatBytes(bytes)}; the limit is ${max}.`);
    }
  }
  if (isMediaType(item.MsgType)) problems.push(...mediaMessageProblems(item.MsgType, item.Msg, what));
  return problems;
}
