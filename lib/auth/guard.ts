import "server-only";
import { redirect } from "next/navigation";
import { can, type Permission } from "./roles";
import { currentOperator, type Operator } from "./session";

export type PageAccess = { allowed: true; operator: Operator } | { allowed: false; operator: Operator };

/**
 * For pages: sends a signed-out visitor to sign-in, and tells the page whether the operator holds `permission`,
 * so it can show a clear "no access" message (never a 500, never the data).
 */
export async function pageAccess(permission: Permission): Promise<PageAccess> {
  const operator = await currentOperator();
  if (!operator) redirect("/sign-in");
  return { allowed: can(operator.role, permission), operator };
}
