import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getAuth } from "./auth";
import { isRole, type Role } from "./roles";

export interface Operator {
  id: string;
  email: string;
  name: string;
  role: Role;
  mustChangePassword: boolean;
}

/**
 * The signed-in operator for this request, or null. Read from the database on every request (no cookie cache),
 * so a disabled account or a changed role takes effect at once. A row with an unknown role counts as signed out.
 */
export const currentOperator = cache(async (): Promise<Operator | null> => {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: await headers() }).catch(() => null);
  const user = session?.user;
  if (!user || user.banned || !isRole(user.role)) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    mustChangePassword: Boolean(user.mustChangePassword),
  };
});
