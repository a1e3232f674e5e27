import "server-only";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import type PgBoss from "pg-boss";
import type { OpenDatabase } from "@/lib/db/open";
import type { ScheduledItemRow } from "@/lib/db/schema";
import { log } from "@/lib/log/logger";
import { consoleApps, type AppAccess } from "@/lib/messages/targets";
import { claimDueItems } from "./claim";
import { dispatchClaimed, type DispatchDeps } from "./dispatch-item";
import { JOB_POLLING_SECONDS, startJobEngine } from "./engine";
import { CATCH_UP_QUEUE, createSchedulerQueues, DUE_QUEUE, jobWaker, queueCatchUp, WAKE_LEAD_MS, type DueJob } from "./jobs";
import { LeaseKeeper } from "./lease-keeper";
import { sweepExpiredLeases } from "./lease-sweep";
import { createDbRateGate } from "@/lib/rate-limit/db-gate";
import type { RateGate } from "@/lib/rate-limit/types";
import { DEFAULT_SENDERS, type ItemSenders } from "./senders";
import { Slots } from "./slots";
import { registerWaker, unregisterWaker } from "./wake";

export interface DispatcherOptions {
  database: Pick<OpenDatabase, "db" | "jobEngineConnection">;
  /** A job engine already running in this process; without one the dispatcher starts (and stops) its own. */
  boss?: PgBoss;
  apps?: AppAccess;
  senders?: ItemSenders;
  now?: () => Date;
  /** How long a claim lasts without renewal; renewed three times per lease while the item is worked on. */
  leaseMs?: number;
  /** Seconds between catch-up scans (lost wake-ups, expired leases), shared by all dispatchers. */
  catchUpSeconds?: number;
  /** Items this dispatcher works on at once. */
  maxInFlight?: number;
  retryAfterMs?: number;
  /** The shared call limiter (default: one on this database). */
  gate?: RateGate;
  /** At start, take over every lease: only for a PGlite console, the one process its data folder allows. */
  startupSweepsEveryLease?: boolean;
  /** Make this dispatcher the process's Waker for item verbs (default true). */
  registerAsWaker?: boolean;
}

export interface Dispatcher {
  /** The lease owner id: host, pid and a random part. */
  readonly id: string;
  /** Sweeps expired leases and claims the due items it has room for. */
  catchUp(): Promise<void>;
  /** Resolves once nothing is in hand. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export const DEFAULT_LEASE_MS = 30_000;
export const DEFAULT_CATCH_UP_SECONDS = 5;

/**
 * The dispatcher: sends scheduled items at their time, on pg-boss. Wake-up jobs ("scheduled-item-due", starting
 * a second before the due time, polled every 0.5 s) say "look now"; the scheduled_item rows decide. A catch-up job
 * every few seconds (one for all dispatchers, re-queued by whoever runs it — pg-boss cron is minute-grained) and
 * one at start find what the wake-ups missed, including items that fell due while nothing ran, and sweep
 * expired leases. Any number of dispatchers (console instances, `npm run worker`) may run on one PostgreSQL
 * database: claims take disjoint rows (SKIP LOCKED), and each send has one idempotency key.
 */
export async function startDispatcher(options: DispatcherOptions): Promise<Dispatcher> {
  const { db } = options.database;
  const id = `${os.hostname()}#${process.pid}#${randomBytes(3).toString("hex")}`;
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const catchUpSeconds = options.catchUpSeconds ?? DEFAULT_CATCH_UP_SECONDS;
  const boss = options.boss ?? (await startJobEngine(options.database));
  await createSchedulerQueues(boss);
  const waker = jobWaker(boss);
  const slots = new Slots(options.maxInFlight ?? 50);
  const keeper = new LeaseKeeper(db, id, leaseMs, now);
  const deps: DispatchDeps = {
    db,
    dispatcher: id,
    now,
    leaseMs,
    apps: options.apps ?? consoleApps,
    senders: options.senders ?? DEFAULT_SENDERS,
    gate: options.gate ?? createDbRateGate(db),
    retryAfterMs: options.retryAfterMs ?? 250,
    wake: (item) => waker.wake(item),
  };
  const tasks = new Set<Promise<unknown>>();
  let stopping = false;

  const track = (task: Promise<unknown>) => {
    tasks.add(task);
    void task.finally(() => tasks.delete(task));
  };

  /** Works on a claimed item in the background; its slot was taken by the caller. */
  function work(item: ScheduledItemRow): void {
    keeper.hold(item.id);
    track(
      dispatchClaimed(deps, item)
        .then((status) => log.debug("scheduled item dispatched", { itemId: item.id, status, dispatcher: id }))
        .catch((error: unknown) => log.error("scheduled item dispatch failed; its lease will expire", { itemId: item.id, error: String(error) }))
        .finally(() => {
          keeper.drop(item.id);
          slots.release();
        }),
    );
  }

  /**
   * A wake-up means "look now": it claims the earliest item due within WAKE_LEAD_MS, whichever job fired (pg-boss
   * hands out jobs in the order they were queued, not by due time), so items go out in the order they fall due.
   * Answers whether work() took the item, and the caller's slot with it.
   */
  async function wakeOne(): Promise<boolean> {
    const at = now();
    const [item] = await claimDueItems(db, { owner: id, now: at, dueBy: new Date(at.getTime() + WAKE_LEAD_MS), leaseMs, limit: 1 });
    if (!item) return false;
    work(item);
    return true;
  }

  async function catchUp(everyLease = false): Promise<void> {
    const swept = await sweepExpiredLeases(db, { now: now(), dispatcher: id, everyLease });
    for (const s of swept) {
      log.warn("expired lease swept", { itemId: s.id, became: s.became });
      if (s.nextDueAt && s.became !== "scheduled") await waker.wake({ id: s.id, version: s.version, dueAt: s.nextDueAt });
    }
    const room = slots.takeUpTo(slots.size);
    if (room === 0) return;
    const items = await claimDueItems(db, { owner: id, now: now(), leaseMs, limit: room }).catch((error: unknown) => {
      slots.release(room);
      throw error;
    });
    slots.release(room - items.length);
    for (const item of items.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())) work(item);
  }

  keeper.start();
  await catchUp(options.startupSweepsEveryLease);
  const dueWorker = await boss.work<DueJob>(DUE_QUEUE, { batchSize: 20, pollingIntervalSeconds: JOB_POLLING_SECONDS }, async (jobs) => {
    for (const job of jobs) {
      if (stopping || !(await slots.acquire())) return;
      track(
        wakeOne()
          .catch((error: unknown) => {
            log.error("wake-up failed; the catch-up scan will find the item", { itemId: job.data.id, error: String(error) });
            return false;
          })
          .then((handedOver) => {
            if (!handedOver) slots.release();
          }),
      );
    }
  });
  const catchUpWorker = await boss.work(CATCH_UP_QUEUE, { pollingIntervalSeconds: Math.min(1, catchUpSeconds) }, async () => {
    if (stopping) return;
    // Re-queued first, so a dispatcher that dies during the scan leaves the chain intact.
    await queueCatchUp(boss, catchUpSeconds);
    await catchUp();
  });
  await queueCatchUp(boss, catchUpSeconds);
  if (options.registerAsWaker !== false) registerWaker(waker);
  log.info("dispatcher started", { dispatcher: id, leaseMs, catchUpSeconds });

  return {
    id,
    catchUp: () => catchUp(),
    async idle() {
      while (tasks.size > 0) await Promise.allSettled([...tasks]);
    },
    async stop() {
      stopping = true;
      slots.close();
      if (options.registerAsWaker !== false) unregisterWaker(waker);
      await boss.offWork({ id: dueWorker });
      await boss.offWork({ id: catchUpWorker });
      // In-flight sends end within the client timeout; whatever is cut short is recovered by the lease sweep.
      await Promise.race([Promise.allSettled([...tasks]), sleep(15_000)]);
      keeper.stop();
      if (!options.boss) await boss.stop({ graceful: false, wait: true });
      log.info("dispatcher stopped", { dispatcher: id });
    },
  };
}
