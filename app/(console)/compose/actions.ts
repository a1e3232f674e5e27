"use server";

import { returnValidationErrors } from "next-safe-action";
import { revalidatePath } from "next/cache";
import { actionFor } from "@/lib/actions/safe-action";
import { getDb } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";
import { requestErrors } from "@/lib/actions/request-errors";
import { InvalidRequestError } from "@/lib/messages/context";
import { sendActionSchema } from "@/lib/messages/send-input";
import { sendGroupMessage, type SendInput } from "@/lib/messages/send";

async function run(input: SendInput, operator: { id: string; email: string }) {
  try {
    const result = await sendGroupMessage({ ctx: { db: await getDb(), operator, ipAddress: await clientIp() }, input });
    revalidatePath("/history");
    return result;
  } catch (error) {
    if (error instanceof InvalidRequestError) returnValidationErrors(sendActionSchema, requestErrors(error.issues));
    throw error;
  }
}

/** Sends the composed message once per idempotency key (see lib/messages/send.ts for what a crash mid-send means). */
export const sendMessageAction = actionFor("message:send")
  .inputSchema(sendActionSchema)
  .action(async ({ parsedInput, ctx }) => run(parsedInput, ctx.operator));

/** The same message to the app's test group, whole group, recorded as a test send. */
export const testSendAction = actionFor("message:send")
  .inputSchema(sendActionSchema)
  .action(async ({ parsedInput, ctx }) => run({ ...parsedInput, test: true }, ctx.operator));
