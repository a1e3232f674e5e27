import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scheduledItem, scheduledRun } from "@/lib/db/schema";
import { openSandbox, type TestSandbox } from "@/lib/sandbox/test-support/sandbox";
import { testEngines } from "@/lib/testing/engines";
import { createScheduledItem } from "./create";
import { calendarEntries, listItems } from "./queries";
import { broadcastFields, groupFields, itemContext, setApproval } from "./test-support";

const clock = { now: () => new Date("2030-01-15T12:00:00Z") };

/** The Scheduled page's reads: its tabs and its calendar. */
describe.each(await testEngines())("reading items on $name", (engine) => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await openSandbox(engine);
  });
  afterAll(() => sandbox.close());

  it("sorts items into upcoming, past and waiting for approval, and lays every occurrence on the calendar", async () => {
    const ctx = itemContext(sandbox, clock);
    const later = await createScheduledItem({ ctx, input: groupFields("2030-01-20T09:00") });
    const daily = await createScheduledItem({ ctx, input: groupFields("2030-01-16T08:00", "Europe/Berlin", { recurrence: { frequency: "daily", weekdays: [], until: "2030-01-18" } }) });
    await setApproval(sandbox.db, true);
    const pending = await createScheduledItem({ ctx, input: broadcastFields("2030-01-17T10:00") });
    const done = await createScheduledItem({ ctx, input: groupFields("2030-01-16T06:00") });
    await sandbox.db.update(scheduledItem).set({ status: "sent" }).where(eq(scheduledItem.id, done.id));
    await sandbox.db.insert(scheduledRun).values({ itemId: done.id, dueAt: new Date("2030-01-16T06:00Z"), version: 1, status: "sent" });

    expect((await listItems(sandbox.db, "upcoming")).map((r) => r.id)).toEqual([daily.id, pending.id, later.id]);
    expect((await listItems(sandbox.db, "past")).map((r) => r.id)).toEqual([done.id]);
    expect((await listItems(sandbox.db, "approval")).map((r) => r.id)).toEqual([pending.id]);

    const week = await calendarEntries(sandbox.db, { from: new Date("2030-01-16T00:00Z"), to: new Date("2030-01-19T00:00Z") });
    expect(week.map((e) => [e.itemId, e.at.toISOString(), e.status])).toEqual([
      [done.id, "2030-01-16T06:00:00.000Z", "sent"],
      [daily.id, "2030-01-16T07:00:00.000Z", "scheduled"],
      [daily.id, "2030-01-17T07:00:00.000Z", "scheduled"],
      [pending.id, "2030-01-17T10:00:00.000Z", "scheduled"],
      [daily.id, "2030-01-18T07:00:00.000Z", "scheduled"],
    ]);
  });
});
