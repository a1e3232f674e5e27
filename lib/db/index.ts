import "server-only";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { openPglite, openPostgres, type Database, type OpenDatabase } from "./open";

export type { Database } from "./open";

/**
 * The process-wide database, opened (and migrated) on first use. Next.js may load this module several times in
 * one process (instrumentation, route bundles), so the handle lives on globalThis: a second PGlite instance on the
 * same folder would corrupt it. Never called at module scope, so `next build` never touches the store.
 */
const holder = globalThis as typeof globalThis & { __consoleDb?: Promise<OpenDatabase> };

export function openConsoleDatabase(): Promise<OpenDatabase> {
  if (!holder.__consoleDb) {
    const env = getEnv();
    holder.__consoleDb = env.DATABASE_URL
      ? openPostgres(env.DATABASE_URL)
      : openPglite(path.resolve(env.DATA_DIR, "db"));
    holder.__consoleDb.catch(() => {
      holder.__consoleDb = undefined;
    });
  }
  return holder.__consoleDb;
}

export async function getDb(): Promise<Database> {
  return (await openConsoleDatabase()).db;
}
