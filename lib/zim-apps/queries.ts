import "server-only";
import { asc, count } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { zimApp } from "@/lib/db/schema";

/** True while no real ZIM app is configured: the console then sends only to the built-in sandbox. */
export async function usingSandboxOnly(): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(zimApp);
  return (row?.n ?? 0) === 0;
}

/** Apps as the settings page shows them: every column except the ServerSecret ciphertext. */
export async function listZimApps() {
  const db = await getDb();
  return db
    .select({
      id: zimApp.id,
      name: zimApp.name,
      appId: zimApp.appId,
      baseUrl: zimApp.baseUrl,
      isProduction: zimApp.isProduction,
      rateLimits: zimApp.rateLimits,
      recallWindowSeconds: zimApp.recallWindowSeconds,
      broadcastDailyLimit: zimApp.broadcastDailyLimit,
      testGroupId: zimApp.testGroupId,
      updatedAt: zimApp.updatedAt,
    })
    .from(zimApp)
    .orderBy(asc(zimApp.name));
}

export type ZimAppSummary = Awaited<ReturnType<typeof listZimApps>>[number];
