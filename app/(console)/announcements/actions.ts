"use server";

import { returnValidationErrors } from "next-safe-action";
import { revalidatePath } from "next/cache";
import { OperatorError } from "@/lib/actions/operator-error";
import { actionFor } from "@/lib/actions/safe-action";
import { announcementActionSchema } from "@/lib/announcements/announcement-input";
import { QuotaRefusedError } from "@/lib/announcements/quota-guard";
import { sendAnnouncement } from "@/lib/announcements/send";
import { getDb } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";
import { InvalidRequestError } from "@/lib/messages/context";
import { requestErrors } from "@/lib/actions/request-errors";
import { getAppPolicy } from "@/lib/scheduler/policy";

/**
 * Sends the announcement once per idempotency key (lib/announcements/send.ts says what a crash mid-send means).
 * A quota refusal comes back as data — why, and when it would fit — for the form to show beside its button in the
 * operator's own time zone; field problems come back beside their fields. An app that asks for approval refuses it
 * outright: its announcements go out only through an approved scheduled item.
 */
export const sendAnnouncementAction = actionFor("message:send")
  .inputSchema(announcementActionSchema)
  .action(async ({ parsedInput, ctx }) => {
    const db = await getDb();
    // Where the app asks for a second operator's approval, "now" means "once approved": a scheduled item, never this.
    if ((await getAppPolicy(db, parsedInput.appKey)).announcementApproval) throw new OperatorError("announcementErrors.needsApproval");
    try {
      const sent = await sendAnnouncement({ ctx: { db, operator: ctx.operator, ipAddress: await clientIp() }, input: parsedInput });
      revalidatePath("/history");
      return { sent };
    } catch (error) {
      if (error instanceof QuotaRefusedError) {
        const { reason, nextAllowedAt } = error.refusal;
        return { refused: { reason, nextAllowedAt: nextAllowedAt === null ? null : new Date(nextAllowedAt).toISOString(), limit: error.limit } };
      }
      if (error instanceof InvalidRequestError) returnValidationErrors(announcementActionSchema, requestErrors(error.issues));
      throw error;
    }
  });
