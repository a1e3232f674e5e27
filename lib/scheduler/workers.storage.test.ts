import { and, eq, inArray, like } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/lib/db/open";
import { messageSend, scheduledItem, scheduledRun, type ScheduledItemRow } from "@/lib/db/schema";
import { textMessage } from "@/lib/messages/test-support";
import { startSandboxServer, type RunningSandbox } from "@/lib/sandbox/server";
import { controlClient, type ControlClient } from "@/lib/sandbox/test-support/control";
import { seedGroup, TEST_APP_ID, TEST_SECRET } from "@/lib/sandbox/test-support/sandbox";
import { testEngines, TEST_DATABASE_URL } from "@/lib/testing/engines";
import { startJobEngine } from "./engine";
import { createSchedulerQueues, jobWaker } from "./jobs";
import { groupItem, insertItems, unsettledCount } from "./test-support/items";
import { arrivals, groupMessageTexts } from "./test-support/sandbox-messages";
import { spawnWorker, type WorkerProcess } from "./test-support/worker-process";

// PostgreSQL only: PGlite's data folder belongs to one process. Unreachable PostgreSQL skips these, unless
// REQUIRE_POSTGRES=1, which makes testEngines() throw and the file fail.
const postgres = (await testEngines()).find((e) => e.name === "postgres");
const SKIP_REASON = `skipped: PostgreSQL is not reachable at ${TEST_DATABASE_URL} (REQUIRE_POSTGRES=1 makes this fail)`;

/**
 * `npm run worker` processes against one PostgreSQL database and one sandbox server: real processes, real HTTP,
 * and the sandbox's own record of what arrived. Each item must arrive exactly once, whatever the other worker
 * does — including dying with SIGKILL in the middle of a request.
 */
describe.skipIf(!postgres)(`dispatcher processes on PostgreSQL${postgres ? "" : ` (${SKIP_REASON})`}`, () => {
  let opened: OpenDatabase & { dispose(): Promise<void> };
  let databaseUrl: string;
  let server: RunningSandbox;
  let control: ControlClient;
  let boss: PgBoss;
  let workers: WorkerProcess[] = [];

  beforeAll(async () => {
    opened = await postgres!.open();
    databaseUrl = (opened.jobEngineConnection as { connectionString: string }).connectionString;
    server = await startSandboxServer({ db: opened.db, appId: TEST_APP_ID, serverSecret: TEST_SECRET });
    control = controlClient(server.url);
    // The test queues wake-ups as the scheduling verbs do: through the job engine's table.
    boss = await startJobEngine(opened);
    await createSchedulerQueues(boss);
  });
  afterEach(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    workers = [];
    await control.delete("faults");
  });
  afterAll(async () => {
    await boss.stop({ graceful: false, wait: true });
    await server.close();
    await opened.dispose();
  });

  const db = () => opened.db;
  const startWorkers = async (leaseMs: number) => {
    workers = await Promise.all([1, 2].map(() => spawnWorker({ databaseUrl, sandboxUrl: server.url, leaseMs })));
  };
  /** Items due shortly, each with its wake-up job, as the scheduling verbs leave them. */
  const schedule = async (sender: string, groupId: string, texts: string[], inMs: number): Promise<ScheduledItemRow[]> => {
    const dueAt = new Date(Date.now() + inMs);
    const items = await insertItems(db(), texts.map((t) => groupItem(textMessage(sender, groupId, t), dueAt)));
    const waker = jobWaker(boss);
    for (const item of items) await waker.wake({ id: item.id, version: item.version, dueAt });
    return items;
  };
  const statusesOf = async (ids: string[]) =>
    new Map((await db().select({ id: scheduledItem.id, status: scheduledItem.status }).from(scheduledItem).where(inArray(scheduledItem.id, ids))).map((r) => [r.id, r.status]));

  it("two workers and 500 due items: each arrives exactly once and every item is sent", { timeout: 240_000 }, async () => {
    const g = await seedGroup({ control }, { reader: { Online: true } });
    await startWorkers(5_000);
    const texts = Array.from({ length: 500 }, (_, i) => `item ${i}`);
    const items = await schedule(g.sender, g.groupId, texts, 2_000);
    const ids = items.map((i) => i.id);
    await expect
      .poll(() => unsettledCount(db(), ids), { timeout: 200_000, interval: 1_000, message: workers.map((w) => w.output()).join("\n") })
      .toBe(0);

    const counts = arrivals(await groupMessageTexts(control, g.groupId));
    expect(texts.filter((t) => counts.get(t) !== 1)).toEqual([]);
    expect(counts.size).toBe(500);
    expect([...(await statusesOf(ids)).values()].every((s) => s === "sent")).toBe(true);
    const sends = await db().select({ id: messageSend.id }).from(messageSend).where(inArray(messageSend.scheduledItemId, ids));
    expect(sends).toHaveLength(500);
    // Both processes took part: the work was shared, not merely survived.
    const dispatchers = await db().selectDistinct({ d: scheduledRun.dispatcher }).from(scheduledRun).where(inArray(scheduledRun.itemId, ids));
    expect(dispatchers).toHaveLength(2);
  });

  it("a worker killed with SIGKILL mid-request: its in-flight items end unknown, nothing arrives twice, the survivor sends the rest", { timeout: 180_000 }, async () => {
    const g = await seedGroup({ control }, { reader: { Online: true } });
    // Every SendGroupMessage is carried out at once but answered 4 s later: requests hang "in flight".
    await control.put("faults", { Action: "SendGroupMessage", LatencyMs: 4_000, AfterProcessing: true });
    const leaseMs = 2_000;
    await startWorkers(leaseMs);
    const texts = Array.from({ length: 60 }, (_, i) => `drill ${i}`);
    const items = await schedule(g.sender, g.groupId, texts, 1_000);
    const ids = items.map((i) => i.id);

    // In flight: the item is "sending" and so is its send row, committed just before the request left.
    const inFlight = async () =>
      db()
        .select({ id: scheduledItem.id, owner: scheduledItem.leaseOwner })
        .from(scheduledItem)
        .innerJoin(messageSend, eq(messageSend.scheduledItemId, scheduledItem.id))
        .where(and(inArray(scheduledItem.id, ids), eq(scheduledItem.status, "sending"), eq(messageSend.status, "sending")));
    await expect.poll(async () => (await inFlight()).length, { timeout: 30_000, interval: 50 }).toBeGreaterThan(0);
    const victimOwner = (await inFlight())[0]!.owner!;
    const victim = workers.find((w) => victimOwner.includes(`#${w.pid}#`))!;
    victim.child.kill("SIGKILL");
    expect(await victim.exited).toBe("SIGKILL");
    // What the dead worker held: items whose request had left (send row committed "sending"), and items marked
    // "sending" whose send row it had not written yet (nothing left: they must be sent by the survivor).
    const held = await db()
      .select({ id: scheduledItem.id, send: messageSend.status })
      .from(scheduledItem)
      .leftJoin(messageSend, eq(messageSend.scheduledItemId, scheduledItem.id))
      .where(and(inArray(scheduledItem.id, ids), eq(scheduledItem.status, "sending"), like(scheduledItem.leaseOwner, `%#${victim.pid}#%`)));
    const killedInFlight = held.filter((h) => h.send === "sending").map((h) => h.id);
    const killedBeforeRequest = held.filter((h) => h.send === null).map((h) => h.id);
    expect(killedInFlight.length).toBeGreaterThan(0);

    await expect
      .poll(() => unsettledCount(db(), ids), { timeout: 120_000, interval: 500, message: workers.map((w) => w.output()).join("\n") })
      .toBe(0);

    const counts = arrivals(await groupMessageTexts(control, g.groupId));
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const statuses = await statusesOf(ids);
    for (const id of killedInFlight) expect(statuses.get(id)).toBe("unknown");
    for (const id of killedBeforeRequest) expect(statuses.get(id)).toBe("sent");
    const unknown = ids.filter((id) => statuses.get(id) === "unknown");
    const sent = ids.filter((id) => statuses.get(id) === "sent");
    expect(unknown.length + sent.length).toBe(60);
    // Every unknown one is the dead worker's: its send row was left "sending" and the sweep called it interrupted.
    const unknownRuns = await db().select().from(scheduledRun).where(inArray(scheduledRun.itemId, unknown.length ? unknown : [ids[0]!]));
    expect(unknownRuns.filter((r) => r.status === "unknown").every((r) => String(r.detail?.dispatcher).includes(`#${victim.pid}#`))).toBe(true);
    const unknownSends = unknown.length ? await db().select().from(messageSend).where(inArray(messageSend.scheduledItemId, unknown)) : [];
    expect(unknownSends.every((s) => s.status === "unknown" && s.failure?.reason === "interrupted" && s.attempts === 1)).toBe(true);
    // All the others went out, once each, through the survivor or before the kill.
    const textOf = new Map(items.map((i) => [i.id, (i.request.MessageBody as { Message: string }).Message]));
    expect(sent.filter((id) => counts.get(textOf.get(id)!) !== 1)).toEqual([]);
  });
});
