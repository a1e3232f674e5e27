import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { appPolicy, auditLog, scheduledItem } from "@/lib/db/schema";
import { openSandbox, type TestSandbox } from "@/lib/sandbox/test-support/sandbox";
import { registerWaker } from "@/lib/scheduler/wake";
import { testEngines } from "@/lib/testing/engines";
import { TEST_ADMIN } from "@/lib/testing/operator";
import { cancelScheduledItem } from "./cancel";
import { createScheduledItem } from "./create";
import { editScheduledItem, type EditItemInput } from "./edit";
import { approveScheduledItem } from "./review";
import { broadcastFields, footprint, groupFields, itemContext, setApproval, TEST_REVIEWER } from "./test-support";

const START = Date.parse("2030-01-15T12:00:00Z");

/** Editing and cancelling: only while waiting, only at the version the operator saw, audited, woken. */
describe.each(await testEngines())("changing items on $name", (engine) => {
  let sandbox: TestSandbox;
  const clock = { now: () => new Date(START) };
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
    woken.length = 0;
    await sandbox.db.delete(scheduledItem);
    await sandbox.db.delete(appPolicy);
  });

  const ctx = (operator = TEST_ADMIN, limit = 100) => itemContext(sandbox, clock, operator, limit);
  const rowOf = async (id: string) => (await sandbox.db.select().from(scheduledItem).where(eq(scheduledItem.id, id)))[0]!;
  const seed = async (fields = groupFields("2030-01-16T09:30", "Europe/Berlin")) => {
    const created = await createScheduledItem({ ctx: ctx(), input: fields });
    woken.length = 0;
    return created;
  };
  const edit = (input: EditItemInput, operator = TEST_ADMIN, limit = 100) => editScheduledItem({ ctx: ctx(operator, limit), input });
  const unchanged = async (id: string, attempt: () => Promise<unknown>, expected: Record<string, unknown>) => {
    const [before, counts] = [await rowOf(id), await footprint(sandbox.db)];
    await expect(attempt()).rejects.toMatchObject(expected);
    expect(await rowOf(id)).toEqual(before);
    expect(await footprint(sandbox.db)).toEqual(counts);
    expect(woken).toEqual([]);
  };

  it("an edit changes the message and time, grows the version, is audited and wakes the dispatcher", async () => {
    const { id } = await seed();
    const request = { FromUserId: "ops", GroupId: "team", MessageType: 1, Priority: 3, MessageBody: { Message: "Moved to one" } };
    const result = await edit({ ...groupFields("2030-01-16T13:00", "Europe/Berlin", { request }), id, expectedVersion: 1 });
    expect(result).toMatchObject({ version: 2, approvalVoided: false });
    const row = await rowOf(id);
    expect(row).toMatchObject({ version: 2, localTime: "2030-01-16T13:00", dueAt: new Date("2030-01-16T12:00:00Z"), request: { Priority: 3, MessageBody: { Message: "Moved to one" } } });
    const [audit] = await sandbox.db.select().from(auditLog).where(eq(auditLog.action, "schedule.edit"));
    expect(audit).toMatchObject({ outcome: "success", detail: { itemId: id, version: 2, previousDueAt: "2030-01-16T08:30:00.000Z", dueAt: "2030-01-16T12:00:00.000Z" } });
    expect(woken).toEqual([{ id, version: 2, dueAt: row.dueAt }]);
  });

  it("refuses an edit of a version someone else already changed", async () => {
    const { id } = await seed();
    await edit({ ...groupFields("2030-01-16T10:00"), id, expectedVersion: 1 });
    woken.length = 0;
    await unchanged(id, () => edit({ ...groupFields("2030-01-16T11:00"), id, expectedVersion: 1 }), { key: "scheduleErrors.stale" });
  });

  it.each(["claimed", "sending", "sent", "cancelled"] as const)("refuses an edit or a cancel of an item that is %s", async (status) => {
    const { id } = await seed();
    await sandbox.db.update(scheduledItem).set({ status }).where(eq(scheduledItem.id, id));
    await unchanged(id, () => edit({ ...groupFields("2030-01-16T11:00"), id, expectedVersion: 1 }), { key: "scheduleErrors.notEditable", values: { status } });
    await unchanged(id, () => cancelScheduledItem({ ctx: ctx(), input: { id, expectedVersion: 1 } }), { key: "scheduleErrors.notEditable" });
  });

  it("refuses an edit to a time in the past, or to another kind of message", async () => {
    const { id } = await seed();
    await unchanged(id, () => edit({ ...groupFields("2030-01-15T11:00"), id, expectedVersion: 1 }), { key: "scheduleErrors.past", field: "time" });
    await unchanged(id, () => edit({ ...broadcastFields("2030-01-16T11:00"), id, expectedVersion: 1 }), { key: "scheduleErrors.kindChanged" });
  });

  it("an edit is checked against D7 without the item's own old time", async () => {
    const first = await seed(broadcastFields("2030-01-16T09:00"));
    await createScheduledItem({ ctx: ctx(TEST_ADMIN, 2), input: broadcastFields("2030-01-16T15:00") });
    woken.length = 0;
    // Moving by a minute fits next to itself; a third announcement in the same 24 hours does not.
    expect((await edit({ ...broadcastFields("2030-01-16T09:01"), id: first.id, expectedVersion: 1 }, TEST_ADMIN, 2)).version).toBe(2);
    const third = await seed(broadcastFields("2030-01-18T09:00"));
    woken.length = 0;
    await unchanged(third.id, () => edit({ ...broadcastFields("2030-01-16T20:00"), id: third.id, expectedVersion: 1 }, TEST_ADMIN, 2), { key: "scheduleErrors.quotaFull", field: "time" });
  });

  it("an edit after approval voids it: the item waits for a new approval", async () => {
    await setApproval(sandbox.db, true);
    const { id } = await seed(broadcastFields("2030-01-16T09:00"));
    await approveScheduledItem({ ctx: ctx(TEST_REVIEWER), input: { id, expectedVersion: 1 } });
    expect(await rowOf(id)).toMatchObject({ approval: "approved", approvedVersion: 1 });
    woken.length = 0;
    const result = await edit({ ...broadcastFields("2030-01-16T10:00"), id, expectedVersion: 1 });
    expect(result).toMatchObject({ version: 2, approval: "pending", approvalVoided: true });
    expect(await rowOf(id)).toMatchObject({ approval: "pending", approvedVersion: null, reviewerId: null, reviewedAt: null });
    const [audit] = await sandbox.db.select().from(auditLog).where(and(eq(auditLog.action, "schedule.edit"), sql`${auditLog.detail}->>'itemId' = ${id}`));
    expect(audit?.detail).toMatchObject({ approvalVoided: true, approval: "pending" });
  });

  it("a cancel stops a waiting item, grows its version and is audited", async () => {
    const { id } = await seed();
    expect(await cancelScheduledItem({ ctx: ctx(), input: { id, expectedVersion: 1 } })).toEqual({ id, version: 2 });
    expect(await rowOf(id)).toMatchObject({ status: "cancelled", version: 2 });
    const [audit] = await sandbox.db.select().from(auditLog).where(eq(auditLog.action, "schedule.cancel"));
    expect(audit).toMatchObject({ outcome: "success", target: "Sandbox / team", detail: { itemId: id } });
    await unchanged(id, () => cancelScheduledItem({ ctx: ctx(), input: { id, expectedVersion: 2 } }), { key: "scheduleErrors.notEditable" });
  });

  it("refuses a cancel at a stale version, and of an item that does not exist", async () => {
    const { id } = await seed();
    await unchanged(id, () => cancelScheduledItem({ ctx: ctx(), input: { id, expectedVersion: 7 } }), { key: "scheduleErrors.stale" });
    await expect(cancelScheduledItem({ ctx: ctx(), input: { id: "00000000-0000-4000-8000-000000000000", expectedVersion: 1 } })).rejects.toMatchObject({ key: "scheduleErrors.notFound" });
  });
});
