import "server-only";
import { headers } from "next/headers";

/**
 * The caller's address as the first hop recorded in X-Forwarded-For (Next.js sets it from the socket when no
 * proxy is in front). Used for throttling and the audit trail; never for access decisions on its own.
 */
export async function clientIp(): Promise<string> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip") || "unknown";
}
