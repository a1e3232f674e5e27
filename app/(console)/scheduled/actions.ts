"use server";

import { returnValidationErrors } from "next-safe-action";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { requestErrors } from "@/lib/actions/request-errors";
import { actionFor } from "@/lib/actions/safe-action";
import { getDb } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";
import { InvalidRequestError } from "@/lib/messages/context";
import { markAttentionSeen } from "@/lib/scheduler/items/attention";
import { cancelScheduledItem } from "@/lib/scheduler/items/cancel";
import type { ItemContext } from "@/lib/scheduler/items/context";
import { createScheduledItem } from "@/lib/scheduler/items/create";
import { editScheduledItem } from "@/lib/scheduler/items/edit";
import { ScheduleFieldError } from "@/lib/scheduler/items/errors";
import { approveScheduledItem, rejectScheduledItem } from "@/lib/scheduler/items/review";
import { attentionSeenSchema, createItemSchema, editItemSchema, itemVersionSchema, reviewItemSchema } from "@/lib/scheduler/items/schema";
import { timeFieldsOf } from "./item-fields";

async function itemContext(operator: { id: string; email: string }): Promise<ItemContext> {
  return { db: await getDb(), operator, ipAddress: await clientIp() };
}

/** Runs a verb; a refusal that belongs to a field (the message, or the time) comes back beside that field. */
async function fieldAware<T>(schema: z.ZodType, verb: () => Promise<T>): Promise<T> {
  try {
    const result = await verb();
    revalidatePath("/scheduled", "layout");
    return result;
  } catch (error) {
    if (error instanceof InvalidRequestError) returnValidationErrors(schema, requestErrors(error.issues) as never);
    if (error instanceof ScheduleFieldError) {
      const t = await getTranslations();
      returnValidationErrors(schema, { schedule: { [error.field]: { _errors: [t(error.key, error.values)] } } } as never);
    }
    throw error;
  }
}

/**
 * Schedules a group message or an announcement (`kind`); the Compose and Announcements pages both call it. Nothing
 * is sent here: the dispatcher sends the item at its time (see lib/scheduler/items/create.ts).
 */
export const createItemAction = actionFor("schedule:write")
  .inputSchema(createItemSchema)
  .action(async ({ parsedInput: { schedule, ...input }, ctx }) =>
    fieldAware(createItemSchema, async () => createScheduledItem({ ctx: await itemContext(ctx.operator), input: { ...input, ...timeFieldsOf(schedule) } })));

/** Changes a waiting item at the version the operator edited. */
export const editItemAction = actionFor("schedule:write")
  .inputSchema(editItemSchema)
  .action(async ({ parsedInput: { schedule, ...input }, ctx }) =>
    fieldAware(editItemSchema, async () => editScheduledItem({ ctx: await itemContext(ctx.operator), input: { ...input, ...timeFieldsOf(schedule) } })));

export const cancelItemAction = actionFor("schedule:write")
  .inputSchema(itemVersionSchema)
  .action(async ({ parsedInput, ctx }) => fieldAware(itemVersionSchema, async () => cancelScheduledItem({ ctx: await itemContext(ctx.operator), input: parsedInput })));

/** A second operator's decision on an announcement that waits for approval. */
export const reviewItemAction = actionFor("schedule:write")
  .inputSchema(reviewItemSchema)
  .action(async ({ parsedInput: { decision, ...input }, ctx }) =>
    fieldAware(reviewItemSchema, async () => {
      const itemCtx = await itemContext(ctx.operator);
      return decision === "approve" ? approveScheduledItem({ ctx: itemCtx, input }) : rejectScheduledItem({ ctx: itemCtx, input });
    }));

/** The author has read what went wrong with their items; any role may clear its own banner. */
export const markSeenAction = actionFor("history:read")
  .inputSchema(attentionSeenSchema)
  .action(async ({ parsedInput, ctx }) => fieldAware(attentionSeenSchema, async () => markAttentionSeen({ ctx: await itemContext(ctx.operator), input: parsedInput })));
