import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closedPort, sandboxApp } from "@/lib/messages/test-support";
import type { AppAccess } from "@/lib/messages/targets";
import { createDbRateGate } from "@/lib/rate-limit/db-gate";
import { rateLimitedClient } from "@/lib/rate-limit/limited-client";
import { LiveClock } from "@/lib/sandbox/test-support/clock";
import { openSandbox, type TestSandbox } from "@/lib/sandbox/test-support/sandbox";
import { arrivals, groupMessageTexts } from "@/lib/scheduler/test-support/sandbox-messages";
import { testEngines } from "@/lib/testing/engines";
import { retryFailedBulk } from "./control";
import { createBulkSend } from "./create";
import { getBulkProgress } from "./queries";
import type { BulkRunner } from "./runner";
import { bulkContext, bulkInput, countersAndRows, limitedSandboxApp, seedGroups, startTestRunner, targetsOf } from "./test-support";

/**
 * Upstream faults injected in the sandbox (its fault table) during a run: every group ends with the outcome its
 * fault calls for, and no group ever receives the message twice — checked against the sandbox's own record.
 */
describe.each(await testEngines())("bulk runs under upstream faults on $name", (engine) => {
  let sandbox: TestSandbox;
  let runner: BulkRunner | undefined;

  beforeAll(async () => {
    sandbox = await openSandbox(engine, new LiveClock());
  });
  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
    await sandbox.control.delete("faults");
  });
  afterAll(() => sandbox.close());

  /** Runs `count` fresh groups through a runner on `apps` to the end; answers the targets and the arrivals per group. */
  const run = async (count: number, text: string, apps: AppAccess = limitedSandboxApp(sandbox, createDbRateGate(sandbox.db))) => {
    runner = await startTestRunner(sandbox, apps);
    const seeded = await seedGroups(sandbox, count);
    const { id } = await createBulkSend({ ctx: bulkContext(sandbox, apps), input: bulkInput(seeded.sender, seeded.groupIds, text) });
    await expect.poll(async () => (await getBulkProgress(sandbox.db, id))!.status, { timeout: 45_000, interval: 100 }).toBe("completed");
    await runner.idle();
    const received = new Map<string, number>();
    for (const g of seeded.groupIds) received.set(g, arrivals(await groupMessageTexts(sandbox.control, g)).get(text) ?? 0);
    const targets = await targetsOf(sandbox, id);
    // Whatever the fault: at most one arrival per group, delivered means exactly one, a refusal means none, and the
    // counters agree with the rows.
    for (const t of targets) {
      const n = received.get(t.groupId)!;
      expect(n, `${t.groupId} (${t.status})`).toBeLessThanOrEqual(1);
      if (t.status === "delivered") expect(n, t.groupId).toBe(1);
      if (t.status === "rejected" || t.status === "not-sent" || t.status === "rate-limited") expect(n, t.groupId).toBe(0);
    }
    const { counters, rows, byStatus } = await countersAndRows(sandbox, id);
    expect(counters).toEqual(rows);
    expect(byStatus.pending ?? 0).toBe(0);
    expect(byStatus.sending ?? 0).toBe(0);
    return { id, targets, received, apps };
  };
  const fault = async (body: Record<string, unknown>) => expect((await sandbox.control.put("faults", { Action: "SendGroupMessage", ...body })).status).toBe(200);
  const statuses = (targets: { status: string }[]) => targets.reduce<Record<string, number>>((m, t) => ({ ...m, [t.status]: (m[t.status] ?? 0) + 1 }), {});

  it("slow answers: every group delivered once", { timeout: 60_000 }, async () => {
    await fault({ LatencyMs: 1_000 });
    const { targets } = await run(10, "slow answers");
    expect(statuses(targets)).toEqual({ delivered: 10 });
  });

  it("5xx before processing: those groups end unknown (D1) and received nothing; the rest delivered", { timeout: 60_000 }, async () => {
    await fault({ Effect: "http-error", HttpStatus: 503, AfterProcessing: false, Times: 3 });
    const { targets, received } = await run(10, "503 before");
    expect(statuses(targets)).toEqual({ delivered: 7, unknown: 3 });
    for (const t of targets.filter((t) => t.status === "unknown")) {
      expect(t.failure).toMatchObject({ reason: "http-status" });
      expect(received.get(t.groupId)).toBe(0);
    }
  });

  it("5xx after processing: those groups end unknown, each received it once, none twice", { timeout: 60_000 }, async () => {
    await fault({ Effect: "http-error", HttpStatus: 502, AfterProcessing: true, Times: 3 });
    const { targets, received } = await run(10, "502 after");
    expect(statuses(targets)).toEqual({ delivered: 7, unknown: 3 });
    for (const t of targets.filter((t) => t.status === "unknown")) expect([t.attempts, received.get(t.groupId)]).toEqual([1, 1]);
  });

  it("dropped connections before and after processing: unknown, never sent again", { timeout: 60_000 }, async () => {
    await fault({ Effect: "drop", AfterProcessing: false, Times: 2 });
    const before = await run(10, "dropped before");
    expect(statuses(before.targets)).toEqual({ delivered: 8, unknown: 2 });
    expect(before.targets.filter((t) => t.status === "unknown").map((t) => before.received.get(t.groupId))).toEqual([0, 0]);
    await runner!.stop();
    await fault({ Effect: "drop", AfterProcessing: true, Times: 2 });
    const after = await run(10, "dropped after");
    expect(statuses(after.targets)).toEqual({ delivered: 8, unknown: 2 });
    expect(after.targets.filter((t) => t.status === "unknown").map((t) => [t.attempts, after.received.get(t.groupId)])).toEqual([[1, 1], [1, 1]]);
    // Retry never takes "unknown" ones: they may have arrived.
    await expect(retryFailedBulk({ ctx: bulkContext(sandbox, after.apps), input: { id: after.id } })).rejects.toMatchObject({ key: "bulkErrors.nothingToRetry" });
  });

  it("frequency codes: the lane is held off, the groups go again, and each arrives exactly once", { timeout: 60_000 }, async () => {
    await fault({ Effect: "code", Code: 660300005, Times: 8 });
    const { targets } = await run(10, "after frequency codes");
    expect(statuses(targets)).toEqual({ delivered: 10 });
  });

  it("a frequency code on every call: each group is claimed a bounded number of times, then rate-limited; retry sends it once the limit clears", { timeout: 60_000 }, async () => {
    await fault({ Effect: "code", Code: 660300005 });
    const gate = createDbRateGate(sandbox.db);
    const plain = sandboxApp(sandbox);
    // No client-side retries and a short hold-off, so the runner's own bound is what the test sees.
    const apps: AppAccess = { resolve: plain.resolve, client: (app) => rateLimitedClient(plain.client(app), app, gate, { retries: 0, holdOffMs: 50 }) };
    const { id, targets } = await run(3, "never under the limit", apps);
    expect(targets.map((t) => [t.status, t.code, t.attempts])).toEqual(Array(3).fill(["rate-limited", 660300005, 4]));
    await sandbox.control.delete("faults");
    await retryFailedBulk({ ctx: bulkContext(sandbox, apps), input: { id } });
    await expect.poll(async () => (await getBulkProgress(sandbox.db, id))!.status, { timeout: 20_000, interval: 100 }).toBe("completed");
    const after = await targetsOf(sandbox, id);
    expect(after.map((t) => [t.status, t.attempts])).toEqual(Array(3).fill(["delivered", 5]));
    for (const t of after) expect(await groupMessageTexts(sandbox.control, t.groupId)).toEqual(["never under the limit"]);
  });

  it("a connection that never opens: retried with back-off, then not sent", { timeout: 60_000 }, async () => {
    const plain = sandboxApp(sandbox, { baseUrl: `http://127.0.0.1:${await closedPort()}` });
    const gate = createDbRateGate(sandbox.db);
    const apps: AppAccess = { resolve: plain.resolve, client: (app) => rateLimitedClient(plain.client(app), app, gate) };
    const started = Date.now();
    const { targets } = await run(2, "nowhere to go", apps);
    expect(targets.map((t) => [t.status, t.attempts, t.failure?.reason])).toEqual(Array(2).fill(["not-sent", 4, "connection-failed"]));
    // The run backed off 0.5, 1 and 2 seconds between the four attempts.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_500);
  });
});
