import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import lockfile from "proper-lockfile";
import { Pool } from "pg";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The one handle type for both engines: code never needs to know which one it talks to. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** How a job engine (pg-boss) reaches the same database: its own pool on PostgreSQL, the one PGlite instance else. */
export type JobEngineConnection =
  | { connectionString: string }
  | { db: { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> } };

export interface OpenDatabase {
  db: Database;
  engine: "pglite" | "postgres";
  jobEngineConnection: JobEngineConnection;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "lib/db/migrations");

/** Any two console processes that migrate at once on PostgreSQL wait for each other on this advisory lock. */
const MIGRATION_LOCK_KEY = 7_412_093_551;

export class DataFolderLockedError extends Error {
  constructor(readonly folder: string) {
    super(
      `The data folder ${folder} is already in use by another process (a second console, worker or migration). ` +
        "Stop that process first. Several instances need PostgreSQL: set DATABASE_URL.",
    );
    this.name = "DataFolderLockedError";
  }
}

/**
 * Opens PGlite on `folder` under an exclusive lock file. PGlite has no lock of its own and two processes on one
 * folder silently lose rows, so a second opener gets DataFolderLockedError instead. The lock is refreshed while
 * the process lives and counts as stale 15 s after a crash, so a restart after `kill -9` still opens.
 */
export async function openPglite(folder: string): Promise<OpenDatabase> {
  fs.mkdirSync(folder, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(folder, {
      lockfilePath: path.join(folder, "console.lock"),
      stale: 15_000,
      update: 5_000,
      retries: 0,
      realpath: false,
      onCompromised: (error) => {
        // Another process took the folder: writing on would damage the store, so stop at once.
        console.error(`[db] lost the data folder lock: ${error.message}`);
        process.exit(70);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") throw new DataFolderLockedError(folder);
    throw error;
  }
  try {
    const client = new PGlite(path.join(folder, "pglite"));
    await client.waitReady;
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return {
      db,
      engine: "pglite",
      jobEngineConnection: { db: { executeSql: (text, values) => runOnPglite(client, text, values) } },
      async close() {
        await client.close();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

/** Connects to PostgreSQL and applies pending migrations under an advisory lock shared by every instance. */
export async function openPostgres(url: string): Promise<OpenDatabase> {
  const pool = new Pool({ connectionString: url, max: 10 });
  // An idle connection dropped by the server (a restart, a failover) must not crash the process; the pool
  // replaces it and the next query reconnects.
  pool.on("error", (error) => console.error(`[db] idle PostgreSQL connection lost: ${error.message}`));
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  const lockClient = await pool.connect();
  try {
    await lockClient.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg(lockClient, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await lockClient.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    lockClient.release();
  }
  await db.execute(sql`select 1`);
  return { db, engine: "postgres", jobEngineConnection: { connectionString: url }, close: () => pool.end() };
}

/** PGlite runs parameterised SQL one statement at a time; parameterless scripts (pg-boss's schema) go through exec. */
async function runOnPglite(client: PGlite, text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
  if (values && values.length > 0) return client.query(text, values);
  const results = await client.exec(text);
  return results.at(-1) ?? { rows: [] };
}
