import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { appPolicy, DEFAULT_GRACE_MINUTES } from "@/lib/db/schema";

export interface AppPolicy {
  /** Items due while nothing ran are still sent up to this many minutes late; later ones are marked missed. */
  graceMinutes: number;
  /** Announcements need a second operator's approval before they go out. */
  announcementApproval: boolean;
}

export const DEFAULT_APP_POLICY: AppPolicy = { graceMinutes: DEFAULT_GRACE_MINUTES, announcementApproval: false };

/** The console's policy for an app ("sandbox" or a zim_app id); an app without a row has the defaults. */
export async function getAppPolicy(db: Database, appKey: string): Promise<AppPolicy> {
  const [row] = await db.select().from(appPolicy).where(eq(appPolicy.appKey, appKey));
  return row ? { graceMinutes: row.graceMinutes, announcementApproval: row.announcementApproval } : DEFAULT_APP_POLICY;
}
