import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { isAPIError } from "better-auth/api";
import { OperatorError } from "@/lib/actions/operator-error";
import { recordAudit } from "@/lib/audit/record";
import { getAuth } from "@/lib/auth/auth";
import type { Role } from "@/lib/auth/roles";
import type { Operator } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { user } from "@/lib/db/schema";
import { clientIp } from "@/lib/http/client-ip";

/**
 * Admin verbs on operators. Each runs through better-auth's admin API with the acting admin's own session, so
 * the library checks the permission a second time, and each writes an audit row. An admin never changes their
 * own role or disables themselves: that is how the last admin could lock everyone out.
 */
const oneTimePassword = () => randomBytes(12).toString("base64url");

async function context(actor: Operator, target: string) {
  const [auth, db, requestHeaders, ipAddress] = await Promise.all([getAuth(), getDb(), headers(), clientIp()]);
  const [row] = await db.select({ email: user.email }).from(user).where(eq(user.id, target));
  return { auth, db, requestHeaders, ipAddress, targetEmail: row?.email, actor };
}

function notSelf(actor: Operator, userId: string) {
  if (actor.id === userId) throw new OperatorError("notOnSelf");
}

export async function createOperator(actor: Operator, input: { email: string; name: string; role: Role }) {
  const { auth, db, requestHeaders, ipAddress } = await context(actor, "");
  const password = oneTimePassword();
  try {
    await auth.api.createUser({ body: { ...input, password }, headers: requestHeaders });
  } catch (error) {
    if (isAPIError(error) && /exist/i.test(error.message)) throw new OperatorError("operatorExists", { email: input.email });
    throw error;
  }
  await db.update(user).set({ mustChangePassword: true }).where(eq(user.email, input.email));
  await recordAudit(db, { actor, action: "operator.create", target: input.email, outcome: "success", ipAddress, detail: { role: input.role } });
  return { email: input.email, oneTimePassword: password };
}

export async function setOperatorRole(actor: Operator, userId: string, role: Role) {
  notSelf(actor, userId);
  const { auth, db, requestHeaders, ipAddress, targetEmail } = await context(actor, userId);
  if (!targetEmail) throw new OperatorError("operatorNotFound");
  await auth.api.setRole({ body: { userId, role }, headers: requestHeaders });
  await recordAudit(db, { actor, action: "operator.set-role", target: targetEmail, outcome: "success", ipAddress, detail: { role } });
}

export async function setOperatorDisabled(actor: Operator, userId: string, disabled: boolean) {
  notSelf(actor, userId);
  const { auth, db, requestHeaders, ipAddress, targetEmail } = await context(actor, userId);
  if (!targetEmail) throw new OperatorError("operatorNotFound");
  // Banning also revokes every session of the account, so a disabled operator is out at once.
  if (disabled) await auth.api.banUser({ body: { userId, banReason: "disabled by an admin" }, headers: requestHeaders });
  else await auth.api.unbanUser({ body: { userId }, headers: requestHeaders });
  await recordAudit(db, { actor, action: disabled ? "operator.disable" : "operator.enable", target: targetEmail, outcome: "success", ipAddress });
}

export async function resetOperatorPassword(actor: Operator, userId: string) {
  notSelf(actor, userId);
  const { auth, db, requestHeaders, ipAddress, targetEmail } = await context(actor, userId);
  if (!targetEmail) throw new OperatorError("operatorNotFound");
  const password = oneTimePassword();
  await auth.api.setUserPassword({ body: { userId, newPassword: password }, headers: requestHeaders });
  await auth.api.revokeUserSessions({ body: { userId }, headers: requestHeaders });
  await db.update(user).set({ mustChangePassword: true }).where(eq(user.id, userId));
  await recordAudit(db, { actor, action: "operator.reset-password", target: targetEmail, outcome: "success", ipAddress });
  return { email: targetEmail, oneTimePassword: password };
}
