import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { earliestFit } from "@/lib/announcements/quota";
import { appPolicy, auditLog, messageSend, scheduledItem } from "@/lib/db/schema";
import { InvalidRequestError } from "@/lib/messages/context";
import { openSandbox, type TestSandbox } from "@/lib/sandbox/test-support/sandbox";
import { registerWaker } from "@/lib/scheduler/wake";
import { testEngines } from "@/lib/testing/engines";
import { createScheduledItem, type CreateItemInput } from "./create";
import { duplicateScheduledItem } from "./duplicate";
import { broadcastFields, footprint, groupFields, itemContext, setApproval } from "./test-support";

const START = Date.parse("2030-01-15T12:00:00Z");
const at = (iso: string) => new Date(iso).getTime();

/** Creating items: what is stored, audited and woken, and every refusal leaving nothing behind. */
describe.each(await testEngines())("scheduling items on $name", (engine) => {
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
    await sandbox.db.delete(messageSend);
  });

  const create = (input: CreateItemInput, limit = 100) => createScheduledItem({ ctx: itemContext(sandbox, clock, undefined, limit), input });
  const rowOf = async (id: string) => (await sandbox.db.select().from(scheduledItem).where(eq(scheduledItem.id, id)))[0]!;
  const refused = async (input: CreateItemInput, expected: Record<string, unknown>, limit = 100) => {
    const before = await footprint(sandbox.db);
    await expect(create(input, limit)).rejects.toMatchObject(expected);
    expect(await footprint(sandbox.db)).toEqual(before);
    expect(woken).toEqual([]);
  };

  it("stores a group message for a wall time in its zone, audits it without the text, and wakes the dispatcher", async () => {
    const result = await create(groupFields("2030-01-16T09:30", "Europe/Berlin", { createKey: "create-key-aaaaaaaaaaaa" }));
    expect(result).toMatchObject({ version: 1, approval: "not-required", duplicate: false });
    const row = await rowOf(result.id);
    expect(row).toMatchObject({ kind: "group", status: "scheduled", version: 1, appName: "Sandbox", localTime: "2030-01-16T09:30", timeZone: "Europe/Berlin", occurrence: null, audienceSize: 3, createdByEmail: "admin@storage.test" });
    expect(row.dueAt.toISOString()).toBe("2030-01-16T08:30:00.000Z");
    expect(row.request).toMatchObject({ GroupId: "team", MessageBody: { Message: "See you at noon" } });
    const audit = await sandbox.db.select().from(auditLog).where(eq(auditLog.action, "schedule.create"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorEmail: "admin@storage.test", target: "Sandbox / team", outcome: "success", detail: { itemId: result.id, dueAt: "2030-01-16T08:30:00.000Z", timeZone: "Europe/Berlin" } });
    expect(JSON.stringify(audit[0]!.detail)).not.toContain("See you at noon");
    expect(woken).toEqual([{ id: result.id, version: 1, dueAt: row.dueAt }]);
  });

  it("a double click creates one item: the same key answers the first one", async () => {
    const input = groupFields("2030-01-16T09:30", "UTC", { createKey: "double-click-aaaaaaaaaa" });
    const results = await Promise.all([create(input), create(input), create(input)]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await sandbox.db.select().from(scheduledItem)).toHaveLength(1);
    expect(await sandbox.db.select().from(auditLog).where(and(eq(auditLog.action, "schedule.create"), sql`${auditLog.detail}->>'itemId' = ${results[0]!.id}`))).toHaveLength(1);
  });

  it("accepts a time a few seconds behind the clock (skew) and refuses one further in the past", async () => {
    now = at("2030-01-15T12:00:03Z");
    expect((await create(groupFields("2030-01-15T12:00"))).duplicate).toBe(false);
    woken.length = 0;
    now = at("2030-01-15T12:00:06Z");
    await refused(groupFields("2030-01-15T12:00"), { key: "scheduleErrors.past", field: "time" });
  });

  it("refuses an unknown time zone and an impossible date", async () => {
    await refused(groupFields("2030-01-16T09:30", "Mars/Olympus"), { key: "scheduleErrors.zone", field: "timeZone" });
    await refused(groupFields("2030-02-30T09:30"), { key: "scheduleErrors.date", field: "date" });
  });

  it("refuses a time that does not exist (clocks go forward) and offers the first valid one", async () => {
    await refused(groupFields("2030-03-31T02:30", "Europe/Berlin"), { key: "scheduleErrors.gap", field: "time", values: { first: "2030-03-31 03:00" } });
  });

  it("a time that happens twice (clocks go back) needs its occurrence, then means exactly that instant", async () => {
    await refused(groupFields("2030-10-27T02:30", "Europe/Berlin"), { key: "scheduleErrors.ambiguous", field: "occurrence" });
    const earlier = await create(groupFields("2030-10-27T02:30", "Europe/Berlin", { occurrence: "earlier" }));
    const later = await create(groupFields("2030-10-27T02:30", "Europe/Berlin", { occurrence: "later" }));
    expect((await rowOf(earlier.id)).dueAt.toISOString()).toBe("2030-10-27T00:30:00.000Z");
    expect(await rowOf(later.id)).toMatchObject({ occurrence: "later", dueAt: new Date("2030-10-27T01:30:00Z") });
  });

  it("refuses a message the app's own limits do not allow", async () => {
    const before = await footprint(sandbox.db);
    const big = groupFields("2030-01-16T09:30", "UTC", { request: { FromUserId: "ops", GroupId: "team", MessageType: 1, Priority: 2, MessageBody: { Message: "x".repeat(2049) } } });
    await expect(create(big)).rejects.toBeInstanceOf(InvalidRequestError);
    expect(await footprint(sandbox.db)).toEqual(before);
  });

  it("checks a repetition: weekdays for weekly, an end on or after the first date, within a year", async () => {
    await refused(groupFields("2030-01-16T09:30", "UTC", { recurrence: { frequency: "weekly", weekdays: [], until: "2030-02-16" } }), { field: "weekdays", key: "scheduleErrors.weekdays" });
    await refused(groupFields("2030-01-16T09:30", "UTC", { recurrence: { frequency: "daily", weekdays: [], until: "2030-01-15" } }), { field: "until", key: "scheduleErrors.untilBeforeStart" });
    await refused(groupFields("2030-01-16T09:30", "UTC", { recurrence: { frequency: "daily", weekdays: [], until: "2031-06-01" } }), { field: "until", key: "scheduleErrors.untilTooFar" });
    const ok = await create(groupFields("2030-01-16T09:30", "UTC", { recurrence: { frequency: "weekly", weekdays: [5, 1, 5], until: "2030-02-16" } }));
    expect((await rowOf(ok.id)).recurrence).toEqual({ frequency: "weekly", weekdays: [1, 5], until: "2030-02-16" });
  });

  it("sends a group message now through the sender, not as an item", async () => {
    await refused(groupFields("2030-01-16T09:30", "UTC", { sendOnApproval: true }), { key: "scheduleErrors.sendNowDirectly" });
  });

  it("refuses an announcement series at the first occurrence beyond D7, saying when it would fit", async () => {
    const limit = 2;
    const daily = (until: string) => ({ frequency: "daily" as const, weekdays: [], until });
    await create(broadcastFields("2030-01-20T10:00", "UTC", { recurrence: daily("2030-01-25") }), limit);
    await create(broadcastFields("2030-01-22T11:00"), limit);
    const series = broadcastFields("2030-01-20T09:00", "UTC", { recurrence: daily("2030-01-24") });
    const refusedAt = at("2030-01-22T09:00Z");
    const events = [...["20", "21", "22", "23", "24", "25"].map((d) => at(`2030-01-${d}T10:00Z`)), at("2030-01-22T11:00Z"), at("2030-01-20T09:00Z"), at("2030-01-21T09:00Z")];
    woken.length = 0;
    await refused(series, { key: "scheduleErrors.quotaFull", field: "time", values: { at: refusedAt, limit, next: earliestFit(events, refusedAt, limit) } }, limit);
    // One day shorter, the series fits and is stored.
    expect((await create({ ...series, recurrence: daily("2030-01-21") }, limit)).duplicate).toBe(false);
  });

  it("refuses a second announcement in the same second for ZIM's one per second, not for the daily quota", async () => {
    await create(broadcastFields("2030-01-16T09:30"));
    woken.length = 0;
    await refused(broadcastFields("2030-01-16T09:30"), { key: "scheduleErrors.spacing", field: "time", values: { at: at("2030-01-16T09:30Z"), next: at("2030-01-16T09:30:01Z") } });
    expect((await create(broadcastFields("2030-01-16T09:30:01"))).duplicate).toBe(false);
  });

  it("counts announcements already sent in the last 24 hours", async () => {
    const sentAt = new Date(START - 60 * 60_000);
    await sandbox.db.insert(messageSend).values({
      idempotencyKey: "sent-broadcast-aaaaaaaa", requestHash: "h", kind: "broadcast", appKey: "sandbox", appName: "Sandbox", appId: 1, isProduction: false,
      fromUserId: "ops", messageType: 1, pushType: 0, request: {}, status: "delivered", operatorId: "o", operatorEmail: "o@x.test", createdAt: sentAt, attemptedAt: sentAt,
    });
    await refused(broadcastFields("2030-01-15T13:00"), { key: "scheduleErrors.quotaFull", values: { next: sentAt.getTime() + 24 * 3600_000 } }, 1);
    expect((await create(broadcastFields("2030-01-16T11:00"), 1)).duplicate).toBe(false);
  });

  it("an announcement waits for approval when the app asks for it; a group message never does", async () => {
    await setApproval(sandbox.db, true);
    expect((await create(broadcastFields("2030-01-16T09:30"))).approval).toBe("pending");
    expect((await create(groupFields("2030-01-16T09:30"))).approval).toBe("not-required");
  });

  it("an announcement sent now that needs approval waits for it, and nothing wakes the dispatcher yet", async () => {
    await refused(broadcastFields("", "UTC", { sendOnApproval: true }), { key: "scheduleErrors.sendNowDirectly" });
    await setApproval(sandbox.db, true);
    const result = await create(broadcastFields("", "Asia/Tokyo", { sendOnApproval: true }));
    expect(await rowOf(result.id)).toMatchObject({ sendOnApproval: true, approval: "pending", localTime: "2030-01-15T21:00", dueAt: new Date(START) });
    expect(woken).toEqual([]);
  });

  it("duplicate gives the composer the item's message and time, and creates nothing", async () => {
    const { id } = await create(groupFields("2030-01-16T09:30", "Europe/Berlin", { recurrence: { frequency: "daily", weekdays: [], until: "2030-01-20" } }));
    const before = await footprint(sandbox.db);
    expect(await duplicateScheduledItem({ db: sandbox.db, id })).toMatchObject({ kind: "group", appKey: "sandbox", timeZone: "Europe/Berlin", localTime: "2030-01-16T09:30", recurrence: { frequency: "daily" }, request: { GroupId: "team" } });
    expect(await footprint(sandbox.db)).toEqual(before);
  });
});
