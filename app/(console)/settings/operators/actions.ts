"use server";

import { revalidatePath } from "next/cache";
import { actionFor } from "@/lib/actions/safe-action";
import { createOperator, resetOperatorPassword, setOperatorDisabled, setOperatorRole } from "@/lib/operators/manage";
import { createOperatorSchema, resetPasswordSchema, setDisabledSchema, setRoleSchema } from "@/lib/operators/schema";

const manage = actionFor("operators:manage");

export const createOperatorAction = manage.inputSchema(createOperatorSchema).action(async ({ parsedInput, ctx }) => {
  const created = await createOperator(ctx.operator, parsedInput);
  revalidatePath("/settings/operators");
  return created;
});

export const setRoleAction = manage.inputSchema(setRoleSchema).action(async ({ parsedInput, ctx }) => {
  await setOperatorRole(ctx.operator, parsedInput.userId, parsedInput.role);
  revalidatePath("/settings/operators");
});

export const setDisabledAction = manage.inputSchema(setDisabledSchema).action(async ({ parsedInput, ctx }) => {
  await setOperatorDisabled(ctx.operator, parsedInput.userId, parsedInput.disabled);
  revalidatePath("/settings/operators");
});

export const resetPasswordAction = manage.inputSchema(resetPasswordSchema).action(async ({ parsedInput, ctx }) => {
  const reset = await resetOperatorPassword(ctx.operator, parsedInput.userId);
  revalidatePath("/settings/operators");
  return reset;
});
