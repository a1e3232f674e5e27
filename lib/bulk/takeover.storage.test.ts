import { and, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, bulkSend, bulkTarget } from "@/lib/db/schema";
import type { AppAccess } from "@/lib/messages/targets";
import { createDbRateGate } from "@/lib/rate-limit/db-gate";
import { LiveClock } from "@/lib/sandbox/test-support/clock";
import { openSandbox, type TestSandbox } from "@/lib/sandbox/test-support/sandbox";
import { arrivals, groupMessageTexts } from "@/lib/scheduler/test-support/sandbox-messages";
import { spawnWorker } from "@/lib/scheduler/test-support/worker-process";
import { testEngines } from "@/lib/testing/engines";
import { textMessage } from "@/lib/messages/test-support";
import { claimRun } from "./claim";
import { createBulkSend } from "./create";
import { getBulkProgress } from "./queries";
import { claimNextTarget, recordTargetOutcome } from "./record";
import { bulkContext, bulkInput, countersAndRows, limitedSandboxApp, seedGroups, startTestRunner, targetsOf } from "./test-support";

/**
 * Runners that die: whatever a dead runner had in flight ends "unknown" (it may have arrived) and is never sent
 * again; everything else is sent by the runner that takes the run over, once. Checked against the sandbox's own
 * record of what arrived in each group.
 */
const engines = await testEngines();

describe.each(engines)("taking over a dead runner's bulk send on $name", (engine) => {
  let sandbox: TestSandbox;
  let apps: AppAccess;

  beforeAll(async () => {
    sandbox = await openSandbox(engine, new LiveClock());
    apps = limitedSandboxApp(sandbox, createDbRateGate(sandbox.db));
  });
  afterAll(() => sandbox.close());

  const now = () => sandbox.clock.now();
  /** A run as a runner that is gone left it: claimed under `leaseMs`, `inFlight` groups marked "sending". */
  const abandoned = async (count: number, text: string, inFlight: number, leaseMs: number) => {
    const seeded = await seedGroups(sandbox, count);
    const { id } = await createBulkSend({ ctx: bulkContext(sandbox, apps), input: bulkInput(seeded.sender, seeded.groupIds, text) });
    const dead = `dead-host#1#${id.slice(0, 6)}`;
    const run = await claimRun(sandbox.db, { owner: dead, now: now(), leaseMs, expiredBefore: now() });
    expect(run).toMatchObject({ id, status: "running", leaseOwner: dead });
    const claimed = [];
    for (let i = 0; i < inFlight; i++) claimed.push((await claimNextTarget(sandbox.db, { id, owner: dead, now: now() }))!);
    return { id, seeded, dead, claimed, leaseUntil: run!.leaseUntil! };
  };
  const receivedOf = async (groupIds: string[], text: string) => {
    const received = new Map<string, number>();
    for (const g of groupIds) received.set(g, arrivals(await groupMessageTexts(sandbox.control, g)).get(text) ?? 0);
    return received;
  };

  it("marks the dead runner's in-flight groups unknown once its lease ran out, and sends every other group once", { timeout: 60_000 }, async () => {
    const { id, seeded, dead, claimed } = await abandoned(20, "after a crash", 3, 300);
    // One of the three had reached ZIM before the runner died; the other two had not.
    const arrived = await apps.client(await apps.resolve("sandbox")).sendGroupMessage(textMessage(seeded.sender, claimed[0]!.groupId, "after a crash"));
    expect(arrived.kind).toBe("accepted");

    const runner = await startTestRunner(sandbox, apps);
    try {
      await expect.poll(async () => (await getBulkProgress(sandbox.db, id))!.status, { timeout: 20_000, interval: 50 }).toBe("completed");
    } finally {
      await runner.stop();
    }
    const targets = await targetsOf(sandbox, id);
    const unknown = targets.filter((t) => t.status === "unknown");
    expect(unknown.map((t) => [t.seq, t.attempts, t.failure?.reason])).toEqual(claimed.map((c) => [c.seq, 1, "interrupted"]));
    expect(targets.filter((t) => t.status === "delivered")).toHaveLength(17);
    const received = await receivedOf(seeded.groupIds, "after a crash");
    for (const t of targets) expect(received.get(t.groupId), t.groupId).toBe(t.status === "delivered" || t.seq === claimed[0]!.seq ? 1 : 0);
    const { counters, rows } = await countersAndRows(sandbox, id);
    expect(counters).toEqual(rows);
    const [takeover] = await sandbox.db.select().from(auditLog).where(and(eq(auditLog.action, "bulk.takeover"), sql`${auditLog.detail}->>'bulkId' = ${id}`));
    expect(takeover).toMatchObject({ outcome: "failure", detail: { previousRunner: dead, runner: runner.id, unknownGroups: 3 } });
  });

  it("records a late real answer over the \"unknown\" a takeover wrote, and counts it once", async () => {
    const { id, seeded, claimed } = await abandoned(2, "late answer", 1, 60_000);
    const target = claimed[0]!;
    const outcome = await apps.client(await apps.resolve("sandbox")).sendGroupMessage(textMessage(seeded.sender, target.groupId, "late answer"));
    // Another runner takes over before the answer is recorded (here: with every lease, as a PGlite start does).
    await claimRun(sandbox.db, { owner: "successor#2#000000", now: now(), leaseMs: 60_000, expiredBefore: new Date("9999-01-01") });
    expect((await countersAndRows(sandbox, id)).counters).toMatchObject({ unknown: 1, delivered: 0 });

    expect(await recordTargetOutcome(sandbox.db, id, target, outcome, { now: now(), again: false })).toBe("delivered");
    const [row] = await sandbox.db.select().from(bulkTarget).where(and(eq(bulkTarget.bulkId, id), eq(bulkTarget.seq, target.seq)));
    expect(row).toMatchObject({ status: "delivered", code: 0, attempts: 1, failure: null });
    const { counters, rows } = await countersAndRows(sandbox, id);
    expect(counters).toEqual(rows);
    expect(counters).toMatchObject({ unknown: 0, delivered: 1 });
    // A second record of the same attempt changes nothing.
    expect(await recordTargetOutcome(sandbox.db, id, target, outcome, { now: now(), again: false })).toBeUndefined();
  });

  it("on a PGlite start takes every lease over at once, without waiting for it to run out", { timeout: 30_000 }, async () => {
    const { id, claimed, leaseUntil } = await abandoned(5, "at start", 1, 60_000);
    const runner = await startTestRunner(sandbox, apps, { startupTakesEveryLease: true });
    try {
      await expect.poll(async () => (await getBulkProgress(sandbox.db, id))!.status, { timeout: 20_000, interval: 50 }).toBe("completed");
    } finally {
      await runner.stop();
    }
    expect(now().getTime()).toBeLessThan(leaseUntil.getTime());
    const targets = await targetsOf(sandbox, id);
    expect(targets.map((t) => t.status)).toEqual(targets.map((t) => (t.seq === claimed[0]!.seq ? "unknown" : "delivered")));
    const [run] = await sandbox.db.select().from(bulkSend).where(eq(bulkSend.id, id));
    expect(run).toMatchObject({ leaseOwner: null, leaseUntil: null });
  });
});

// PostgreSQL only: PGlite's data folder belongs to one process.
const postgres = engines.find((e) => e.name === "postgres");

describe.skipIf(!postgres)("a worker process killed with SIGKILL in the middle of a bulk send", () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await openSandbox(postgres!, new LiveClock());
  });
  afterAll(() => sandbox.close());

  it("every group receives the message exactly once or is marked unknown; nothing is left pending; counters equal the rows", { timeout: 120_000 }, async () => {
    const apps = limitedSandboxApp(sandbox, createDbRateGate(sandbox.db));
    const seeded = await seedGroups(sandbox, 60);
    // Each message is carried out on arrival but answered 3 s later: requests hang "in flight".
    await sandbox.control.put("faults", { Action: "SendGroupMessage", LatencyMs: 3_000, AfterProcessing: true });
    const databaseUrl = (sandbox.jobEngineConnection as { connectionString: string }).connectionString;
    const worker = await spawnWorker({ databaseUrl, sandboxUrl: sandbox.url, leaseMs: 2_000 });
    const { id } = await createBulkSend({ ctx: bulkContext(sandbox, apps), input: bulkInput(seeded.sender, seeded.groupIds, "through a crash") });

    const inFlight = () =>
      sandbox.db
        .select({ seq: bulkTarget.seq })
        .from(bulkTarget)
        .innerJoin(bulkSend, eq(bulkSend.id, bulkTarget.bulkId))
        .where(and(eq(bulkTarget.bulkId, id), eq(bulkTarget.status, "sending"), like(bulkSend.leaseOwner, `%#${worker.pid}#%`)));
    await expect.poll(async () => (await inFlight()).length, { timeout: 60_000, interval: 50, message: worker.output() }).toBeGreaterThan(0);
    worker.child.kill("SIGKILL");
    expect(await worker.exited).toBe("SIGKILL");
    const killedInFlight = (await inFlight()).map((t) => t.seq);
    expect(killedInFlight.length).toBeGreaterThan(0);
    await sandbox.control.delete("faults");

    const runner = await startTestRunner(sandbox, apps);
    try {
      await expect.poll(async () => (await getBulkProgress(sandbox.db, id))!.status, { timeout: 60_000, interval: 100 }).toBe("completed");
    } finally {
      await runner.stop();
    }
    const targets = await targetsOf(sandbox, id);
    const received = new Map<string, number>();
    for (const g of seeded.groupIds) received.set(g, arrivals(await groupMessageTexts(sandbox.control, g)).get("through a crash") ?? 0);
    for (const t of targets) {
      expect(["delivered", "unknown"], `${t.groupId}`).toContain(t.status);
      if (t.status === "delivered") expect(received.get(t.groupId), t.groupId).toBe(1);
      else expect(received.get(t.groupId), t.groupId).toBeLessThanOrEqual(1);
    }
    // What the dead worker had in flight is unknown, sent once, never again.
    for (const seq of killedInFlight) {
      expect(targets.find((t) => t.seq === seq)).toMatchObject({ status: "unknown", attempts: 1, failure: { reason: "interrupted" } });
    }
    const { counters, rows, byStatus } = await countersAndRows(sandbox, id);
    expect(counters).toEqual(rows);
    expect([byStatus.pending ?? 0, byStatus.sending ?? 0]).toEqual([0, 0]);
    expect(counters.delivered + counters.unknown).toBe(60);
  });
});
