/**
 * `npm run worker`: a dispatcher and a bulk runner without the console, for deployments on PostgreSQL
 * (DATABASE_URL) with several console instances or dedicated workers; any number of them send each scheduled item
 * once and each group of a bulk send once. Run the consoles with DISPATCHER=off to leave dispatching and bulk sends
 * to workers, or keep both: they share the work. PGlite is refused: its data folder is locked by the console
 * process. Stops on SIGTERM/SIGINT, letting in-flight sends finish.
 */
import { openConsoleDatabase } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { startBulkRunner } from "@/lib/bulk/runner";
import { startDispatcher } from "@/lib/scheduler/dispatcher";

async function main(): Promise<void> {
  const env = getEnv();
  if (!env.DATABASE_URL) {
    throw new Error(
      "npm run worker needs PostgreSQL: set DATABASE_URL (and CONSOLE_SECRET_KEY, as for the consoles). " +
        "With PGlite the console dispatches scheduled items itself; its data folder cannot be shared with a worker.",
    );
  }
  const opened = await openConsoleDatabase();
  const dispatcher = await startDispatcher({ database: opened, leaseMs: env.DISPATCH_LEASE_MS });
  const runner = await startBulkRunner({ database: opened, leaseMs: env.DISPATCH_LEASE_MS, maxRuns: env.BULK_RUNS_PER_RUNNER });
  console.log(`Dispatcher ${dispatcher.id} running (lease ${env.DISPATCH_LEASE_MS} ms), bulk runner ${runner.id}.`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the dispatcher and the bulk runner`);
    await Promise.all([dispatcher.stop(), runner.stop()]);
    await opened.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
