"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isAPIError } from "better-auth/api";
import { returnValidationErrors } from "next-safe-action";
import { getTranslations } from "next-intl/server";
import { publicAction } from "@/lib/actions/safe-action";
import { OperatorError } from "@/lib/actions/operator-error";
import { recordAudit } from "@/lib/audit/record";
import { getAuth } from "@/lib/auth/auth";
import { signInSchema } from "@/lib/auth/schemas/sign-in";
import { checkSignInThrottle, recordSignInAttempt } from "@/lib/auth/throttle";
import { getDb } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";
import { safeNextPath } from "@/lib/http/safe-next";

/** Signs an operator in, throttled per account and per address; every attempt lands in the audit trail. */
export const signIn = publicAction.inputSchema(signInSchema).action(async ({ parsedInput }) => {
  const { email, password, next } = parsedInput;
  const [db, auth, ipAddress] = await Promise.all([getDb(), getAuth(), clientIp()]);

  const verdict = await checkSignInThrottle(db, email, ipAddress);
  if (!verdict.allowed) {
    await recordAudit(db, { action: "auth.sign-in", target: email, outcome: "denied", ipAddress, detail: { reason: "throttled" } });
    throw new OperatorError("throttled", { minutes: Math.max(1, Math.ceil(verdict.retryAfterMs / 60_000)) });
  }

  let signedIn: { id: string; email: string };
  try {
    signedIn = (await auth.api.signInEmail({ body: { email, password }, headers: await headers() })).user;
  } catch (error) {
    if (!isAPIError(error)) throw error;
    const disabled = error.body?.code === "BANNED_USER";
    await recordSignInAttempt(db, { email, ipAddress, succeeded: false });
    await recordAudit(db, {
      action: "auth.sign-in",
      target: email,
      outcome: "failure",
      ipAddress,
      detail: { reason: disabled ? "disabled" : "bad-credentials" },
    });
    if (disabled) throw new OperatorError("accountDisabled");
    const t = await getTranslations("validation");
    return returnValidationErrors(signInSchema, { password: { _errors: [t("wrongCredentials")] } });
  }

  await recordSignInAttempt(db, { email, ipAddress, succeeded: true });
  await recordAudit(db, { actor: signedIn, action: "auth.sign-in", target: email, outcome: "success", ipAddress });
  redirect(safeNextPath(next));
});
