import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/lib/db/rows";
import { rateSlot } from "@/lib/db/schema";
import { closedPort, sandboxApp, textMessage } from "@/lib/messages/test-support";
import type { ResolvedTarget } from "@/lib/messages/targets";
import { LiveClock } from "@/lib/sandbox/test-support/clock";
import { openSandbox, seedGroup, type TestSandbox } from "@/lib/sandbox/test-support/sandbox";
import { testEngines } from "@/lib/testing/engines";
import type { ZimClient } from "@/lib/zim/client";
import { createDbRateGate, laneKey } from "./db-gate";
import { rateLimitedClient } from "./limited-client";
import type { Lane } from "./types";

/**
 * The shared call limiter against the sandbox's real 10-per-second SendGroupMessage limit, over HTTP, on a clock
 * that runs with real time: what the sandbox refuses without it, and that it refuses nothing with it.
 */
describe.each(await testEngines())("the database call limiter on $name", (engine) => {
  let sandbox: TestSandbox;
  let app: ResolvedTarget;
  let plain: ZimClient;
  let group: Awaited<ReturnType<typeof seedGroup>>;

  beforeAll(async () => {
    sandbox = await openSandbox(engine, new LiveClock());
    const apps = sandboxApp(sandbox);
    app = await apps.resolve("sandbox");
    plain = apps.client(app);
    group = await seedGroup(sandbox, { member: { Online: true } });
  });
  afterAll(() => sandbox.close());

  const burst = (client: ZimClient, count: number) =>
    Promise.all(Array.from({ length: count }, (_, n) => client.sendGroupMessage(textMessage(group.sender, group.groupId, `burst ${n}`))));
  const lane = (appKey: string, perSecond = 10): Lane => ({ appKey, action: "SendGroupMessage", perSecond });
  const slotRow = async (name: string, slot: number) =>
    (await sandbox.db.select().from(rateSlot).where(and(eq(rateSlot.lane, name), eq(rateSlot.slot, slot))))[0]!;
  /** Seconds until a slot frees, on the database clock the gate uses. */
  const secondsLeft = async (name: string, slot: number) =>
    Number((await queryRows<{ s: string }>(sandbox.db, sql`select extract(epoch from frees_at - clock_timestamp()) as s from rate_slot where lane = ${name} and slot = ${slot}`))[0]!.s);

  it("is needed: a burst of 25 sends without it meets the sandbox's frequency code", async () => {
    const outcomes = await burst(plain, 25);
    expect(outcomes.filter((o) => o.kind === "rate-limited").length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1100));
  });

  it("sends the same burst through the gate with no frequency code at all, ten per second", async () => {
    // No retries: a single frequency code would show as a rate-limited outcome.
    const client = rateLimitedClient(plain, app, createDbRateGate(sandbox.db), { retries: 0 });
    const started = Date.now();
    const outcomes = await burst(client, 25);
    expect(outcomes.map((o) => o.kind)).toEqual(Array(25).fill("accepted"));
    // Ten go at once, ten a window later, five after that.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });

  it("holds the limit across gates: two gates on one database share its slots", async () => {
    const gates = [createDbRateGate(sandbox.db), createDbRateGate(sandbox.db)];
    const clients = gates.map((gate) => rateLimitedClient(plain, app, gate, { retries: 0 }));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const outcomes = (await Promise.all(clients.map((c) => burst(c, 12)))).flat();
    expect(outcomes.map((o) => o.kind)).toEqual(Array(24).fill("accepted"));
  });

  it("hands out no slot during a hold-off", async () => {
    const gate = createDbRateGate(sandbox.db);
    const held = lane("hold-off");
    await gate.holdOff(held, 1500);
    const started = Date.now();
    const permit = await gate.acquire(held);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    await permit.cancel();
  });

  it("frees a released slot a window after the answer, a cancelled one at once", async () => {
    const gate = createDbRateGate(sandbox.db);
    const one = lane("release", 1);
    const name = laneKey(one);
    const first = await gate.acquire(one);
    expect((await slotRow(name, 0)).holder).not.toBeNull();
    await first.release();
    expect((await slotRow(name, 0)).holder).toBeNull();
    expect(await secondsLeft(name, 0)).toBeGreaterThan(0.8);

    const cancelLane = lane("cancel", 1);
    const second = await gate.acquire(cancelLane);
    await second.cancel();
    expect(await secondsLeft(laneKey(cancelLane), 0)).toBeLessThanOrEqual(0);
  });

  it("never lets a late release shorten a slot that another call took since", async () => {
    const gate = createDbRateGate(sandbox.db, { windowMs: 50, maxHoldMs: 20 });
    const one = lane("late-release", 1);
    const slow = await gate.acquire(one);
    await new Promise((resolve) => setTimeout(resolve, 120));
    const next = await gate.acquire(one);
    const before = (await slotRow(laneKey(one), 0)).freesAt;
    await slow.release();
    const after = await slotRow(laneKey(one), 0);
    expect(after.freesAt).toEqual(before);
    expect(after.holder).not.toBeNull();
    await next.release();
  });

  it("stops waiting when the caller gives up", async () => {
    const gate = createDbRateGate(sandbox.db);
    const one = lane("abort", 1);
    const held = await gate.acquire(one);
    await expect(gate.acquire(one, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    await held.release();
  });

  it("releases the slot even when the call never reached ZIM", async () => {
    const apps = sandboxApp(sandbox, { baseUrl: `http://127.0.0.1:${await closedPort()}` });
    const unreachable = await apps.resolve("sandbox");
    const gate = createDbRateGate(sandbox.db);
    const client = rateLimitedClient(apps.client(unreachable), { ...unreachable, key: "unreachable" }, gate);
    const outcome = await client.sendGroupMessage(textMessage(group.sender, group.groupId));
    expect(outcome.kind).toBe("not-sent");
    const rows = await sandbox.db.select().from(rateSlot).where(eq(rateSlot.lane, "unreachable:SendGroupMessage"));
    expect(rows.filter((r) => r.slot >= 0).every((r) => r.holder === null)).toBe(true);
  });
});
