import { z } from "zod";
import { parseGroupList } from "@/lib/bulk/group-list";
import { MAX_BULK_GROUPS, type ParsedGroupList } from "@/lib/bulk/types";
import { idempotencyKeySchema, LOOSEST_LIMITS } from "@/lib/messages/send-input";
import { scheduleFieldsSchema } from "@/lib/scheduler/items/schema";
import { makeSendGroupMessageSchema } from "@/lib/zim/schemas/send-group-message";

/**
 * What a bulk send takes, shared by the composer (its resolver) and the create action (which checks it again):
 * the operator's list exactly as pasted or loaded, so both sides read it alike and name the same lines.
 */

/** The largest list accepted: 100,000 IDs of 32 bytes with their line ends fit, with room for a header. */
export const MAX_GROUP_LIST_CHARS = 4 * 1024 * 1024;

let last: { text: string; list: ParsedGroupList } | undefined;

/** parseGroupList, remembered for the last text: the composer re-renders and re-validates on every keystroke. */
export function readGroupList(text: string): ParsedGroupList {
  if (last?.text !== text) last = { text, list: parseGroupList(text) };
  return last.list;
}

/** What keeps a list from being sent, in one sentence (lib/zim's wording, so it translates like the composer's). */
export function groupListProblem(list: ParsedGroupList): string | undefined {
  if (list.overMax) return `More than ${MAX_BULK_GROUPS.toLocaleString("en")} group IDs: split the list into several bulk sends.`;
  const first = list.invalid[0];
  if (list.ids.length === 0 && !first) return "Paste or load at least one group ID.";
  if (list.ids.length === 0) return `None of the listed IDs is a valid group ID (${list.invalid.length} not valid).`;
  if (first) return `Line ${first.line}: ${first.reason}`;
  return undefined;
}

export const groupListSchema = z
  .string()
  .max(MAX_GROUP_LIST_CHARS, "The list is larger than 4 MB: split it into several bulk sends.")
  .superRefine((text, ctx) => {
    const problem = groupListProblem(readGroupList(text));
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** A bulk send goes out once, now or at a set time (a repetition would send every group again). */
export const bulkScheduleSchema = scheduleFieldsSchema.refine((v) => v.mode === "now" || v.repeat === "none", {
  path: ["repeat"],
  message: "A send to many groups goes out once; it cannot repeat.",
});

export const bulkCreateSchema = z.object({
  appKey: z.string().min(1, "Choose a ZIM app.").max(64),
  /** The composer's draft key: a double click or a second tab creates one bulk send. */
  createKey: idempotencyKeySchema,
  /** The message as the first group gets it; every group gets the same body with its own GroupId. */
  request: makeSendGroupMessageSchema(LOOSEST_LIMITS),
  groupsText: groupListSchema,
  schedule: bulkScheduleSchema,
});

export type BulkCreateInput = z.input<typeof bulkCreateSchema>;

export const bulkIdSchema = z.object({ id: z.uuid() });
