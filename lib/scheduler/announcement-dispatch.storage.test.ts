import { eq } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageSend } from "@/lib/db/schema";
import { sandboxApp } from "@/lib/messages/test-support";
import { LiveClock } from "@/lib/sandbox/test-support/clock";
import { inbox, openSandbox, uid, type TestSandbox } from "@/lib/sandbox/test-support/sandbox";
import { testEngines } from "@/lib/testing/engines";
import { startDispatcher, type Dispatcher } from "./dispatcher";
import { startJobEngine } from "./engine";
import { DEFAULT_SENDERS } from "./senders";
import { announcementItem, insertItems, itemOf, runsOf } from "./test-support/items";

/**
 * The console's own senders: an approved scheduled announcement goes out through sendAnnouncement
 * (SendMessageToAllUsers), once, to the online users, and is recorded as an announcement tied to its item.
 */
describe.each(await testEngines())("scheduled announcements through the console's senders on $name", (engine) => {
  let sandbox: TestSandbox;
  let clock: LiveClock;
  let boss: PgBoss;
  let dispatcher: Dispatcher;

  beforeAll(async () => {
    clock = new LiveClock();
    sandbox = await openSandbox(engine, clock);
    boss = await startJobEngine(sandbox);
    dispatcher = await startDispatcher({ database: sandbox, boss, apps: sandboxApp(sandbox), senders: DEFAULT_SENDERS, now: clock.now, leaseMs: 2000, catchUpSeconds: 3600, retryAfterMs: 300 });
  });
  afterAll(async () => {
    await dispatcher.stop();
    await boss.stop({ graceful: false, wait: true });
    await sandbox.close();
  });

  it("sends an approved announcement once; online users have it, offline ones do not", async () => {
    const sender = uid("sender");
    const online = uid("online");
    const offline = uid("offline");
    for (const [UserId, Online] of [[sender, false], [online, true], [offline, false]] as const) {
      await sandbox.control.post("users", { UserId, Online });
    }
    const request = { FromUserId: sender, MessageType: 1, MessageBody: { Message: `notice ${uid("m")}` }, PushType: 0 };
    const [item] = await insertItems(sandbox.db, [
      announcementItem(sender, new Date(clock.now().getTime() - 500), { request, approval: "approved", approvedVersion: 1 }),
    ]);
    await dispatcher.catchUp();
    await dispatcher.idle();

    expect(await itemOf(sandbox.db, item!.id)).toMatchObject({ status: "sent" });
    expect(await runsOf(sandbox.db, [item!.id])).toMatchObject([{ status: "sent" }]);
    const sends = await sandbox.db.select().from(messageSend).where(eq(messageSend.scheduledItemId, item!.id));
    expect(sends).toMatchObject([{ kind: "broadcast", status: "delivered", pushType: 0, scheduledFor: item!.dueAt }]);
    const texts = async (userId: string) => (await inbox(sandbox, userId)).map((m) => m.MessageBody.Message);
    expect(await texts(online)).toEqual([request.MessageBody.Message]);
    expect(await texts(offline)).toEqual([]);
  });
});
