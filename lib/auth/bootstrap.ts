import "server-only";
import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { user } from "@/lib/db/schema";
import type { Env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record";
import type { Auth } from "./auth";

export type BootstrapResult =
  | { created: false }
  | { created: true; email: string; oneTimePassword?: string };

export const GENERATED_ADMIN_EMAIL = "admin@console.local";

/**
 * Creates the first admin when there is no operator at all: from CONSOLE_ADMIN_EMAIL/PASSWORD when set (automated
 * deployments and tests), otherwise with a random one-time password that the caller prints once and that must be
 * changed at first sign-in. Does nothing once any operator exists.
 */
export async function ensureFirstAdmin(db: Database, auth: Auth, env: Env): Promise<BootstrapResult> {
  const [existing] = await db.select({ n: count() }).from(user);
  if ((existing?.n ?? 0) > 0) return { created: false };

  const fromEnv = env.CONSOLE_ADMIN_EMAIL && env.CONSOLE_ADMIN_PASSWORD;
  const email = env.CONSOLE_ADMIN_EMAIL ?? GENERATED_ADMIN_EMAIL;
  const password = env.CONSOLE_ADMIN_PASSWORD ?? randomBytes(12).toString("base64url");
  try {
    await auth.api.createUser({ body: { email, password, name: "Administrator", role: "admin" } });
  } catch (error) {
    // Another instance sharing the database won the race: its admin stands.
    const [again] = await db.select({ n: count() }).from(user);
    if ((again?.n ?? 0) > 0) return { created: false };
    throw error;
  }
  if (!fromEnv) await db.update(user).set({ mustChangePassword: true }).where(eq(user.email, email));
  await recordAudit(db, { action: "operator.bootstrap", target: email, outcome: "success" });
  return fromEnv ? { created: true, email } : { created: true, email, oneTimePassword: password };
}
