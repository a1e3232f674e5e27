import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/lib/db/open";
import { messageSend } from "@/lib/db/schema";
import { testEngines } from "@/lib/testing/engines";
import { TEST_ADMIN } from "@/lib/testing/operator";
import { checkAnnouncementQuota } from "./quota-check";
import { announcementItem, insertItems } from "./test-support/items";

const NOW = new Date("2030-01-15T12:00:00Z");
const MIN = 60_000;

function sent(appKey: string, at: Date, n: number): typeof messageSend.$inferInsert {
  return {
    idempotencyKey: `quota-${appKey}-${n}-${at.getTime()}`, requestHash: "h", kind: "broadcast", appKey, appName: appKey, appId: 1,
    isProduction: false, fromUserId: "ops", messageType: 1, request: {}, status: "delivered", operatorId: TEST_ADMIN.id,
    operatorEmail: TEST_ADMIN.email, createdAt: at, attemptedAt: at,
  };
}

describe.each(await testEngines())("the announcement quota at send time on $name", (engine) => {
  let opened: OpenDatabase & { dispose(): Promise<void> };
  beforeAll(async () => {
    opened = await engine.open();
  });
  afterAll(() => opened.dispose());

  it("counts what was sent in the last 24 hours and says when one more fits", async () => {
    const db = opened.db;
    await db.insert(messageSend).values(Array.from({ length: 3 }, (_, n) => sent("app-a", new Date(NOW.getTime() - (60 - n) * MIN), n)));
    const item = { appKey: "app-a", dueAt: new Date(NOW.getTime() - MIN) };
    expect(await checkAnnouncementQuota(db, item, 4, NOW)).toEqual({ fits: true });
    expect(await checkAnnouncementQuota(db, item, 3, NOW)).toEqual({ fits: false, nextAllowedAt: new Date(NOW.getTime() - 60 * MIN + 24 * 60 * MIN) });
  });

  it("takes out the item's own planned occurrence but keeps every other planned one", async () => {
    const db = opened.db;
    const dueAt = new Date(NOW.getTime() - 30_000);
    const [own] = await insertItems(db, [announcementItem("ops", dueAt, { appKey: "app-b", status: "claimed" })]);
    expect(await checkAnnouncementQuota(db, { appKey: "app-b", dueAt: own!.dueAt }, 1, NOW)).toEqual({ fits: true });
    await insertItems(db, [announcementItem("ops", new Date(NOW.getTime() + 60 * MIN), { appKey: "app-b" })]);
    expect((await checkAnnouncementQuota(db, { appKey: "app-b", dueAt: own!.dueAt }, 1, NOW)).fits).toBe(false);
  });
});
