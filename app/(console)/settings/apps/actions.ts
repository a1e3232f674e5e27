"use server";

import { revalidatePath } from "next/cache";
import { actionFor } from "@/lib/actions/safe-action";
import { getDb } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";
import { appPolicySchema } from "@/lib/scheduler/policy-schema";
import { saveAppPolicy } from "@/lib/scheduler/save-policy";
import { deleteZimAppSchema, zimAppFormSchema } from "@/lib/zim-apps/schema";
import { deleteZimApp, saveZimApp } from "@/lib/zim-apps/save";

export const saveZimAppAction = actionFor("apps:manage")
  .inputSchema(zimAppFormSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await saveZimApp({ db: await getDb(), operator: ctx.operator, input: parsedInput, ipAddress: await clientIp() });
    revalidatePath("/", "layout");
    return result;
  });

export const deleteZimAppAction = actionFor("apps:manage")
  .inputSchema(deleteZimAppSchema)
  .action(async ({ parsedInput, ctx }) => {
    await deleteZimApp({ db: await getDb(), operator: ctx.operator, id: parsedInput.id, ipAddress: await clientIp() });
    revalidatePath("/", "layout");
    return { deleted: parsedInput.id };
  });

/** An app's scheduling policy (grace window, second-operator approval of announcements), audited. */
export const saveAppPolicyAction = actionFor("apps:manage")
  .inputSchema(appPolicySchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await saveAppPolicy({ db: await getDb(), operator: ctx.operator, input: parsedInput, ipAddress: await clientIp() });
    revalidatePath("/", "layout");
    return result;
  });
