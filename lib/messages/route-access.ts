import "server-only";
import { can, type Permission } from "@/lib/auth/roles";
import { currentOperator, type Operator } from "@/lib/auth/session";

/** For GET route handlers: the signed-in operator holding `permission`, or the JSON answer to return instead. */
export async function routeOperator(permission: Permission): Promise<Operator | Response> {
  const operator = await currentOperator();
  if (!operator) return Response.json({ error: "Sign in again." }, { status: 401 });
  if (operator.mustChangePassword) return Response.json({ error: "Choose a new password first." }, { status: 403 });
  if (!can(operator.role, permission)) return Response.json({ error: "Your role does not allow this." }, { status: 403 });
  return operator;
}
