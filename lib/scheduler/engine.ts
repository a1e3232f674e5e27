import "server-only";
import PgBoss from "pg-boss";
import type { OpenDatabase } from "@/lib/db/open";
import { log } from "@/lib/log/logger";

/**
 * pg-boss, the Postgres job engine the dispatcher runs on, on the console's own database (its tables live in the
 * `pgboss` schema). The console's tables stay the record of what was sent; jobs only say "look at item X now".
 * Polls every half second, pg-boss's minimum, so a due item starts within a second of its time.
 */
export const JOB_POLLING_SECONDS = 0.5;

export async function startJobEngine(database: Pick<OpenDatabase, "jobEngineConnection">): Promise<PgBoss> {
  const boss = new PgBoss({
    ...database.jobEngineConnection,
    application_name: "zim-console-jobs",
    schedule: false,
    supervise: true,
    // Jobs are pointers to the console's tables: nothing in them is worth keeping long.
    deleteAfterDays: 2,
  } as PgBoss.ConstructorOptions);
  boss.on("error", (error: Error) => log.error("job engine error", { error: error.message }));
  await boss.start();
  return boss;
}
