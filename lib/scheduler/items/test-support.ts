import { count } from "drizzle-orm";
import type { Operator } from "@/lib/auth/session";
import type { Database } from "@/lib/db";
import { appPolicy, auditLog, scheduledItem } from "@/lib/db/schema";
import { sandboxApp, textMessage } from "@/lib/messages/test-support";
import type { TestSandbox } from "@/lib/sandbox/test-support/sandbox";
import { TEST_ADMIN } from "@/lib/testing/operator";
import type { ItemContext } from "./context";
import type { CreateItemInput } from "./create";

/** A second operator: reviews what TEST_ADMIN wrote. */
export const TEST_REVIEWER: Operator = { id: "test-reviewer", email: "reviewer@storage.test", name: "Reviewer", role: "operator", mustChangePassword: false };

/** Storage-test context for item verbs: the test's sandbox as the app, a clock the test moves by hand. */
export function itemContext(sandbox: TestSandbox, clock: { now: () => Date }, operator: Operator = TEST_ADMIN, broadcastDailyLimit = 100): ItemContext {
  return { db: sandbox.db, operator, ipAddress: "127.0.0.1", apps: sandboxApp(sandbox, { broadcastDailyLimit }), now: clock.now };
}

export function groupFields(localTime: string, timeZone = "UTC", extra: Partial<CreateItemInput> = {}): CreateItemInput {
  return { kind: "group", appKey: "sandbox", request: textMessage("ops", "team", "See you at noon") as unknown as Record<string, unknown>, localTime, timeZone, audienceSize: 3, ...extra };
}

export function broadcastFields(localTime: string, timeZone = "UTC", extra: Partial<CreateItemInput> = {}): CreateItemInput {
  return { kind: "broadcast", appKey: "sandbox", request: { FromUserId: "ops", MessageType: 1, MessageBody: { Message: "Maintenance tonight" } }, localTime, timeZone, ...extra };
}

export async function setApproval(db: Database, on: boolean): Promise<void> {
  await db.insert(appPolicy).values({ appKey: "sandbox", announcementApproval: on }).onConflictDoUpdate({ target: appPolicy.appKey, set: { announcementApproval: on } });
}

/** Row counts that a refused verb must leave as they were. */
export async function footprint(db: Database): Promise<{ items: number; audit: number }> {
  const [items] = await db.select({ n: count() }).from(scheduledItem);
  const [audit] = await db.select({ n: count() }).from(auditLog);
  return { items: items?.n ?? 0, audit: audit?.n ?? 0 };
}
