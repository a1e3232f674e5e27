import "server-only";
import { startBulkRunner } from "@/lib/bulk/runner";
import type { OpenDatabase } from "@/lib/db/open";
import type { Env } from "@/lib/env";
import { log } from "@/lib/log/logger";
import { startDispatcher } from "./dispatcher";
import { startJobEngine } from "./engine";
import { createSchedulerQueues, jobWaker } from "./jobs";
import { registerWaker, unregisterWaker } from "./wake";

const holder = globalThis as typeof globalThis & { __consoleScheduling?: Promise<() => Promise<void>> };

/**
 * The console's part in scheduling, started once per process after the database is ready: its own dispatcher and
 * bulk runner (DISPATCHER=on, the default), or with DISPATCHER=off only the wake-ups that item verbs queue for the
 * workers (`npm run worker`), which also run the bulk sends. Stops with the process on SIGTERM/SIGINT; what a stop
 * cuts short, a lease sweep (a takeover, for bulk sends) recovers.
 */
export function startConsoleScheduling(opened: OpenDatabase, env: Pick<Env, "DISPATCHER" | "DISPATCH_LEASE_MS" | "BULK_RUNS_PER_RUNNER">): Promise<() => Promise<void>> {
  holder.__consoleScheduling ??= start(opened, env);
  return holder.__consoleScheduling;
}

async function start(opened: OpenDatabase, env: Pick<Env, "DISPATCHER" | "DISPATCH_LEASE_MS" | "BULK_RUNS_PER_RUNNER">): Promise<() => Promise<void>> {
  let stop: () => Promise<void>;
  if (env.DISPATCHER === "off") {
    if (opened.engine === "pglite") log.warn("DISPATCHER=off on PGlite: no other process can open this data folder, so no scheduled item will be sent");
    const boss = await startJobEngine(opened);
    await createSchedulerQueues(boss);
    const waker = jobWaker(boss);
    registerWaker(waker);
    stop = async () => {
      unregisterWaker(waker);
      await boss.stop({ graceful: false, wait: true });
    };
  } else {
    // PGlite's data folder is locked to this process, so every lease left in it belongs to a dead process.
    const everyLease = opened.engine === "pglite";
    const dispatcher = await startDispatcher({ database: opened, leaseMs: env.DISPATCH_LEASE_MS, startupSweepsEveryLease: everyLease });
    const runner = await startBulkRunner({ database: opened, leaseMs: env.DISPATCH_LEASE_MS, maxRuns: env.BULK_RUNS_PER_RUNNER, startupTakesEveryLease: everyLease });
    stop = async () => {
      await Promise.all([dispatcher.stop(), runner.stop()]);
    };
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void stop().catch(() => undefined));
  return stop;
}
