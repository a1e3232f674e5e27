import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { openPglite, openPostgres, type OpenDatabase } from "@/lib/db/open";

/**
 * Storage tests run on every engine the console supports: PGlite always, PostgreSQL when it is reachable at
 * TEST_DATABASE_URL (default: the local server with database `test`). With REQUIRE_POSTGRES=1 (CI) an unreachable
 * server fails the run instead of skipping, so a green CI always means both engines were tested.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestEngine {
  name: "pglite" | "postgres";
  open(): Promise<OpenDatabase & { dispose(): Promise<void> }>;
}

export async function postgresReachable(): Promise<boolean> {
  const client = new Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    if (process.env.REQUIRE_POSTGRES === "1") {
      throw new Error(`PostgreSQL at ${TEST_DATABASE_URL} is required (REQUIRE_POSTGRES=1): ${String(error)}`);
    }
    return false;
  }
}

const pglite: TestEngine = {
  name: "pglite",
  async open() {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "console-pglite-"));
    const opened = await openPglite(folder);
    return {
      ...opened,
      async dispose() {
        await opened.close();
        fs.rmSync(folder, { recursive: true, force: true });
      },
    };
  },
};

/** A fresh database per open, so tests never see each other's rows; dropped on dispose. */
const postgres: TestEngine = {
  name: "postgres",
  async open() {
    const name = `console_test_${randomBytes(6).toString("hex")}`;
    const admin = new Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    const opened = await openPostgres(url.toString());
    return {
      ...opened,
      async dispose() {
        await opened.close();
        const cleanup = new Client({ connectionString: TEST_DATABASE_URL });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  },
};

/** The engines to run storage tests on here; use with `describe.each(await testEngines())`. */
export async function testEngines(): Promise<TestEngine[]> {
  return (await postgresReachable()) ? [pglite, postgres] : [pglite];
}
