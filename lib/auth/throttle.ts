import "server-only";
import { and, count, eq, gt, min } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { signInAttempt } from "@/lib/db/schema";

/** Failed sign-ins allowed in the window before the account, or the address, has to wait. */
export const THROTTLE = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 } as const;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Counts recent failures per account and per address; the caller refuses the attempt while either is over. */
export async function checkSignInThrottle(
  db: Database,
  email: string,
  ipAddress: string,
  now = new Date(),
): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  const failures = (column: typeof signInAttempt.email | typeof signInAttempt.ipAddress, value: string) =>
    db
      .select({ n: count(), oldest: min(signInAttempt.at) })
      .from(signInAttempt)
      .where(and(eq(column, value), eq(signInAttempt.succeeded, false), gt(signInAttempt.at, since)));
  const [[byAccount], [byAddress]] = await Promise.all([
    failures(signInAttempt.email, email),
    failures(signInAttempt.ipAddress, ipAddress),
  ]);
  for (const [row, limit] of [
    [byAccount, THROTTLE.perAccount],
    [byAddress, THROTTLE.perAddress],
  ] as const) {
    if (row && row.n >= limit && row.oldest) {
      return { allowed: false, retryAfterMs: row.oldest.getTime() + THROTTLE.windowMs - now.getTime() };
    }
  }
  return { allowed: true };
}

export async function recordSignInAttempt(
  db: Database,
  attempt: { email: string; ipAddress: string; succeeded: boolean },
): Promise<void> {
  await db.insert(signInAttempt).values(attempt);
}
