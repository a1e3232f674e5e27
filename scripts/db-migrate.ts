/**
 * `npm run db:migrate`: applies pending migrations to the configured database (PGlite in DATA_DIR, or
 * DATABASE_URL) and exits. The console also migrates at start; this is for deployments that migrate first.
 */
import { openConsoleDatabase } from "@/lib/db";
import { EnvError } from "@/lib/env";

async function main(): Promise<void> {
  const { engine, close } = await openConsoleDatabase();
  await close();
  console.log(`Migrations applied (${engine}).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : `Migration failed: ${(error as Error).message}`);
  process.exit(1);
});
