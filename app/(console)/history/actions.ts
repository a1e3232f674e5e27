"use server";

import { returnValidationErrors } from "next-safe-action";
import { revalidatePath } from "next/cache";
import { actionFor } from "@/lib/actions/safe-action";
import { getDb } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";
import { InvalidRequestError } from "@/lib/messages/context";
import { recallMessage } from "@/lib/messages/recall";
import { resendMessage } from "@/lib/messages/resend";
import { recallActionSchema, sendIdSchema } from "@/lib/messages/send-input";

const context = async (operator: { id: string; email: string }) => ({ db: await getDb(), operator, ipAddress: await clientIp() });

/** Sends a rate-limited or not-sent message again on its own record (never an unknown one: lib/messages/resend.ts). */
export const resendAction = actionFor("message:send")
  .inputSchema(sendIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await resendMessage({ ctx: await context(ctx.operator), input: parsedInput });
    revalidatePath("/history");
    return result;
  });

/** Recalls a delivered message while the app's recall window is open (lib/messages/recall.ts). */
export const recallAction = actionFor("message:send")
  .inputSchema(recallActionSchema)
  .action(async ({ parsedInput, ctx }) => {
    try {
      const result = await recallMessage({ ctx: await context(ctx.operator), input: parsedInput });
      revalidatePath("/history");
      return result;
    } catch (error) {
      if (error instanceof InvalidRequestError) {
        returnValidationErrors(recallActionSchema, { payload: { _errors: error.issues.map((i) => i.message) } });
      }
      throw error;
    }
  });
