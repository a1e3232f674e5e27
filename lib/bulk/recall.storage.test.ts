import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/lib/db/schema";
import type { AppAccess } from "@/lib/messages/targets";
import { createDbRateGate } from "@/lib/rate-limit/db-gate";
import { LiveClock } from "@/lib/sandbox/test-support/clock";
import { openSandbox, type TestSandbox } from "@/lib/sandbox/test-support/sandbox";
import { testEngines } from "@/lib/testing/engines";
import { recallAllBulk, retryFailedBulk } from "./control";
import { createBulkSend } from "./create";
import { getBulkProgress } from "./queries";
import type { BulkRunner } from "./runner";
import { bulkContext, bulkInput, limitedSandboxApp, seedGroups, startTestRunner, targetsOf } from "./test-support";

/**
 * "Recall all" against the real sandbox: every delivered group of a run is revoked on the RevokeGroupMessage lane
 * while its window is open, and only then; what the target rows and the sandbox's own record say afterwards.
 */
describe.each(await testEngines())("recalling a bulk send on $name", (engine) => {
  let sandbox: TestSandbox;
  let clock: LiveClock;
  let apps: AppAccess;
  let runner: BulkRunner | undefined;

  beforeAll(async () => {
    clock = new LiveClock();
    sandbox = await openSandbox(engine, clock);
    apps = limitedSandboxApp(sandbox, createDbRateGate(sandbox.db));
  });
  afterAll(async () => {
    await runner?.stop();
    await sandbox.close();
  });

  const ctx = () => bulkContext(sandbox, apps);
  const restartRunner = async () => {
    await runner?.stop();
    runner = await startTestRunner(sandbox, apps);
  };
  /** A completed run to `count` fresh groups; the runner is stopped afterwards, so the test decides when it runs. */
  const completedRun = async (count: number, text: string) => {
    await restartRunner();
    const seeded = await seedGroups(sandbox, count);
    const { id } = await createBulkSend({ ctx: ctx(), input: bulkInput(seeded.sender, seeded.groupIds, text) });
    await expect.poll(async () => (await getBulkProgress(sandbox.db, id))!.status, { timeout: 20_000, interval: 50 }).toBe("completed");
    await runner!.stop();
    runner = undefined;
    return { id, seeded };
  };
  const sandboxRecalled = async (groupId: string) => {
    const response = await sandbox.control.get(`messages?GroupId=${encodeURIComponent(groupId)}`);
    return (response.body.Messages as { Recalled: boolean }[]).map((m) => m.Recalled);
  };

  it("revokes every delivered group while the window is open; one already revoked counts as recalled", { timeout: 60_000 }, async () => {
    const { id, seeded } = await completedRun(12, "to be recalled");
    const [first] = await targetsOf(sandbox, id);
    // Revoked once by hand already: ZIM answers 660000023 to the run's revoke.
    const direct = await sandbox.api("RevokeGroupMessage", { FromUserId: seeded.sender, GroupId: first!.groupId, MsgSeq: first!.msgSeq });
    expect(direct.json?.Code).toBe(0);

    const asked = await recallAllBulk({ ctx: ctx(), input: { id } });
    // All 12 are now waiting for the runner: none is left for another "recall all".
    expect(asked).toMatchObject({ recallState: "running", recallable: 0, delivered: 12 });
    expect((await targetsOf(sandbox, id)).map((t) => t.recallStatus)).toEqual(Array(12).fill("pending"));
    await restartRunner();
    await expect.poll(async () => (await getBulkProgress(sandbox.db, id))!.recallState, { timeout: 20_000, interval: 50 }).toBe("done");

    const targets = await targetsOf(sandbox, id);
    expect(targets.map((t) => t.recallStatus)).toEqual(Array(12).fill("recalled"));
    expect(targets[0]!.recallCode).toBe(660000023);
    expect(targets.slice(1).every((t) => t.recallCode === 0 && t.recallRequestId)).toBe(true);
    for (const g of seeded.groupIds) expect(await sandboxRecalled(g)).toEqual([true]);
    expect((await getBulkProgress(sandbox.db, id))!).toMatchObject({ recallable: 0, recallOpenUntil: null, status: "completed" });
    const audit = await sandbox.db.select().from(auditLog).where(sql`${auditLog.detail}->>'bulkId' = ${id}`).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(["bulk.create", "bulk.complete", "bulk.recall", "bulk.recall.complete"]);
    expect(audit[3]!.detail).toMatchObject({ recalled: 12 });
    await expect(recallAllBulk({ ctx: ctx(), input: { id } })).rejects.toMatchObject({ key: "bulkErrors.nothingToRecall", values: { seconds: 120 } });
    // Retry has nothing to do with a run whose groups were all delivered.
    await expect(retryFailedBulk({ ctx: ctx(), input: { id } })).rejects.toMatchObject({ key: "bulkErrors.nothingToRetry" });
  });

  it("marks a group expired without calling ZIM when its window closed while it waited", { timeout: 60_000 }, async () => {
    const { id, seeded } = await completedRun(5, "too late to recall");
    await recallAllBulk({ ctx: ctx(), input: { id } });
    // The runner comes to them only after the app's 120 s window.
    clock.advance(121_000);
    await restartRunner();
    await expect.poll(async () => (await getBulkProgress(sandbox.db, id))!.recallState, { timeout: 20_000, interval: 50 }).toBe("done");
    const targets = await targetsOf(sandbox, id);
    expect(targets.map((t) => [t.recallStatus, t.recallCode])).toEqual(Array(5).fill(["expired", null]));
    for (const g of seeded.groupIds) expect(await sandboxRecalled(g)).toEqual([false]);
    await expect(recallAllBulk({ ctx: ctx(), input: { id } })).rejects.toMatchObject({ key: "bulkErrors.nothingToRecall" });
  });

  it("refuses to recall a run that is still sending", { timeout: 60_000 }, async () => {
    await restartRunner();
    const seeded = await seedGroups(sandbox, 20);
    const { id } = await createBulkSend({ ctx: ctx(), input: bulkInput(seeded.sender, seeded.groupIds, "not yet") });
    await expect(recallAllBulk({ ctx: ctx(), input: { id } })).rejects.toMatchObject({ key: "bulkErrors.notEnded" });
    await runner!.idle();
  });
});
