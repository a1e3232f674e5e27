import { and, eq, inArray, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { appPolicy, auditLog, messageSend, scheduledItem } from "@/lib/db/schema";
import { sandboxApp, textMessage } from "@/lib/messages/test-support";
import { LiveClock } from "@/lib/sandbox/test-support/clock";
import { inbox, openSandbox, seedGroup, type TestSandbox } from "@/lib/sandbox/test-support/sandbox";
import { testEngines } from "@/lib/testing/engines";
import { TEST_ADMIN } from "@/lib/testing/operator";
import { startDispatcher, type Dispatcher } from "./dispatcher";
import { startJobEngine } from "./engine";
import { DUE_QUEUE, jobWaker } from "./jobs";
import { sweepExpiredLeases } from "./lease-sweep";
import { DEFAULT_SENDERS, type ItemSenders } from "./senders";
import { announcementItem, groupItem, insertItems, itemOf, runsOf, unsettledCount } from "./test-support/items";
import { arrivals, groupMessageTexts } from "./test-support/sandbox-messages";
import { wakeDispatcher } from "./wake";

/** This dispatcher knows group sends only, whatever the console wires for announcements. */
const GROUP_ONLY: ItemSenders = { send: { group: DEFAULT_SENDERS.send.group }, resend: { group: DEFAULT_SENDERS.resend.group } };

/**
 * The dispatcher against the real sandbox over HTTP and a real job engine: what reaches the inboxes, and what the
 * item, its runs, its send row and the audit trail say afterwards.
 */
describe.each(await testEngines())("the dispatcher on $name", (engine) => {
  let sandbox: TestSandbox;
  let clock: LiveClock;
  let boss: PgBoss;
  let dispatcher: Dispatcher;
  const options = () => ({ database: sandbox, boss, apps: sandboxApp(sandbox), senders: GROUP_ONLY, now: clock.now, leaseMs: 2000, catchUpSeconds: 3600, retryAfterMs: 300 });

  beforeAll(async () => {
    clock = new LiveClock();
    sandbox = await openSandbox(engine, clock);
    boss = await startJobEngine(sandbox);
    dispatcher = await startDispatcher(options());
  });
  afterAll(async () => {
    await dispatcher.stop();
    await boss.stop({ graceful: false, wait: true });
    await sandbox.close();
  });
  afterEach(async () => {
    await dispatcher.idle();
    clock.set(new Date());
    await sandbox.control.delete("faults");
  });

  const db = () => sandbox.db;
  const at = (offsetMs: number) => new Date(clock.now().getTime() + offsetMs);
  const dispatchNow = async () => {
    await dispatcher.catchUp();
    await dispatcher.idle();
  };
  const sendsOf = (itemId: string) => db().select().from(messageSend).where(eq(messageSend.scheduledItemId, itemId));
  const auditOf = (itemId: string) =>
    db().select().from(auditLog).where(sql`${auditLog.detail}->>'itemId' = ${itemId}`).orderBy(auditLog.id);

  it("sends a due group item once, woken at its time by its job; the members have it and every record says so", async () => {
    const g = await seedGroup(sandbox, { a: { Online: true }, b: { Online: true } });
    const dueAt = at(1500);
    const [item] = await insertItems(db(), [groupItem(textMessage(g.sender, g.groupId, "at its time"), dueAt)]);
    await wakeDispatcher({ id: item!.id, version: item!.version, dueAt });
    await expect.poll(async () => (await itemOf(db(), item!.id)).status, { timeout: 20_000, interval: 100 }).toBe("sent");

    for (const user of [g.ids.a, g.ids.b]) {
      expect((await inbox(sandbox, user, g.groupId)).map((m) => m.MessageBody.Message)).toEqual(["at its time"]);
    }
    const [send] = await sendsOf(item!.id);
    expect(send).toMatchObject({ status: "delivered", scheduledFor: dueAt, operatorEmail: TEST_ADMIN.email, idempotencyKey: `schedule:${item!.id}:${dueAt.toISOString()}` });
    expect(send!.attemptedAt.getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
    expect(await itemOf(db(), item!.id)).toMatchObject({ lastSendId: send!.id, leaseOwner: null, leaseUntil: null });
    expect(await runsOf(db(), [item!.id])).toMatchObject([{ status: "sent", sendId: send!.id, dueAt, dispatcher: dispatcher.id }]);
    expect((await auditOf(item!.id)).map((a) => [a.action, a.actorId, a.outcome, a.detail?.runStatus])).toEqual([["schedule.dispatch", null, "success", "sent"]]);

    // Another wake-up and a scan find nothing left to do.
    await wakeDispatcher({ id: item!.id, version: item!.version, dueAt });
    await dispatchNow();
    expect(await inbox(sandbox, g.ids.a, g.groupId)).toHaveLength(1);
  });

  it("leaves an item alone until it is due", async () => {
    const g = await seedGroup(sandbox, { a: { Online: true } });
    const [item] = await insertItems(db(), [groupItem(textMessage(g.sender, g.groupId, "later"), at(60 * 60_000))]);
    await dispatchNow();
    expect(await itemOf(db(), item!.id)).toMatchObject({ status: "scheduled", leaseOwner: null });
    expect(await sendsOf(item!.id)).toEqual([]);
    expect(await inbox(sandbox, g.ids.a, g.groupId)).toEqual([]);
  });

  it("marks an item due longer ago than the app's grace window missed and sends nothing; a longer window sends it", async () => {
    const g = await seedGroup(sandbox, { a: { Online: true } });
    const [late] = await insertItems(db(), [groupItem(textMessage(g.sender, g.groupId, "too late"), at(-20 * 60_000))]);
    await dispatchNow();
    expect(await itemOf(db(), late!.id)).toMatchObject({ status: "missed", attentionSeenAt: null });
    expect(await runsOf(db(), [late!.id])).toMatchObject([{ status: "missed", sendId: null, detail: { reason: "pastGrace", graceMinutes: 15 } }]);
    expect((await auditOf(late!.id)).map((a) => [a.action, a.outcome, a.detail?.runStatus])).toEqual([["schedule.dispatch", "failure", "missed"]]);
    expect(await sendsOf(late!.id)).toEqual([]);

    await db().insert(appPolicy).values({ appKey: "sandbox", graceMinutes: 30 });
    try {
      const [graced] = await insertItems(db(), [groupItem(textMessage(g.sender, g.groupId, "late but in grace"), at(-20 * 60_000))]);
      await dispatchNow();
      expect((await itemOf(db(), graced!.id)).status).toBe("sent");
      expect((await inbox(sandbox, g.ids.a, g.groupId)).map((m) => m.MessageBody.Message)).toEqual(["late but in grace"]);
    } finally {
      await db().delete(appPolicy).where(eq(appPolicy.appKey, "sandbox"));
    }
  });

  it("moves a repeating item to its next occurrence on its zone's wall clock, across a daylight-saving change, then completes it", async () => {
    const g = await seedGroup(sandbox, { a: { Online: true } });
    const first = new Date("2027-03-27T19:00:00Z"); // Saturday 20:00 in Berlin (CET)
    const secondAt = new Date("2027-03-28T18:00:00Z"); // Sunday 20:00 in Berlin (CEST)
    clock.set(new Date(first.getTime() + 20_000));
    const recurrence = { frequency: "daily" as const, weekdays: [], until: "2027-03-28" };
    const [item] = await insertItems(db(), [
      groupItem(textMessage(g.sender, g.groupId, "evening news"), first, { timeZone: "Europe/Berlin", localTime: "2027-03-27T20:00", recurrence }),
    ]);
    await dispatchNow();
    expect(await itemOf(db(), item!.id)).toMatchObject({ status: "scheduled", dueAt: secondAt, leaseOwner: null });
    // Its wake-up is queued in the job engine for the next occurrence.
    const jobs = (await db().execute(sql`select 1 from pgboss.job where name = ${DUE_QUEUE} and singleton_key = ${`${item!.id}:1:${secondAt.getTime()}`}`)) as unknown as { rows: unknown[] };
    expect(jobs.rows).toHaveLength(1);

    clock.set(new Date(secondAt.getTime() + 5_000));
    await dispatchNow();
    expect(await itemOf(db(), item!.id)).toMatchObject({ status: "completed", dueAt: secondAt });
    const runs = await runsOf(db(), [item!.id]);
    expect(runs.map((r) => [r.dueAt.toISOString(), r.status]).sort()).toEqual([[first.toISOString(), "sent"], [secondAt.toISOString(), "sent"]]);
    expect(await inbox(sandbox, g.ids.a, g.groupId)).toHaveLength(2);
  });

  it("holds an announcement that is not approved for its version, keeps a send-on-approval one waiting, and fails one with no sender", async () => {
    const g = await seedGroup(sandbox, { a: { Online: true } });
    const [pending, stale, waiting, approved] = await insertItems(db(), [
      announcementItem(g.sender, at(-1000)),
      announcementItem(g.sender, at(-1000), { approval: "approved", approvedVersion: 1, version: 2 }),
      announcementItem(g.sender, at(-1000), { sendOnApproval: true }),
      announcementItem(g.sender, at(-1000), { approval: "approved", approvedVersion: 1 }),
    ]);
    await dispatchNow();
    expect(await itemOf(db(), pending!.id)).toMatchObject({ status: "held", attentionSeenAt: null, leaseOwner: null });
    expect(await runsOf(db(), [pending!.id])).toMatchObject([{ status: "held", detail: { reason: "notApproved", approval: "pending" } }]);
    expect((await itemOf(db(), stale!.id)).status).toBe("held");
    expect(await itemOf(db(), waiting!.id)).toMatchObject({ status: "scheduled", leaseOwner: null });
    expect(await runsOf(db(), [waiting!.id])).toEqual([]);
    expect(await runsOf(db(), [approved!.id])).toMatchObject([{ status: "failed", detail: { reason: "noSender", kind: "broadcast" } }]);
    expect((await auditOf(pending!.id)).map((a) => [a.action, a.actorId, a.outcome])).toEqual([["schedule.dispatch", null, "failure"]]);
    for (const item of [pending, stale, waiting, approved]) expect(await sendsOf(item!.id)).toEqual([]);
  });

  it("records a ZIM rejection (group not found) as a rejected run with its send", async () => {
    const g = await seedGroup(sandbox, { a: { Online: true } });
    const [item] = await insertItems(db(), [groupItem(textMessage(g.sender, "no-such-group-z"), at(-500))]);
    await dispatchNow();
    const [send] = await sendsOf(item!.id);
    expect(send).toMatchObject({ status: "rejected", code: 660600001 });
    expect(await itemOf(db(), item!.id)).toMatchObject({ status: "rejected", lastSendId: send!.id });
    expect(await runsOf(db(), [item!.id])).toMatchObject([{ status: "rejected", sendId: send!.id }]);
  });

  it("sends again on the same row after a rate-limited answer, and once only", async () => {
    const g = await seedGroup(sandbox, { a: { Online: true } });
    await sandbox.control.put("faults", { Action: "SendGroupMessage", Effect: "code", Code: 660300005, Times: 1 });
    const [item] = await insertItems(db(), [groupItem(textMessage(g.sender, g.groupId, "after a pause"), at(-500))]);
    await dispatchNow();
    expect(await sendsOf(item!.id)).toMatchObject([{ status: "delivered", attempts: 2 }]);
    expect((await itemOf(db(), item!.id)).status).toBe("sent");
    expect(await inbox(sandbox, g.ids.a, g.groupId)).toHaveLength(1);
  });

  it("calls a lost answer unknown and never sends it again", async () => {
    const g = await seedGroup(sandbox, { a: { Online: true } });
    await sandbox.control.put("faults", { Action: "SendGroupMessage", Effect: "drop" });
    const [item] = await insertItems(db(), [groupItem(textMessage(g.sender, g.groupId, "did it go?"), at(-500))]);
    await dispatchNow();
    expect(await itemOf(db(), item!.id)).toMatchObject({ status: "unknown", attentionSeenAt: null });
    expect(await runsOf(db(), [item!.id])).toMatchObject([{ status: "unknown" }]);
    await sandbox.control.delete("faults");
    await dispatchNow();
    expect(await inbox(sandbox, g.ids.a, g.groupId)).toHaveLength(1);
    expect(await sendsOf(item!.id)).toMatchObject([{ status: "unknown", attempts: 1 }]);
  });

  describe("the lease sweep", () => {
    const leased = (status: "claimed" | "sending", leaseUntil: Date) => ({ status, leaseOwner: "gone#1#dead", leaseUntil });
    const sendRow = (item: { id: string; dueAt: Date; appName: string }, status: "sending" | "delivered", attemptedAt: Date): typeof messageSend.$inferInsert => ({
      idempotencyKey: `schedule:${item.id}:${item.dueAt.toISOString()}`, requestHash: "h", appKey: "sandbox", appName: item.appName, appId: 1, isProduction: false,
      fromUserId: "ops", groupId: "g", messageType: 1, priority: 2, recipientMode: "all", request: {}, status, operatorId: TEST_ADMIN.id,
      operatorEmail: TEST_ADMIN.email, scheduledItemId: item.id, scheduledFor: item.dueAt, createdAt: attemptedAt, attemptedAt,
    });

    it("puts back a claimed item whose dispatcher died (nothing left) and it is then sent", async () => {
      const g = await seedGroup(sandbox, { a: { Online: true } });
      const [item] = await insertItems(db(), [groupItem(textMessage(g.sender, g.groupId, "picked up again"), at(-3000), leased("claimed", at(-1000)))]);
      const swept = await sweepExpiredLeases(db(), { now: clock.now(), dispatcher: dispatcher.id });
      expect(swept).toContainEqual(expect.objectContaining({ id: item!.id, became: "scheduled" }));
      expect(await itemOf(db(), item!.id)).toMatchObject({ status: "scheduled", leaseOwner: null });
      expect((await auditOf(item!.id)).map((a) => [a.action, a.detail?.was])).toEqual([["schedule.lease-expired", "claimed"]]);
      await dispatchNow();
      expect((await itemOf(db(), item!.id)).status).toBe("sent");
      expect(await inbox(sandbox, g.ids.a, g.groupId)).toHaveLength(1);
    });

    it("makes a sending item whose answer never came unknown, with its send row, and never resends it", async () => {
      const g = await seedGroup(sandbox, { a: { Online: true } });
      const [item] = await insertItems(db(), [groupItem(textMessage(g.sender, g.groupId, "in flight"), at(-3000), leased("sending", at(-1000)))]);
      await db().insert(messageSend).values(sendRow(item!, "sending", at(-2000)));
      await dispatchNow();
      const [send] = await sendsOf(item!.id);
      expect(send).toMatchObject({ status: "unknown", failure: { reason: "interrupted" }, attempts: 1 });
      expect(await itemOf(db(), item!.id)).toMatchObject({ status: "unknown", lastSendId: send!.id, leaseOwner: null });
      expect(await runsOf(db(), [item!.id])).toMatchObject([{ status: "unknown", sendId: send!.id, detail: { reason: "interrupted", dispatcher: "gone#1#dead" } }]);
      await dispatchNow();
      expect(await inbox(sandbox, g.ids.a, g.groupId)).toEqual([]);
    });

    it("takes the recorded answer of a send whose item was not updated, leaves live leases alone, takes every lease when told", async () => {
      const g = await seedGroup(sandbox, { a: { Online: true } });
      const [answered, live] = await insertItems(db(), [
        groupItem(textMessage(g.sender, g.groupId, "answered"), at(-3000), leased("sending", at(-1000))),
        groupItem(textMessage(g.sender, g.groupId, "still working"), at(-3000), leased("sending", at(60_000))),
      ]);
      await db().insert(messageSend).values(sendRow(answered!, "delivered", at(-2000)));
      await dispatchNow();
      expect((await itemOf(db(), answered!.id)).status).toBe("sent");
      expect(await itemOf(db(), live!.id)).toMatchObject({ status: "sending", leaseOwner: "gone#1#dead" });
      expect(await inbox(sandbox, g.ids.a, g.groupId)).toEqual([]);
      // At a PGlite console's start every lease is a dead process's, expired or not.
      const swept = await sweepExpiredLeases(db(), { now: clock.now(), dispatcher: dispatcher.id, everyLease: true });
      expect(swept).toContainEqual(expect.objectContaining({ id: live!.id, became: "scheduled" }));
      await dispatchNow();
      expect((await itemOf(db(), live!.id)).status).toBe("sent");
      expect((await inbox(sandbox, g.ids.a, g.groupId)).map((m) => m.MessageBody.Message)).toEqual(["still working"]);
    });
  });

  it("two more dispatchers racing this one on 50 due items send each exactly once", async () => {
    const g = await seedGroup(sandbox, { a: { Online: true } });
    const texts = Array.from({ length: 50 }, (_, i) => `race ${i}`);
    const items = await insertItems(db(), texts.map((t) => groupItem(textMessage(g.sender, g.groupId, t), at(-1000))));
    const ids = items.map((i) => i.id);
    const others = await Promise.all([1, 2].map(() => startDispatcher({ ...options(), maxInFlight: 10, registerAsWaker: false })));
    try {
      const waker = jobWaker(boss);
      await Promise.all(items.map((i) => waker.wake({ id: i.id, version: i.version, dueAt: i.dueAt })));
      await Promise.all([dispatcher.catchUp(), ...others.map((d) => d.catchUp())]);
      await expect.poll(() => unsettledCount(db(), ids), { timeout: 60_000, interval: 200 }).toBe(0);
    } finally {
      await Promise.all(others.map((d) => d.stop()));
    }
    const counts = arrivals(await groupMessageTexts(sandbox.control, g.groupId));
    expect(texts.filter((t) => counts.get(t) !== 1)).toEqual([]);
    expect(counts.size).toBe(50);
    const rows = await db().select({ status: scheduledItem.status }).from(scheduledItem).where(and(eq(scheduledItem.status, "sent"), inArray(scheduledItem.id, ids)));
    expect(rows).toHaveLength(50);
    expect(new Set((await runsOf(db(), ids)).map((r) => r.itemId)).size).toBe(50);
  });
});
