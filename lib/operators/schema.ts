import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

/** Operator management forms, shared by the settings page and its server actions. */
export const createOperatorSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("email")),
  name: z.string().trim().min(1, "required").max(80, "tooLong"),
  role: z.enum(ROLES, { error: "role" }),
});

export const setRoleSchema = z.object({ userId: z.string().min(1), role: z.enum(ROLES, { error: "role" }) });
export const setDisabledSchema = z.object({ userId: z.string().min(1), disabled: z.boolean() });
export const resetPasswordSchema = z.object({ userId: z.string().min(1) });

export type CreateOperatorInput = z.input<typeof createOperatorSchema>;
