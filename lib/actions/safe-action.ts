import "server-only";
import { randomUUID } from "node:crypto";
import { createSafeActionClient, createMiddleware, returnValidationErrors } from "next-safe-action";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { recordAudit } from "@/lib/audit/record";
import { can, type Permission } from "@/lib/auth/roles";
import { currentOperator } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";
import { log } from "@/lib/log/logger";
import { OperatorError } from "./operator-error";
import { unstorableTextPaths } from "@/lib/db/storable-text";
import { errorsAt } from "./errors-at";

/**
 * Every server action is built from these clients: `publicAction` (sign-in only) and `actionFor(permission)`,
 * which checks the session and the role on the server before the action body runs. Only OperatorError messages
 * reach the browser; anything else is logged with a reference the operator can quote.
 */
const baseAction = createSafeActionClient({
  async handleServerError(error) {
    const t = await getTranslations();
    // A plain key is in "errors"; a dotted one ("composeErrors.duplicate") names a feature's own namespace.
    if (error instanceof OperatorError) return t(error.key.includes(".") ? error.key : `errors.${error.key}`, error.values);
    const reference = randomUUID().slice(0, 8);
    log.error("server action failed", { reference, error: error.message, stack: error.stack });
    return t("errors.unexpected", { reference });
  },
});

/** Text the database cannot keep (lib/db/storable-text.ts) is refused beside its field, before the action runs. */
const storableText = createMiddleware().define(async ({ clientInput, next }) => {
  const paths = unstorableTextPaths(clientInput);
  if (paths.length > 0) {
    const t = await getTranslations("validation");
    returnValidationErrors(z.unknown(), errorsAt(paths, t("unstorableText")) as never);
  }
  return next();
});

export const publicAction = baseAction.use(storableText);

export function actionFor(permission: Permission) {
  return baseAction.use(async ({ next }) => {
    const operator = await currentOperator();
    if (!operator) throw new OperatorError("sessionEnded");
    if (operator.mustChangePassword) throw new OperatorError("mustChangePassword");
    if (!can(operator.role, permission)) {
      await recordAudit(await getDb(), {
        actor: operator,
        action: "access.denied",
        target: permission,
        outcome: "denied",
        ipAddress: await clientIp(),
      });
      throw new OperatorError("forbidden");
    }
    return next({ ctx: { operator } });
  }).use(storableText);
}
