import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { user } from "@/lib/db/schema";
import { GENERATED_ADMIN_EMAIL } from "@/lib/auth/bootstrap";

/** The generated first admin's email while its one-time password has not been replaced yet, else null. */
export async function firstAdminPending(): Promise<string | null> {
  const db = await getDb();
  const [all] = await db.select({ n: count() }).from(user);
  if (all?.n !== 1) return null;
  const [pending] = await db
    .select({ email: user.email })
    .from(user)
    .where(and(eq(user.email, GENERATED_ADMIN_EMAIL), eq(user.mustChangePassword, true)));
  return pending?.email ?? null;
}

export async function listOperators() {
  const db = await getDb();
  return db
    .select({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      disabled: user.banned,
      mustChangePassword: user.mustChangePassword,
      createdAt: user.createdAt,
    })
    .from(user)
    .orderBy(asc(user.createdAt));
}
