import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";
import { getAuth } from "./auth";
import { isRole, type Role } from "./roles";
import { endForeignSession, sameBrowser } from "./session-binding";

export interface Operator {
  id: string;
  email: string;
  name: string;
  role: Role;
  mustChangePassword: boolean;
}

/**
 * The signed-in operator for this request, or null. Read from the database on every request (no cookie cache),
 * so a disabled account or a changed role takes effect at once. A row with an unknown role counts as signed out,
 * and a session presented by another browser than the one that signed in is ended (session-binding.ts).
 */
export const currentOperator = cache(async (): Promise<Operator | null> => {
  const auth = await getAuth();
  const requestHeaders = await headers();
  const found = await auth.api.getSession({ headers: requestHeaders }).catch(() => null);
  if (!found) return null;
  const user = found.user;
  const userAgent = requestHeaders.get("user-agent");
  if (!sameBrowser(found.session.userAgent, userAgent)) {
    await endForeignSession(await getDb(), { sessionId: found.session.id, user, ipAddress: await clientIp(), userAgent });
    return null;
  }
  if (user.banned || !isRole(user.role)) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    mustChangePassword: Boolean(user.mustChangePassword),
  };
});
