import { eq } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scheduledRun } from "@/lib/db/schema";
import type { AppAccess } from "@/lib/messages/targets";
import { createDbRateGate } from "@/lib/rate-limit/db-gate";
import { LiveClock } from "@/lib/sandbox/test-support/clock";
import { openSandbox, type TestSandbox } from "@/lib/sandbox/test-support/sandbox";
import { startDispatcher, type Dispatcher } from "@/lib/scheduler/dispatcher";
import { startJobEngine } from "@/lib/scheduler/engine";
import { itemOf } from "@/lib/scheduler/test-support/items";
import { testEngines } from "@/lib/testing/engines";
import { createBulkSend } from "./create";
import { getBulkProgress } from "./queries";
import type { BulkRunner } from "./runner";
import { bulkContext, bulkInput, inboxTexts, limitedSandboxApp, seedGroups, startTestRunner, targetsOf } from "./test-support";

/**
 * Scheduled bulk sends with the real dispatcher (on its job engine) and a runner: the dispatcher starts the run at
 * its time, once; the runner sends it. A run whose time passed beyond the app's grace window never starts.
 */
describe.each(await testEngines())("scheduled bulk sends on $name", (engine) => {
  let sandbox: TestSandbox;
  let clock: LiveClock;
  let boss: PgBoss;
  let apps: AppAccess;
  let dispatcher: Dispatcher;
  let runner: BulkRunner;

  beforeAll(async () => {
    clock = new LiveClock();
    sandbox = await openSandbox(engine, clock);
    apps = limitedSandboxApp(sandbox, createDbRateGate(sandbox.db));
    boss = await startJobEngine(sandbox);
    dispatcher = await startDispatcher({ database: sandbox, boss, apps, now: clock.now, leaseMs: 2000, catchUpSeconds: 3600 });
    runner = await startTestRunner(sandbox, apps);
  });
  afterAll(async () => {
    await runner.stop();
    await dispatcher.stop();
    await boss.stop({ graceful: false, wait: true });
    await sandbox.close();
  });

  /** The schedule control's fields for `ms` from now, in whole seconds (UTC). */
  const inMs = (ms: number) => {
    const at = new Date(Math.ceil((clock.now().getTime() + ms) / 1000) * 1000);
    return { localTime: at.toISOString().slice(0, 19), timeZone: "UTC" };
  };

  it("starts the run at its time through its scheduled item; every group gets the message once", { timeout: 60_000 }, async () => {
    const seeded = await seedGroups(sandbox, 8);
    const { id } = await createBulkSend({ ctx: bulkContext(sandbox, apps), input: bulkInput(seeded.sender, seeded.groupIds, "at its time", { schedule: inMs(2_000) }) });
    const scheduled = (await getBulkProgress(sandbox.db, id))!;
    expect(scheduled.status).toBe("scheduled");
    await expect.poll(async () => (await getBulkProgress(sandbox.db, id))!.status, { timeout: 30_000, interval: 100 }).toBe("completed");

    const progress = (await getBulkProgress(sandbox.db, id))!;
    expect(new Date(progress.startedAt!).getTime()).toBeGreaterThanOrEqual(new Date(scheduled.scheduledFor!).getTime());
    for (const group of seeded.groups) expect(await inboxTexts(sandbox, group)).toEqual(["at its time"]);
    const item = await itemOf(sandbox.db, scheduled.scheduledItemId!);
    // The item's job was to start the run: its "send" is the run.
    expect(item).toMatchObject({ kind: "bulk", status: "sent", lastSendId: id, leaseOwner: null });
    expect(await sandbox.db.select().from(scheduledRun).where(eq(scheduledRun.itemId, item.id))).toMatchObject([{ status: "sent", sendId: id }]);

    // Another look by the dispatcher starts nothing again.
    await dispatcher.catchUp();
    await dispatcher.idle();
    await runner.idle();
    expect((await targetsOf(sandbox, id)).every((t) => t.attempts === 1)).toBe(true);
  });

  it("never starts a run whose time passed beyond the app's grace window: the item is missed, the run cancelled", { timeout: 30_000 }, async () => {
    const seeded = await seedGroups(sandbox, 3);
    const { id } = await createBulkSend({ ctx: bulkContext(sandbox, apps), input: bulkInput(seeded.sender, seeded.groupIds, "too late", { schedule: inMs(60_000) }) });
    const itemId = (await getBulkProgress(sandbox.db, id))!.scheduledItemId!;
    // Nothing ran for 20 minutes; the default grace is 15.
    clock.advance(21 * 60_000);
    await dispatcher.catchUp();
    await dispatcher.idle();
    await runner.idle();
    expect(await itemOf(sandbox.db, itemId)).toMatchObject({ status: "missed" });
    expect(await getBulkProgress(sandbox.db, id)).toMatchObject({ status: "cancelled", cancelled: 3, delivered: 0 });
    for (const group of seeded.groups) expect(await inboxTexts(sandbox, group)).toEqual([]);
  });
});
