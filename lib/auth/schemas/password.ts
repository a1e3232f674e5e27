import { z } from "zod";

/** The one password rule, used wherever a password is chosen. */
export const newPasswordField = z.string().min(12, "passwordTooShort").max(128, "tooLong");

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "required"),
    newPassword: newPasswordField,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "passwordsDiffer" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "passwordUnchanged" });

export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
