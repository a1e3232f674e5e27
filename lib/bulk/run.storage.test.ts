import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/lib/db/schema";
import type { AppAccess } from "@/lib/messages/targets";
import { LiveClock } from "@/lib/sandbox/test-support/clock";
import { openSandbox, type TestSandbox } from "@/lib/sandbox/test-support/sandbox";
import { testEngines } from "@/lib/testing/engines";
import { cancelBulk, pauseBulk, resumeBulk, retryFailedBulk } from "./control";
import { createBulkSend } from "./create";
import { getBulkProgress, listBulkTargets } from "./queries";
import type { BulkRunner } from "./runner";
import { bulkContext, bulkInput, countersAndRows, createGroup, inboxTexts, limitedSandboxApp, seedGroups, startTestRunner, targetsOf } from "./test-support";
import { createDbRateGate } from "@/lib/rate-limit/db-gate";

/**
 * Bulk runs against the real sandbox over HTTP, through the shared call limiter, on a clock that runs with real
 * time (the sandbox's 10-per-second limit is real): what reaches every group's inbox, what the target rows, the
 * counters and the audit trail say, and how pause, resume, cancel and retry act on a run.
 */
describe.each(await testEngines())("bulk runs on $name", (engine) => {
  let sandbox: TestSandbox;
  let apps: AppAccess;
  let runner: BulkRunner;

  beforeAll(async () => {
    sandbox = await openSandbox(engine, new LiveClock());
    apps = limitedSandboxApp(sandbox, createDbRateGate(sandbox.db));
    runner = await startTestRunner(sandbox, apps);
  });
  afterAll(async () => {
    await runner.stop();
    await sandbox.close();
  });
  afterEach(async () => {
    await runner.idle();
  });

  const ctx = () => bulkContext(sandbox, apps);
  const create = async (...args: Parameters<typeof bulkInput>) => (await createBulkSend({ ctx: ctx(), input: bulkInput(...args) })).id;
  const statusOf = async (id: string) => (await getBulkProgress(sandbox.db, id))!.status;
  const waitFor = (id: string, check: (p: NonNullable<Awaited<ReturnType<typeof getBulkProgress>>>) => boolean, timeout = 30_000) =>
    expect.poll(async () => check((await getBulkProgress(sandbox.db, id))!), { timeout, interval: 50 }).toBe(true);
  const auditOf = (id: string) => sandbox.db.select().from(auditLog).where(sql`${auditLog.detail}->>'bulkId' = ${id}`).orderBy(auditLog.id);

  it("sends 60 groups to completion at the app's limit: each inbox has the message once, counters match the rows", { timeout: 60_000 }, async () => {
    const seeded = await seedGroups(sandbox, 60);
    const calls = async () => ((await sandbox.control.get("stats")).body.Actions as Record<string, { Accepted: number; RateLimited: number }>).SendGroupMessage ?? { Accepted: 0, RateLimited: 0 };
    const before = await calls();
    const started = Date.now();
    const id = await create(seeded.sender, seeded.groupIds, "to sixty groups");
    await waitFor(id, (p) => p.status === "running" && p.delivered > 0);
    await waitFor(id, (p) => p.status === "completed");
    const elapsed = Date.now() - started;

    for (const group of seeded.groups) expect(await inboxTexts(sandbox, group)).toEqual(["to sixty groups"]);
    const targets = await targetsOf(sandbox, id);
    expect(targets.map((t) => t.groupId)).toEqual(seeded.groupIds);
    expect(targets.every((t) => t.status === "delivered" && t.code === 0 && t.msgSeq === 1 && t.attempts === 1 && t.completedAt !== null)).toBe(true);
    const progress = (await getBulkProgress(sandbox.db, id))!;
    expect(progress).toMatchObject({ total: 60, delivered: 60, failed: 0, unknown: 0, remaining: 0, allowedRate: 10, secondsLeft: null, recallable: 60 });
    expect(progress.currentRate).toBeGreaterThan(0);
    expect(progress.startedAt).not.toBeNull();
    expect(progress.finishedAt).not.toBeNull();
    const { counters, rows } = await countersAndRows(sandbox, id);
    expect(counters).toEqual(rows);
    // Ten per second, never over: 60 groups need more than five seconds, and ZIM refused none for frequency.
    expect(elapsed).toBeGreaterThanOrEqual(5_000);
    const after = await calls();
    expect([after.Accepted - before.Accepted, after.RateLimited - before.RateLimited]).toEqual([60, 0]);
    expect((await auditOf(id)).map((a) => [a.action, a.actorEmail !== null])).toEqual([["bulk.create", true], ["bulk.complete", false]]);
    // The result table pages in list order.
    const first = await listBulkTargets(sandbox.db, id, {}, 25);
    expect(first.rows.map((r) => r.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const second = await listBulkTargets(sandbox.db, id, { afterSeq: first.nextAfterSeq }, 50);
    expect(second.rows.map((r) => r.seq)).toEqual(Array.from({ length: 35 }, (_, i) => i + 26));
    expect(second.nextAfterSeq).toBeUndefined();
  });

  it("pauses a run (groups in flight finish, nothing more goes out), resumes it where it stopped, and completes", { timeout: 60_000 }, async () => {
    const seeded = await seedGroups(sandbox, 30);
    const id = await create(seeded.sender, seeded.groupIds, "paused and resumed");
    await waitFor(id, (p) => p.delivered >= 10);
    const paused = await pauseBulk({ ctx: ctx(), input: { id } });
    expect(paused.status).toBe("paused");
    await runner.idle();
    const halted = (await getBulkProgress(sandbox.db, id))!;
    expect(halted).toMatchObject({ status: "paused", secondsLeft: null });
    expect(halted.remaining).toBeGreaterThan(0);
    expect((await countersAndRows(sandbox, id)).byStatus.sending).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect((await getBulkProgress(sandbox.db, id))!.delivered).toBe(halted.delivered);
    // Back in line, or already taken by the runner the verb woke.
    expect(["queued", "running"]).toContain((await resumeBulk({ ctx: ctx(), input: { id } })).status);
    await expect(pauseBulk({ ctx: ctx(), input: { id } }).then(() => resumeBulk({ ctx: ctx(), input: { id } }))).resolves.toBeDefined();
    await waitFor(id, (p) => p.status === "completed");
    for (const group of seeded.groups) expect(await inboxTexts(sandbox, group)).toEqual(["paused and resumed"]);
    const { counters, rows } = await countersAndRows(sandbox, id);
    expect(counters).toEqual({ ...rows, delivered: 30 });
    const actions = (await auditOf(id)).map((a) => a.action);
    expect(actions).toEqual(["bulk.create", "bulk.pause", "bulk.resume", "bulk.pause", "bulk.resume", "bulk.complete"]);
    await expect(resumeBulk({ ctx: ctx(), input: { id } })).rejects.toMatchObject({ key: "bulkErrors.notPaused", values: { status: "completed" } });
    await expect(pauseBulk({ ctx: ctx(), input: { id } })).rejects.toMatchObject({ key: "bulkErrors.notPausable" });
  });

  it("cancels a run: groups not started are cancelled and never receive it, the rest arrived once", { timeout: 60_000 }, async () => {
    const seeded = await seedGroups(sandbox, 30);
    const id = await create(seeded.sender, seeded.groupIds, "cancelled midway");
    await waitFor(id, (p) => p.delivered >= 5);
    await cancelBulk({ ctx: ctx(), input: { id } });
    await runner.idle();
    const progress = (await getBulkProgress(sandbox.db, id))!;
    expect(progress.status).toBe("cancelled");
    expect(progress.cancelled).toBeGreaterThan(0);
    expect(progress.delivered + progress.cancelled).toBe(30);
    expect(progress.remaining).toBe(0);
    const targets = await targetsOf(sandbox, id);
    for (const [i, group] of seeded.groups.entries()) {
      expect(await inboxTexts(sandbox, group)).toEqual(targets[i]!.status === "delivered" ? ["cancelled midway"] : []);
    }
    const { counters, rows } = await countersAndRows(sandbox, id);
    expect(counters).toEqual(rows);
    await expect(cancelBulk({ ctx: ctx(), input: { id } })).rejects.toMatchObject({ key: "bulkErrors.notCancellable", values: { status: "cancelled" } });
    await expect(cancelBulk({ ctx: ctx(), input: { id: "7d0c3f4e-0000-4000-8000-000000000000" } })).rejects.toMatchObject({ key: "bulkErrors.notFound" });
  });

  it("retries the failed groups only: groups created after the run get it, delivered ones are left alone", { timeout: 60_000 }, async () => {
    const seeded = await seedGroups(sandbox, 12);
    const missing = Array.from({ length: 6 }, (_, i) => ({ groupId: `${seeded.groupIds[0]}-m${i}`, reader: `${seeded.groups[0]!.reader}-m${i}` }));
    const all = [...seeded.groupIds.slice(0, 6), ...missing.map((m) => m.groupId), ...seeded.groupIds.slice(6)];
    const id = await create(seeded.sender, all, "retry the failed");
    await waitFor(id, (p) => p.status === "completed");
    const first = await targetsOf(sandbox, id);
    const failed = first.filter((t) => t.status !== "delivered");
    expect(failed.map((t) => [t.groupId, t.status, t.code])).toEqual(missing.map((m) => [m.groupId, "rejected", 660600001]));
    expect((await getBulkProgress(sandbox.db, id))!).toMatchObject({ delivered: 12, failed: 6 });
    expect((await listBulkTargets(sandbox.db, id, { status: "failed" })).rows.map((r) => r.groupId)).toEqual(missing.map((m) => m.groupId));
    expect((await listBulkTargets(sandbox.db, id, { code: 660600001 })).rows).toHaveLength(6);

    for (const m of missing) await createGroup(sandbox, m.groupId, seeded.sender, m.reader);
    const retried = await retryFailedBulk({ ctx: ctx(), input: { id } });
    expect(retried).toMatchObject({ failed: 0, remaining: 6 });
    expect(["queued", "running"]).toContain(retried.status);
    await waitFor(id, (p) => p.status === "completed");
    const after = await targetsOf(sandbox, id);
    expect(after.every((t) => t.status === "delivered")).toBe(true);
    for (const t of after) {
      const before = first.find((f) => f.seq === t.seq)!;
      // Delivered ones untouched: same attempt, same answer; the failed ones went a second time.
      if (before.status === "delivered") expect([t.attempts, t.msgId, t.completedAt]).toEqual([1, before.msgId, before.completedAt]);
      else expect(t.attempts).toBe(2);
    }
    for (const group of [...seeded.groups, ...missing]) expect(await inboxTexts(sandbox, group)).toEqual(["retry the failed"]);
    const { counters, rows } = await countersAndRows(sandbox, id);
    expect(counters).toEqual({ ...rows, delivered: 18 });
    await expect(retryFailedBulk({ ctx: ctx(), input: { id } })).rejects.toMatchObject({ key: "bulkErrors.nothingToRetry" });
    const audit = await sandbox.db.select().from(auditLog).where(and(eq(auditLog.action, "bulk.retry"), sql`${auditLog.detail}->>'bulkId' = ${id}`));
    expect(audit.map((a) => a.detail?.groups)).toEqual([6]);
  });

  it("refuses to retry a run that is still going", { timeout: 30_000 }, async () => {
    const seeded = await seedGroups(sandbox, 15);
    const id = await create(seeded.sender, seeded.groupIds, "still going");
    await expect(retryFailedBulk({ ctx: ctx(), input: { id } })).rejects.toMatchObject({ key: "bulkErrors.notEnded" });
    await waitFor(id, (p) => p.status === "completed");
    expect(await statusOf(id)).toBe("completed");
  });
});
