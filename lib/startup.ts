import "server-only";
import { ensureFirstAdmin } from "@/lib/auth/bootstrap";
import { getAuth } from "@/lib/auth/auth";
import { openConsoleDatabase } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log/logger";
import { markInterruptedSendsUnknown } from "@/lib/messages/sweep";
import { ensureSandboxWorld } from "@/lib/sandbox/world";
import { startConsoleScheduling } from "@/lib/scheduler/run";

/**
 * Runs once when the console process starts (instrumentation.ts): checks the configuration, opens and migrates
 * the database, and creates the first admin. Any failure stops the process with a message naming the cause.
 */
export async function startConsole(): Promise<void> {
  const env = getEnv();
  const opened = await openConsoleDatabase();
  const { db, engine } = opened;
  log.info("database ready", { engine, dataDir: engine === "pglite" ? env.DATA_DIR : undefined });
  // Sends a dead process left mid-request become "outcome unknown" for an operator, never resent. PGlite's data
  // folder is locked to this process, so nothing else can be mid-request: all of them. On shared PostgreSQL only
  // those older than the client timeout, since another instance may be waiting for its answer right now.
  const interrupted = await markInterruptedSendsUnknown(db, engine === "pglite" ? { olderThanMs: 0 } : {});
  if (interrupted.sends + interrupted.recalls > 0) log.warn("interrupted sends marked outcome unknown", interrupted);
  // The built-in sandbox has its sample world from the first start, so operators can rehearse at once.
  await ensureSandboxWorld(db);
  // Scheduled items due while nothing ran are found by the dispatcher's first catch-up, here.
  await startConsoleScheduling(opened, env);
  const auth = await getAuth();
  const result = await ensureFirstAdmin(db, auth, env);
  if (result.created && result.oneTimePassword) {
    // Printed once, on purpose: this is how the first operator gets in on a fresh install.
    const banner = [
      "",
      "=".repeat(64),
      " First admin account created",
      `   email:              ${result.email}`,
      `   one-time password:  ${result.oneTimePassword}`,
      " Sign in and choose a new password (you will be asked to).",
      "=".repeat(64),
      "",
    ].join("\n");
    process.stdout.write(banner + "\n");
  } else if (result.created) {
    log.info("first admin created from CONSOLE_ADMIN_EMAIL", { email: result.email });
  }
}

/** Start-up failures (bad configuration, a locked data folder) stop the process with the reason, not a stack. */
export async function startConsoleOrExit(): Promise<void> {
  try {
    await startConsole();
  } catch (error) {
    process.stderr.write(`\nThe console cannot start.\n${error instanceof Error ? error.message : String(error)}\n\n`);
    process.exit(1);
  }
}
