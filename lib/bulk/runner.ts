import "server-only";
import { randomBytes } from "node:crypto";
import { setMaxListeners } from "node:events";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { OperatorError } from "@/lib/actions/operator-error";
import type { OpenDatabase } from "@/lib/db/open";
import { bulkSend, type BulkSendRow } from "@/lib/db/schema";
import { log } from "@/lib/log/logger";
import { consoleApps, type AppAccess } from "@/lib/messages/targets";
import { createDbRateGate } from "@/lib/rate-limit/db-gate";
import { laneOf } from "@/lib/rate-limit/lanes";
import type { RateGate } from "@/lib/rate-limit/types";
import { cancelRun } from "./cancel-run";
import { claimRun, releaseRun, settleRun } from "./claim";
import { sendRateOf } from "./create";
import { RunLeases } from "./lease";
import { recallWorker } from "./recall-worker";
import { getBulk } from "./rows";
import { sendWorker, type RunWork } from "./send-worker";
import { registerBulkRunner } from "./wake";

export interface BulkRunnerOptions {
  database: Pick<OpenDatabase, "db">;
  apps?: AppAccess;
  /** The shared call limiter (default: one on this database). */
  gate?: RateGate;
  now?: () => Date;
  /** How long a claim lasts without renewal; renewed three times per lease while the run is worked on. */
  leaseMs?: number;
  /** How often to look for runs nobody works on (started elsewhere, or whose runner died). */
  pollMs?: number;
  /** Runs this runner works on at once. */
  maxRuns?: number;
  /** At start, take over every lease: only for a PGlite console, the one process its data folder allows. */
  startupTakesEveryLease?: boolean;
}

export interface BulkRunner {
  /** The lease owner id: host, pid and a random part. */
  readonly id: string;
  /** Look for work now (after a create, resume, retry, recall or a scheduled start). */
  kick(): void;
  /** Resolves once nothing is in hand. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export const DEFAULT_BULK_LEASE_MS = 30_000;
const DEFAULT_POLL_MS = 1_000;
/** Workers per run never exceed this, whatever limit an app was given. */
const MAX_WORKERS = 100;
/** Later than any lease; within PostgreSQL's timestamp range. */
const END_OF_TIME = new Date("9999-12-31T23:59:59Z");

/**
 * The bulk runner: takes runs under a lease (lib/bulk/claim.ts) and sends their groups in list order at the app's
 * limit, through the shared call limiter, so every console process and worker together stay inside it. Any number
 * of runners may work on one PostgreSQL database: each run has one runner at a time, each group one claim at a
 * time, and a group once "sending" is never sent again by anyone (see send-worker.ts for a death mid-request).
 * The app and its client are resolved once per claimed run. Runs are found by `kick()` from the verbs of this
 * process and by a poll every `pollMs` (runs started elsewhere, leases run out).
 */
export async function startBulkRunner(options: BulkRunnerOptions): Promise<BulkRunner> {
  const { db } = options.database;
  const id = `${os.hostname()}#${process.pid}#${randomBytes(3).toString("hex")}`;
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? DEFAULT_BULK_LEASE_MS;
  const maxRuns = options.maxRuns ?? 4;
  const apps = options.apps ?? consoleApps;
  const gate = options.gate ?? createDbRateGate(db);
  const leases = new RunLeases(db, id, leaseMs, now);
  const stopping = new AbortController();
  // Every worker of every run in hand may wait on it at once.
  setMaxListeners(MAX_WORKERS * maxRuns + 10, stopping.signal);
  const inHand = new Set<string>();
  const tasks = new Set<Promise<unknown>>();
  let everyLease = options.startupTakesEveryLease ?? false;
  let claiming = false;
  let kickedWhileClaiming = false;

  const track = (task: Promise<unknown>) => {
    tasks.add(task);
    void task.finally(() => tasks.delete(task));
  };

  function kick(): void {
    if (stopping.signal.aborted) return;
    if (claiming) {
      kickedWhileClaiming = true;
      return;
    }
    claiming = true;
    track(
      claimWhileRoom()
        .catch((error: unknown) => log.error("bulk runs could not be claimed; the next poll tries again", { runner: id, error: String(error) }))
        .finally(() => {
          claiming = false;
          if (kickedWhileClaiming) {
            kickedWhileClaiming = false;
            kick();
          }
        }),
    );
  }

  async function claimWhileRoom(): Promise<void> {
    while (!stopping.signal.aborted && inHand.size < maxRuns) {
      const at = now();
      const run = await claimRun(db, { owner: id, now: at, leaseMs, expiredBefore: everyLease ? END_OF_TIME : at });
      if (!run) break;
      inHand.add(run.id);
      leases.hold(run.id);
      track(
        workOn(run)
          .catch((error: unknown) => log.error("bulk run failed; its lease will expire and another runner takes it", { bulkId: run.id, runner: id, error: String(error) }))
          .finally(() => {
            inHand.delete(run.id);
            leases.drop(run.id);
            kick();
          }),
      );
    }
    everyLease = false;
  }

  /** Works on a claimed run until it is settled or let go. */
  async function workOn(claimed: BulkSendRow): Promise<void> {
    let released = false;
    try {
      const work = await prepare(claimed);
      if (!work) return;
      const recallAttempts = new Map<number, number>();
      for (;;) {
        const bulk = (await getBulk(db, claimed.id)) ?? claimed;
        const current: RunWork = { ...work, bulk };
        if (bulk.status === "running") await workers(laneOf(work.app, "SendGroupMessage").perSecond, () => sendWorker(current));
        if (bulk.recallState === "running") await workers(laneOf(work.app, "RevokeGroupMessage").perSecond, () => recallWorker(current, recallAttempts));
        if (stopping.signal.aborted) return;
        if ((await settleRun(db, claimed.id, { owner: id, now: now() })) === "released") {
          released = true;
          return;
        }
        // Work appeared behind the workers (a group put back after a frequency code as the last worker left).
        await sleep(100);
      }
    } finally {
      if (!released) await releaseRun(db, claimed.id, { owner: id, now: now() });
    }
  }

  /** The app and its client, once per claimed run; a run whose app was removed is cancelled. */
  async function prepare(bulk: BulkSendRow): Promise<Omit<RunWork, "bulk"> | undefined> {
    try {
      const app = await apps.resolve(bulk.appKey);
      const perSecond = sendRateOf(app);
      if (perSecond !== bulk.perSecond) await db.update(bulkSend).set({ perSecond }).where(eq(bulkSend.id, bulk.id));
      return { db, owner: id, now, gate, app, client: apps.client(app), signal: stopping.signal, backoff: { until: 0 } };
    } catch (error) {
      if (!(error instanceof OperatorError)) throw error;
      log.warn("bulk run's app is gone; the run is cancelled", { bulkId: bulk.id, reason: error.key });
      await db.transaction((tx) => cancelRun(tx, bulk.id, { now: now(), reason: error.key }));
      return undefined;
    }
  }

  async function workers(count: number, worker: () => Promise<void>): Promise<void> {
    const results = await Promise.allSettled(Array.from({ length: Math.min(MAX_WORKERS, Math.max(1, count)) }, worker));
    const failed = results.find((r) => r.status === "rejected");
    if (failed) log.error("bulk worker failed", { runner: id, error: String((failed as PromiseRejectedResult).reason) });
  }

  leases.start();
  const unregister = registerBulkRunner(kick);
  const poll = setInterval(kick, options.pollMs ?? DEFAULT_POLL_MS);
  poll.unref();
  kick();
  log.info("bulk runner started", { runner: id, leaseMs });

  return {
    id,
    kick,
    async idle() {
      while (tasks.size > 0) await Promise.allSettled([...tasks]);
    },
    async stop() {
      stopping.abort();
      clearInterval(poll);
      unregister();
      // Groups in flight end within the client timeout; what a stop cuts short, the next runner marks unknown.
      await Promise.race([Promise.allSettled([...tasks]), sleep(15_000)]);
      leases.stop();
      log.info("bulk runner stopped", { runner: id });
    },
  };
}
