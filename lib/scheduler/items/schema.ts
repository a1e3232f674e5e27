import { z } from "zod";
import { audienceSizeSchema, idempotencyKeySchema, LOOSEST_LIMITS } from "@/lib/messages/send-input";
import type { Recurrence } from "@/lib/time/recurrence";
import { makeSendGroupMessageSchema } from "@/lib/zim/schemas/send-group-message";
import { makeSendMessageToAllUsersSchema } from "@/lib/zim/schemas/send-message-to-all-users";
import { ScheduleFieldError } from "./errors";
import { resolveWhen, type WhenInput } from "./when";

/**
 * The schedule control's values, one part of each composer's form (group message and announcement) and of the
 * server actions that schedule or edit an item. Messages are keys of the "scheduleErrors" catalog. The rules are
 * resolveWhen's, checked against the clock of whoever runs them; the verb checks again with its own.
 */
export const scheduleFieldsSchema = z
  .object({
    mode: z.enum(["now", "later"]),
    /** "YYYY-MM-DD" and "HH:mm" (or "HH:mm:ss"), as a date and a time input give them. */
    date: z.string().max(10),
    time: z.string().max(8),
    timeZone: z.string().max(64),
    /** Which of a doubled wall time, when the clocks go back; "" until the operator chooses. */
    occurrence: z.enum(["", "earlier", "later"]),
    repeat: z.enum(["none", "daily", "weekly"]),
    weekdays: z.array(z.int().min(1).max(7)).max(7),
    until: z.string().max(10),
  })
  .superRefine((v, ctx) => {
    if (v.mode === "now") return;
    if (v.date === "") ctx.addIssue({ code: "custom", path: ["date"], message: "scheduleErrors.dateRequired" });
    if (v.time === "") ctx.addIssue({ code: "custom", path: ["time"], message: "scheduleErrors.timeRequired" });
    if (v.repeat !== "none" && v.until === "") ctx.addIssue({ code: "custom", path: ["until"], message: "scheduleErrors.untilRequired" });
    if (v.date === "" || v.time === "" || (v.repeat !== "none" && v.until === "")) return;
    try {
      resolveWhen(whenInputOf(v), Date.now());
    } catch (error) {
      if (!(error instanceof ScheduleFieldError)) throw error;
      ctx.addIssue({ code: "custom", path: [error.field], message: error.key });
    }
  });

export type ScheduleValues = z.output<typeof scheduleFieldsSchema>;

/** What the verbs take, from the control's values. */
export function whenInputOf(v: ScheduleValues): WhenInput {
  return {
    localTime: `${v.date}T${v.time}`,
    timeZone: v.timeZone,
    occurrence: v.occurrence === "" ? null : v.occurrence,
    recurrence: recurrenceOf(v),
  };
}

export function recurrenceOf(v: Pick<ScheduleValues, "repeat" | "weekdays" | "until">): Recurrence | null {
  if (v.repeat === "none") return null;
  return { frequency: v.repeat, weekdays: v.repeat === "weekly" ? v.weekdays : [], until: v.until };
}

/** A control with nothing chosen yet: send now, in the operator's zone. */
export function emptySchedule(timeZone: string): ScheduleValues {
  return { mode: "now", date: "", time: "", timeZone, occurrence: "", repeat: "none", weekdays: [], until: "" };
}

const common = {
  appKey: z.string().min(1, "Choose a ZIM app.").max(64),
  /** The group size shown in the confirmation, for the record (group messages). */
  audienceSize: audienceSizeSchema.optional(),
  schedule: scheduleFieldsSchema,
};
const group = { kind: z.literal("group"), request: makeSendGroupMessageSchema(LOOSEST_LIMITS) };
const broadcast = { kind: z.literal("broadcast"), request: makeSendMessageToAllUsersSchema(LOOSEST_LIMITS) };

/** Schedule a message: the exact request body by kind, and when. `createKey` makes a double click create one item. */
export const createItemSchema = z.discriminatedUnion("kind", [
  z.object({ ...common, ...group, createKey: idempotencyKeySchema }),
  z.object({ ...common, ...broadcast, createKey: idempotencyKeySchema }),
]);
export type CreateItemActionInput = z.input<typeof createItemSchema>;

/** Change a waiting item; `expectedVersion` is the version the operator was looking at. */
export const editItemSchema = z.discriminatedUnion("kind", [
  z.object({ ...common, ...group, id: z.uuid(), expectedVersion: z.int().min(1) }),
  z.object({ ...common, ...broadcast, id: z.uuid(), expectedVersion: z.int().min(1) }),
]);
export type EditItemActionInput = z.input<typeof editItemSchema>;

export const itemVersionSchema = z.object({ id: z.uuid(), expectedVersion: z.int().min(1) });

export const REVIEW_REASON_MAX = 500;

/** Approve or reject; a rejection must say why (the author reads it), an approval may. */
export const reviewItemSchema = z
  .object({ id: z.uuid(), expectedVersion: z.int().min(1), decision: z.enum(["approve", "reject"]), reason: z.string().trim().max(REVIEW_REASON_MAX, "scheduleErrors.reasonTooLong") })
  .refine((v) => v.decision === "approve" || v.reason !== "", { path: ["reason"], message: "scheduleErrors.reasonRequired" });
export type ReviewItemInput = z.input<typeof reviewItemSchema>;

export const attentionSeenSchema = z.object({ ids: z.array(z.uuid()).min(1).max(200) });

/** The control's values for a stored item (to edit it, or to start a copy of it). */
export function scheduleFromItem(item: { localTime: string; timeZone: string; occurrence?: "earlier" | "later" | null; recurrence?: Recurrence | null }): ScheduleValues {
  return {
    mode: "later",
    date: item.localTime.slice(0, 10),
    time: item.localTime.slice(11),
    timeZone: item.timeZone,
    occurrence: item.occurrence ?? "",
    repeat: item.recurrence?.frequency ?? "none",
    weekdays: item.recurrence?.weekdays ?? [],
    until: item.recurrence?.until ?? "",
  };
}
