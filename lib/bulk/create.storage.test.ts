import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, bulkSend, bulkTarget, scheduledItem } from "@/lib/db/schema";
import { InvalidRequestError } from "@/lib/messages/context";
import { sandboxApp, textMessage } from "@/lib/messages/test-support";
import { openSandbox, type TestSandbox } from "@/lib/sandbox/test-support/sandbox";
import { cancelScheduledItem } from "@/lib/scheduler/items/cancel";
import { registerWaker } from "@/lib/scheduler/wake";
import { testEngines } from "@/lib/testing/engines";
import { cancelBulk, pauseBulk, recallAllBulk } from "./control";
import { createBulkSend, type CreateBulkInput } from "./create";
import { bulkResultsCsv } from "./export";
import { getBulkProgress, listBulkSends } from "./queries";
import { bulkContext, bulkInput, targetsOf } from "./test-support";
import { MAX_BULK_GROUPS } from "./types";

/** Creating bulk sends: what is stored and audited, every refusal leaving nothing behind, and one run per key. */
describe.each(await testEngines())("creating bulk sends on $name", (engine) => {
  let sandbox: TestSandbox;
  const woken: { id: string; dueAt: Date }[] = [];
  beforeAll(async () => {
    sandbox = await openSandbox(engine);
    registerWaker({ wake: async (item) => void woken.push({ id: item.id, dueAt: item.dueAt }) });
  });
  afterAll(async () => {
    registerWaker(undefined);
    await sandbox.close();
  });

  const ctx = () => bulkContext(sandbox, sandboxApp(sandbox));
  const create = (input: CreateBulkInput) => createBulkSend({ ctx: ctx(), input });
  const footprint = async () => {
    const tally = async (table: typeof bulkSend | typeof bulkTarget | typeof auditLog | typeof scheduledItem) => (await sandbox.db.select({ n: count() }).from(table))[0]!.n;
    return { runs: await tally(bulkSend), targets: await tally(bulkTarget), audit: await tally(auditLog), items: await tally(scheduledItem) };
  };
  const refused = async (input: CreateBulkInput, expected: Record<string, unknown>) => {
    const before = await footprint();
    const error = await create(input).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject(expected);
    expect(await footprint()).toEqual(before);
    return error;
  };
  const later = (minutes: number) => {
    const at = new Date(sandbox.clock.now().getTime() + minutes * 60_000);
    return { localTime: at.toISOString().slice(0, 16), timeZone: "UTC" };
  };

  it("stores the run queued, one target per distinct group in list order, the template without a group, and its audit row", async () => {
    const input = bulkInput("ops", ["g-1", "g-2", "g-1", "g-3", "g-2"], "Hello all", { request: textMessage("ops", "ignored", "Hello all", { Priority: 3 }) });
    const result = await create(input);
    expect(result.duplicate).toBe(false);
    const [run] = await sandbox.db.select().from(bulkSend).where(eq(bulkSend.id, result.id));
    expect(run).toMatchObject({ status: "queued", total: 3, appKey: "sandbox", appName: "Sandbox", fromUserId: "ops", priority: 3, recipientMode: "all", perSecond: 10, recallWindowSeconds: 120, createdByEmail: "admin@storage.test", leaseOwner: null });
    expect(run!.template).toEqual({ FromUserId: "ops", GroupId: "", MessageType: 1, Priority: 3, MessageBody: { Message: "Hello all" } });
    expect((await targetsOf(sandbox, result.id)).map((t) => [t.seq, t.groupId, t.status, t.attempts])).toEqual([
      [1, "g-1", "pending", 0],
      [2, "g-2", "pending", 0],
      [3, "g-3", "pending", 0],
    ]);
    const audit = await sandbox.db.select().from(auditLog).where(sql`${auditLog.detail}->>'bulkId' = ${result.id}`);
    expect(audit).toMatchObject([{ action: "bulk.create", actorEmail: "admin@storage.test", target: "Sandbox / 3 groups", outcome: "success", detail: { groups: 3, duplicatesRemoved: 2, fromUserId: "ops" } }]);
    expect(JSON.stringify(audit[0]!.detail)).not.toContain("Hello all");
    expect(await getBulkProgress(sandbox.db, result.id)).toMatchObject({ status: "queued", total: 3, remaining: 3, delivered: 0, allowedRate: 10, secondsLeft: 1, currentRate: 0, recallable: 0, recallOpenUntil: null });
  });

  it("creates one run per create key, also for concurrent calls", async () => {
    const input = bulkInput("ops", ["k-1", "k-2"], "once");
    const results = await Promise.all([create(input), create(input), create(input)]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await create({ ...input, groupIds: ["other"] })).toEqual({ id: results[0]!.id, duplicate: true });
    expect(await sandbox.db.select().from(bulkSend).where(eq(bulkSend.createKey, input.createKey))).toHaveLength(1);
    expect(await targetsOf(sandbox, results[0]!.id)).toHaveLength(2);
  });

  it("refuses a message that does not fit the app's limits, beside its field", async () => {
    const error = await refused(bulkInput("ops", ["g-1"], "x".repeat(3000)), { name: "InvalidRequestError" });
    expect((error as InvalidRequestError).issues[0]!.path).toEqual(["MessageBody", "Message"]);
  });

  it("refuses an empty list, a list with invalid IDs (naming the first and the count) and a list over the maximum", async () => {
    const onGroups = (message: RegExp) => ({ issues: [{ path: ["groupIds"], message: expect.stringMatching(message) }] });
    await refused(bulkInput("ops", [], "x"), onGroups(/^Add at least one group ID\.$/));
    await refused(bulkInput("ops", ["ok", "bad/1", "x".repeat(40), "ok-2"], "x"), onGroups(/^2 group IDs are not valid\. Line 2 \("bad\/1"\): The group ID contains "\/"/));
    await refused(bulkInput("ops", ["only/bad"], "x"), onGroups(/^1 group ID is not valid\. Line 1/));
    const tooMany = Array.from({ length: MAX_BULK_GROUPS + 1 }, (_, i) => `g${i}`);
    await refused(bulkInput("ops", tooMany, "x"), onGroups(/at most 100,000 groups; this list has 100,001\.$/));
  });

  it("writes all or nothing: a failure while storing the targets leaves no run, no target and no audit row", async () => {
    // A storage failure at the last target row, after the run row and every other target were written.
    await sandbox.db.execute(sql.raw(`
      create function refuse_boom() returns trigger language plpgsql as $$
      begin if new.group_id = 'boom' then raise exception 'storage failed'; end if; return new; end $$`));
    await sandbox.db.execute(sql.raw("create trigger refuse_boom before insert on bulk_target for each row execute function refuse_boom()"));
    try {
      const groups = [...Array.from({ length: 6_000 }, (_, i) => `aon-${i}`), "boom"];
      await refused(bulkInput("ops", groups, "x"), { message: expect.stringMatching(/storage failed|Failed query/) });
    } finally {
      await sandbox.db.execute(sql.raw("drop trigger refuse_boom on bulk_target"));
      await sandbox.db.execute(sql.raw("drop function refuse_boom()"));
    }
  });

  it("schedules a run: status scheduled with a one-off scheduled item of kind bulk, audited, the dispatcher woken", async () => {
    woken.length = 0;
    const result = await create(bulkInput("ops", ["s-1", "s-2"], "later", { schedule: later(30) }));
    const [run] = await sandbox.db.select().from(bulkSend).where(eq(bulkSend.id, result.id));
    expect(run).toMatchObject({ status: "scheduled" });
    const [item] = await sandbox.db.select().from(scheduledItem).where(eq(scheduledItem.id, run!.scheduledItemId!));
    expect(item).toMatchObject({ kind: "bulk", status: "scheduled", request: { bulkId: result.id }, audienceSize: 2, recurrence: null, approval: "not-required" });
    expect(run!.scheduledFor).toEqual(item!.dueAt);
    expect(woken).toEqual([{ id: item!.id, dueAt: item!.dueAt }]);
    const actions = await sandbox.db.select({ action: auditLog.action, target: auditLog.target }).from(auditLog).where(sql`${auditLog.detail}->>'bulkId' = ${result.id}`).orderBy(auditLog.id);
    expect(actions).toEqual([{ action: "schedule.create", target: "Sandbox / 2 groups" }, { action: "bulk.create", target: "Sandbox / 2 groups" }]);
    expect(await getBulkProgress(sandbox.db, result.id)).toMatchObject({ status: "scheduled", scheduledItemId: item!.id, scheduledFor: item!.dueAt.toISOString(), secondsLeft: null });
    await expect(pauseBulk({ ctx: ctx(), input: { id: result.id } })).rejects.toMatchObject({ key: "bulkErrors.notPausable", values: { status: "scheduled" } });
  });

  it("refuses a repeating schedule and a time in the past, beside the schedule", async () => {
    await refused(bulkInput("ops", ["r-1"], "x", { schedule: { ...later(30), recurrence: { frequency: "daily", weekdays: [], until: "2031-01-01" } } }), { key: "bulkErrors.noRepeat" });
    await refused(bulkInput("ops", ["r-1"], "x", { schedule: later(-30) }), { field: "time", key: "scheduleErrors.past" });
  });

  it("cancelling the scheduled item cancels the run, and cancelling the run cancels its item", async () => {
    const viaItem = await create(bulkInput("ops", ["c-1", "c-2", "c-3"], "x", { schedule: later(10) }));
    const [first] = await sandbox.db.select().from(bulkSend).where(eq(bulkSend.id, viaItem.id));
    await cancelScheduledItem({ ctx: ctx(), input: { id: first!.scheduledItemId!, expectedVersion: 1 } });
    expect(await getBulkProgress(sandbox.db, viaItem.id)).toMatchObject({ status: "cancelled", cancelled: 3, remaining: 0 });
    expect((await targetsOf(sandbox, viaItem.id)).every((t) => t.status === "cancelled")).toBe(true);

    const viaRun = await create(bulkInput("ops", ["c-4"], "x", { schedule: later(10) }));
    const progress = await cancelBulk({ ctx: ctx(), input: { id: viaRun.id } });
    expect(progress).toMatchObject({ status: "cancelled", cancelled: 1, controlledByEmail: "admin@storage.test" });
    const [item] = await sandbox.db.select().from(scheduledItem).where(eq(scheduledItem.id, progress.scheduledItemId!));
    expect(item).toMatchObject({ status: "cancelled", version: 2 });
    const audit = await sandbox.db.select({ action: auditLog.action }).from(auditLog).where(sql`${auditLog.detail}->>'bulkId' = ${viaRun.id}`).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(["schedule.create", "bulk.create", "bulk.cancel", "schedule.cancel"]);
    await expect(recallAllBulk({ ctx: ctx(), input: { id: viaRun.id } })).rejects.toMatchObject({ key: "bulkErrors.nothingToRecall" });
  });

  it("lists runs newest first, page by page", async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      sandbox.clock.advance(1_000);
      ids.push((await create(bulkInput("ops", [`list-${n}`], "x"))).id);
    }
    const first = await listBulkSends(sandbox.db, { limit: 2 });
    expect(first.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    expect(first[0]).toMatchObject({ status: "queued", appName: "Sandbox", total: 1, remaining: 1, createdByEmail: "admin@storage.test", scheduledFor: null });
    const second = await listBulkSends(sandbox.db, { limit: 2, before: first[1]!.id });
    expect(second[0]!.id).toBe(ids[0]);
    expect(await listBulkSends(sandbox.db, { before: "not-an-id" })).toEqual([]);
  });

  it("exports a run as CSV: header first, a row per group in list order, formulas escaped", async () => {
    const { id } = await create(bulkInput("ops", ["=cmd", "plain", "+x"], "x"));
    let text = "";
    for await (const chunk of bulkResultsCsv(sandbox.db, id)) text += chunk;
    const lines = text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("seq,group_id,status,code,zim_message,msg_seq,msg_id,request_id,moderation_reasons,completed_at_utc,recall");
    expect(lines.slice(1)).toEqual([`1,"'=cmd",pending,,,,,,,,`, "2,plain,pending,,,,,,,,", `3,"'+x",pending,,,,,,,,`]);
  });
});
