"use server";

import { returnValidationErrors } from "next-safe-action";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { actionFor } from "@/lib/actions/safe-action";
import { requestErrors } from "@/lib/actions/request-errors";
import { cancelBulk, pauseBulk, recallAllBulk, resumeBulk, retryFailedBulk } from "@/lib/bulk/control";
import { createBulkSend } from "@/lib/bulk/create";
import type { BulkProgress } from "@/lib/bulk/types";
import { getDb } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";
import { InvalidRequestError, type MessageContext } from "@/lib/messages/context";
import { ScheduleFieldError } from "@/lib/scheduler/items/errors";
import { whenInputOf } from "@/lib/scheduler/items/schema";
import { bulkCreateSchema, bulkIdSchema, readGroupList } from "./bulk-input";

async function messageContext(operator: { id: string; email: string }): Promise<MessageContext> {
  return { db: await getDb(), operator, ipAddress: await clientIp() };
}

/** A verb's refusal of a field comes back beside it: the message's fields, the group list, or the time. */
async function fieldErrors(error: unknown): Promise<never> {
  if (error instanceof InvalidRequestError) {
    const list = error.issues.filter((i) => i.path[0] === "groupIds");
    const rest = requestErrors(error.issues.filter((i) => i.path[0] !== "groupIds"));
    returnValidationErrors(bulkCreateSchema, { ...rest, ...(list.length ? { groupsText: { _errors: list.map((i) => i.message) } } : {}) } as never);
  }
  if (error instanceof ScheduleFieldError) {
    const t = await getTranslations();
    returnValidationErrors(bulkCreateSchema, { schedule: { [error.field]: { _errors: [t(error.key, error.values)] } } } as never);
  }
  throw error;
}

/**
 * Creates a bulk send from the composer: the list is read again here exactly as the browser read it, and the
 * verb checks the message against the app's own limits. Nothing is sent in this request: the runner sends the
 * groups at the app's rate (see lib/bulk/create.ts); the composer's key makes a repeated request answer the same run.
 */
export const createBulkAction = actionFor("message:send")
  .inputSchema(bulkCreateSchema)
  .action(async ({ parsedInput: { groupsText, schedule, ...input }, ctx }) => {
    try {
      const result = await createBulkSend({
        ctx: await messageContext(ctx.operator),
        input: { ...input, groupIds: readGroupList(groupsText).ids, schedule: schedule.mode === "later" ? whenInputOf(schedule) : undefined },
      });
      revalidatePath("/bulk");
      return result;
    } catch (error) {
      return fieldErrors(error);
    }
  });

type ControlVerb = (args: { ctx: MessageContext; input: { id: string } }) => Promise<BulkProgress>;

/** Pause, resume, cancel, retry and recall share their shape: the run's id in, its progress after the change out. */
function control(verb: ControlVerb) {
  return actionFor("message:send")
    .inputSchema(bulkIdSchema)
    .action(async ({ parsedInput, ctx }) => {
      const progress = await verb({ ctx: await messageContext(ctx.operator), input: parsedInput });
      revalidatePath("/bulk");
      return progress;
    });
}

/** Groups in flight finish; the rest wait until resumed. */
export const pauseBulkAction = control(pauseBulk);
export const resumeBulkAction = control(resumeBulk);
/** Groups not yet started are marked cancelled; nothing more goes out. */
export const cancelBulkAction = control(cancelBulk);
/** Only groups certainly not delivered (refused, rate-limited, not sent) go again; "outcome unknown" never does. */
export const retryFailedBulkAction = control(retryFailedBulk);
/** Revokes every delivered group whose recall window is still open. */
export const recallAllBulkAction = control(recallAllBulk);
