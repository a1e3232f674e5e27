import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Operator } from "@/lib/auth/session";
import { appPolicy, auditLog, scheduledItem, scheduledRun } from "@/lib/db/schema";
import { openSandbox, type TestSandbox } from "@/lib/sandbox/test-support/sandbox";
import { getAppPolicy } from "@/lib/scheduler/policy";
import { saveAppPolicy } from "@/lib/scheduler/save-policy";
import { registerWaker } from "@/lib/scheduler/wake";
import { testEngines } from "@/lib/testing/engines";
import { TEST_ADMIN } from "@/lib/testing/operator";
import { listAttention, markAttentionSeen } from "./attention";
import { createScheduledItem } from "./create";
import { editScheduledItem } from "./edit";
import { approveScheduledItem, rejectScheduledItem } from "./review";
import { broadcastFields, footprint, groupFields, itemContext, setApproval, TEST_REVIEWER } from "./test-support";

const START = Date.parse("2030-01-15T12:00:00Z");
const THIRD: Operator = { ...TEST_REVIEWER, id: "test-third", email: "third@storage.test" };

/** Approval by a second operator, the author being told, and the app policy that asks for it. */
describe.each(await testEngines())("reviews, attention and policy on $name", (engine) => {
  let sandbox: TestSandbox;
  let now = START;
  const clock = { now: () => new Date(now) };
  const woken: { id: string; version: number; dueAt: Date }[] = [];
  beforeAll(async () => {
    sandbox = await openSandbox(engine);
    registerWaker({ wake: async (item) => void woken.push(item) });
  });
  afterAll(async () => {
    registerWaker(undefined);
    await sandbox.close();
  });
  afterEach(async () => {
    now = START;
    woken.length = 0;
    await sandbox.db.delete(scheduledItem);
    await sandbox.db.delete(appPolicy);
  });

  const ctx = (operator: Operator = TEST_ADMIN, limit = 100) => itemContext(sandbox, clock, operator, limit);
  const rowOf = async (id: string) => (await sandbox.db.select().from(scheduledItem).where(eq(scheduledItem.id, id)))[0]!;
  const auditOf = (action: string, id: string) => sandbox.db.select().from(auditLog).where(and(eq(auditLog.action, action), sql`${auditLog.detail}->>'itemId' = ${id}`));
  const pending = async (fields = broadcastFields("2030-01-16T09:00")) => {
    await setApproval(sandbox.db, true);
    const created = await createScheduledItem({ ctx: ctx(), input: fields });
    woken.length = 0;
    return created;
  };
  const unchanged = async (id: string, attempt: () => Promise<unknown>, expected: Record<string, unknown>) => {
    const before = await rowOf(id);
    await expect(attempt()).rejects.toMatchObject(expected);
    expect(await rowOf(id)).toEqual(before);
    expect(woken).toEqual([]);
  };

  it("the author cannot approve or reject their own announcement; the attempt is audited as denied", async () => {
    const { id } = await pending();
    const counts = await footprint(sandbox.db);
    await unchanged(id, () => approveScheduledItem({ ctx: ctx(), input: { id, expectedVersion: 1 } }), { key: "scheduleErrors.selfApproval" });
    await unchanged(id, () => rejectScheduledItem({ ctx: ctx(), input: { id, expectedVersion: 1, reason: "mine" } }), { key: "scheduleErrors.selfApproval" });
    expect(await footprint(sandbox.db)).toEqual({ ...counts, audit: counts.audit + 2 });
    const denied = await sandbox.db.select().from(auditLog).where(and(eq(auditLog.action, "schedule.review"), eq(auditLog.outcome, "denied")));
    expect(denied.at(-1)).toMatchObject({ actorEmail: "admin@storage.test", detail: { itemId: id } });
  });

  it("whoever changed it last cannot approve it either", async () => {
    const { id } = await pending();
    await editScheduledItem({ ctx: ctx(TEST_REVIEWER), input: { ...broadcastFields("2030-01-16T09:30"), id, expectedVersion: 1 } });
    woken.length = 0;
    await unchanged(id, () => approveScheduledItem({ ctx: ctx(TEST_REVIEWER), input: { id, expectedVersion: 2 } }), { key: "scheduleErrors.selfApproval" });
    expect((await approveScheduledItem({ ctx: ctx(THIRD), input: { id, expectedVersion: 2 } })).id).toBe(id);
  });

  it("a second operator approves the version they read: reviewer, reason and time recorded, audited, woken", async () => {
    const { id } = await pending();
    now = START + 60_000;
    await approveScheduledItem({ ctx: ctx(TEST_REVIEWER), input: { id, expectedVersion: 1, reason: "  Checked the wording " } });
    const row = await rowOf(id);
    expect(row).toMatchObject({ approval: "approved", approvedVersion: 1, reviewerEmail: "reviewer@storage.test", reviewReason: "Checked the wording", reviewedAt: new Date(now), status: "scheduled", version: 1 });
    expect(row.dueAt.toISOString()).toBe("2030-01-16T09:00:00.000Z");
    expect(await auditOf("schedule.approve", id)).toMatchObject([{ actorEmail: "reviewer@storage.test", outcome: "success", detail: { reason: "Checked the wording" } }]);
    expect(woken).toEqual([{ id, version: 1, dueAt: row.dueAt }]);
    woken.length = 0;
    await unchanged(id, () => approveScheduledItem({ ctx: ctx(THIRD), input: { id, expectedVersion: 1 } }), { key: "scheduleErrors.notPending", values: { approval: "approved" } });
  });

  it("refuses an approval of an older version, and of an item that needs none", async () => {
    const { id } = await pending();
    await editScheduledItem({ ctx: ctx(), input: { ...broadcastFields("2030-01-16T09:30"), id, expectedVersion: 1 } });
    woken.length = 0;
    await unchanged(id, () => approveScheduledItem({ ctx: ctx(TEST_REVIEWER), input: { id, expectedVersion: 1 } }), { key: "scheduleErrors.stale" });
    const group = await createScheduledItem({ ctx: ctx(), input: groupFields("2030-01-16T09:30") });
    woken.length = 0;
    await unchanged(group.id, () => approveScheduledItem({ ctx: ctx(TEST_REVIEWER), input: { id: group.id, expectedVersion: 1 } }), { key: "scheduleErrors.notPending", values: { approval: "not-required" } });
  });

  it("an announcement sent on approval becomes due when approved, if the quota has room then", async () => {
    const { id } = await pending(broadcastFields("", "UTC", { sendOnApproval: true }));
    now = START + 10 * 60_000;
    const { dueAt } = await approveScheduledItem({ ctx: ctx(TEST_REVIEWER), input: { id, expectedVersion: 1 } });
    expect(dueAt).toEqual(new Date(now));
    expect(woken).toEqual([{ id, version: 1, dueAt }]);

    const second = await createScheduledItem({ ctx: ctx(), input: broadcastFields("", "UTC", { sendOnApproval: true }) });
    woken.length = 0;
    // The first one (due now) used the only slot of a limit of 1.
    await unchanged(second.id, () => approveScheduledItem({ ctx: ctx(TEST_REVIEWER, 1), input: { id: second.id, expectedVersion: 1 } }), { key: "scheduleErrors.quotaFull" });
  });

  it("a rejection needs a reason, cancels the item for good and tells its author", async () => {
    const { id } = await pending();
    await unchanged(id, () => rejectScheduledItem({ ctx: ctx(TEST_REVIEWER), input: { id, expectedVersion: 1, reason: "   " } }), { key: "scheduleErrors.reasonRequired" });
    await rejectScheduledItem({ ctx: ctx(TEST_REVIEWER), input: { id, expectedVersion: 1, reason: "Wrong date in the text" } });
    expect(await rowOf(id)).toMatchObject({ status: "cancelled", approval: "rejected", reviewReason: "Wrong date in the text", reviewerEmail: "reviewer@storage.test" });
    expect(await auditOf("schedule.reject", id)).toMatchObject([{ outcome: "success", detail: { reason: "Wrong date in the text" } }]);
    expect(await listAttention(sandbox.db, TEST_ADMIN.id)).toMatchObject([{ id, reason: "approval-rejected", reviewReason: "Wrong date in the text" }]);
    expect(await listAttention(sandbox.db, TEST_REVIEWER.id)).toEqual([]);
  });

  it("tells the author about held, missed or failed items until they mark them seen, and about later bad occurrences", async () => {
    const held = await createScheduledItem({ ctx: ctx(), input: broadcastFields("2030-01-16T09:00") });
    const daily = await createScheduledItem({ ctx: ctx(), input: groupFields("2030-01-16T09:00", "UTC", { recurrence: { frequency: "daily", weekdays: [], until: "2030-01-20" } }) });
    await createScheduledItem({ ctx: ctx(), input: groupFields("2030-01-16T09:00") });
    await sandbox.db.update(scheduledItem).set({ status: "held" }).where(eq(scheduledItem.id, held.id));
    await sandbox.db.insert(scheduledRun).values({ itemId: daily.id, dueAt: new Date("2030-01-16T09:00Z"), version: 1, status: "missed", finishedAt: new Date(START + 1000) });
    const listed = await listAttention(sandbox.db, TEST_ADMIN.id);
    expect(listed.map((a) => [a.id, a.reason]).sort()).toEqual([[daily.id, "missed"], [held.id, "held"]].sort());

    now = START + 2000;
    expect(await markAttentionSeen({ ctx: ctx(TEST_REVIEWER), input: { ids: [held.id] } })).toEqual({ marked: 0 });
    expect(await markAttentionSeen({ ctx: ctx(), input: { ids: [held.id, daily.id] } })).toEqual({ marked: 2 });
    expect(await listAttention(sandbox.db, TEST_ADMIN.id)).toEqual([]);
    expect(await sandbox.db.select().from(auditLog).where(eq(auditLog.action, "schedule.attention-seen"))).toHaveLength(1);

    await sandbox.db.insert(scheduledRun).values({ itemId: daily.id, dueAt: new Date("2030-01-17T09:00Z"), version: 1, status: "failed", finishedAt: new Date(START + 5000) });
    expect(await listAttention(sandbox.db, TEST_ADMIN.id)).toMatchObject([{ id: daily.id, reason: "failed" }]);
  });

  it("the app policy is saved and audited; switching approval on and off moves waiting announcements with it", async () => {
    const waiting = await createScheduledItem({ ctx: ctx(), input: broadcastFields("2030-01-16T09:00") });
    const group = await createScheduledItem({ ctx: ctx(), input: groupFields("2030-01-16T09:00") });
    const on = await saveAppPolicy({ db: sandbox.db, operator: TEST_ADMIN, input: { appKey: "sandbox", graceMinutes: 30, announcementApproval: true } });
    expect(on).toEqual({ affectedItems: 1 });
    expect(await getAppPolicy(sandbox.db, "sandbox")).toEqual({ graceMinutes: 30, announcementApproval: true });
    expect((await rowOf(waiting.id)).approval).toBe("pending");
    expect((await rowOf(group.id)).approval).toBe("not-required");
    const [audit] = await sandbox.db.select().from(auditLog).where(eq(auditLog.action, "app-policy.update"));
    expect(audit).toMatchObject({ target: "Sandbox", detail: { graceMinutes: 30, announcementApproval: true, affectedItems: 1, before: { announcementApproval: false } } });

    expect(await saveAppPolicy({ db: sandbox.db, operator: TEST_ADMIN, input: { appKey: "sandbox", graceMinutes: 30, announcementApproval: false } })).toEqual({ affectedItems: 1 });
    expect((await rowOf(waiting.id)).approval).toBe("not-required");
    await expect(saveAppPolicy({ db: sandbox.db, operator: TEST_ADMIN, input: { appKey: "no-such-app", graceMinutes: 30, announcementApproval: true } })).rejects.toMatchObject({ key: "appNotFound" });
  });
});
