import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Database } from "@/lib/db";
import { session } from "@/lib/db/schema";

/**
 * A session belongs to the browser that signed in. better-auth records that browser's User-Agent on the session
 * row but never compares it again (it has no binding of its own); the console does on every request. A cookie
 * replayed by another program or another browser (a different User-Agent) is not enough: the session is ended
 * for everyone, so the thief cannot retry with a better guess, and the attempt is audited.
 *
 * Not bound: the address (operators roam between networks and proxies rewrite it) and anything a thief who
 * copies the whole browser profile of the same browser build would also have. See SECURITY.md.
 */
export function sameBrowser(recordedUserAgent: string | null | undefined, userAgent: string | null | undefined): boolean {
  return (recordedUserAgent ?? "") === (userAgent ?? "");
}

export async function endForeignSession(
  db: Database,
  refused: { sessionId: string; user: { id: string; email: string }; ipAddress: string; userAgent: string | null },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(session).where(eq(session.id, refused.sessionId));
    await recordAudit(tx, {
      actor: refused.user,
      action: "auth.session-refused",
      outcome: "denied",
      ipAddress: refused.ipAddress,
      detail: { reason: "another browser", userAgent: (refused.userAgent ?? "").slice(0, 200) },
    });
  });
}
