"use server";

import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isAPIError } from "better-auth/api";
import { returnValidationErrors } from "next-safe-action";
import { getTranslations } from "next-intl/server";
import { publicAction } from "@/lib/actions/safe-action";
import { OperatorError } from "@/lib/actions/operator-error";
import { recordAudit } from "@/lib/audit/record";
import { getAuth } from "@/lib/auth/auth";
import { changePasswordSchema } from "@/lib/auth/schemas/password";
import { currentOperator } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { user } from "@/lib/db/schema";
import { clientIp } from "@/lib/http/client-ip";

/**
 * Any signed-in operator changes their own password; this is also the forced step after a one-time password.
 * Other sessions of the account are revoked, and the must-change flag is cleared only after the change took.
 */
export const changePassword = publicAction.inputSchema(changePasswordSchema).action(async ({ parsedInput }) => {
  const operator = await currentOperator();
  if (!operator) throw new OperatorError("sessionEnded");
  const [auth, db, ipAddress] = await Promise.all([getAuth(), getDb(), clientIp()]);
  try {
    await auth.api.changePassword({
      body: { currentPassword: parsedInput.currentPassword, newPassword: parsedInput.newPassword, revokeOtherSessions: true },
      headers: await headers(),
    });
  } catch (error) {
    if (!isAPIError(error)) throw error;
    await recordAudit(db, { actor: operator, action: "auth.change-password", outcome: "failure", ipAddress });
    const t = await getTranslations("validation");
    returnValidationErrors(changePasswordSchema, { currentPassword: { _errors: [t("wrongPassword")] } });
  }
  await db.update(user).set({ mustChangePassword: false }).where(eq(user.id, operator.id));
  await recordAudit(db, { actor: operator, action: "auth.change-password", outcome: "success", ipAddress });
  redirect("/");
});
