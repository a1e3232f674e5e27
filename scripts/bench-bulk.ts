/**
 * `npm run bench:bulk`: how close a bulk send runs to the app's limit, against a standalone sandbox process with
 * its real limits (SendGroupMessage 10 per second, D3) over real HTTP, with BENCH_GROUPS groups (default 1,000).
 *
 * 1. One console: this process runs the bulk runner, as the console does, on PGlite (or on DATABASE_URL).
 * 2. Two console instances on one PostgreSQL database (BENCH_POSTGRES_URL, default the local server's `test`
 *    database; a fresh database is created on it and dropped): two `npm run worker` processes, each taking one
 *    of two bulk sends of half the groups at the same time, share the one limit through the database.
 *
 * Printed for each: achieved rate / allowed rate (goal at least 0.97), frequency refusals counted by the sandbox
 * (goal 0), and the console's CPU time per send. Achieved rate = (sends − limit) ÷ (start of the last send − start
 * of the first): a perfect sender at N per second starts N calls at once and N more every second after.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { inArray } from "drizzle-orm";
import { Client } from "pg";
import { createBulkSend } from "@/lib/bulk/create";
import { getBulkProgress } from "@/lib/bulk/queries";
import { startBulkRunner } from "@/lib/bulk/runner";
import { openPglite, openPostgres, type OpenDatabase } from "@/lib/db/open";
import { bulkSend, bulkTarget } from "@/lib/db/schema";
import type { AppAccess } from "@/lib/messages/targets";
import { createDbRateGate } from "@/lib/rate-limit/db-gate";
import { rateLimitedClient } from "@/lib/rate-limit/limited-client";
import type { RateGate } from "@/lib/rate-limit/types";
import { controlClient } from "@/lib/sandbox/test-support/control";
import { DEFAULT_RATE_LIMITS } from "@/lib/zim-apps/defaults";
import { createZimClient } from "@/lib/zim/client";
import { resolveZimLimits } from "@/lib/zim/limits";

const GROUPS = Number(process.env.BENCH_GROUPS ?? 1000);
const PER_SECOND = DEFAULT_RATE_LIMITS.SendGroupMessage.perSecond;
const APP_ID = 1_000_001;
const SECRET = randomBytes(16).toString("hex");
const SENDER = "bench-sender";
const OPERATOR = { id: "bench", email: "bench@console.local" };
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

type BenchDatabase = OpenDatabase & { url?: string; dispose(): Promise<void> };

async function admin(url: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database on a PostgreSQL server (the named database itself is never touched), dropped on dispose. */
async function freshPostgres(serverUrl: string): Promise<BenchDatabase> {
  const name = `bench_bulk_${randomBytes(4).toString("hex")}`;
  await admin(serverUrl, `create database ${name}`);
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  const opened = await openPostgres(target.toString());
  return { ...opened, url: target.toString(), dispose: async () => (await opened.close(), await admin(serverUrl, `drop database if exists ${name} with (force)`)) };
}

async function freshPglite(): Promise<BenchDatabase> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "bench-bulk-"));
  const opened = await openPglite(folder);
  return { ...opened, dispose: async () => (await opened.close(), fs.rmSync(folder, { recursive: true, force: true })) };
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** `npm run sandbox` as its own process on its own PGlite folder, like a remote ZIM. */
async function startStandaloneSandbox(): Promise<{ url: string; close(): void }> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-sandbox-"));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ZIM_SANDBOX_PORT: String(port), ZIM_SANDBOX_APP_ID: String(APP_ID), ZIM_SANDBOX_SERVER_SECRET: SECRET };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/sandbox.ts"], { env, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening on") && resolve());
    child.once("exit", (code) => reject(new Error(`The sandbox exited (${code}) before listening.`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close() {
      child.once("exit", () => fs.rmSync(dataDir, { recursive: true, force: true }));
      child.kill("SIGTERM");
    },
  };
}

/** The console's way to reach the sandbox app: a signed client behind the shared limiter. */
function sandboxAccess(url: string, gate: RateGate): AppAccess {
  return {
    async resolve() {
      return {
        key: "sandbox", name: "Sandbox", appId: APP_ID, isProduction: false, isSandbox: true, recallWindowSeconds: 120, broadcastDailyLimit: 100,
        testGroupId: null, serverSecret: SECRET, baseUrl: url, rateLimits: DEFAULT_RATE_LIMITS, sizeLimits: {}, limits: resolveZimLimits({}),
      };
    },
    client: (app) => rateLimitedClient(createZimClient({ appId: app.appId, serverSecret: app.serverSecret, baseUrl: app.baseUrl, limits: app.limits }), app, gate),
  };
}

async function seedGroups(control: ReturnType<typeof controlClient>, ids: string[]): Promise<void> {
  const seeded = await control.post("users", { UserId: SENDER, Online: true });
  if (seeded.status !== 201 && seeded.status !== 200 && seeded.status !== 409) throw new Error(`Could not add the sender: ${JSON.stringify(seeded.body)}`);
  for (let i = 0; i < ids.length; i += 20) {
    await Promise.all(
      ids.slice(i, i + 20).map(async (groupId) => {
        const answer = await control.post("groups", { GroupId: groupId, GroupOwner: SENDER, Members: [{ UserId: SENDER, Online: true }] });
        if (answer.status !== 201) throw new Error(`Could not seed ${groupId}: ${JSON.stringify(answer.body)}`);
      }),
    );
  }
}

const message = (text: string) => ({ FromUserId: SENDER, GroupId: "", MessageType: 1 as const, Priority: 2 as const, MessageBody: { Message: text } });

async function createRun(db: OpenDatabase["db"], apps: AppAccess, groupIds: string[], text: string): Promise<string> {
  const { id } = await createBulkSend({
    ctx: { db, operator: OPERATOR, apps },
    input: { appKey: "sandbox", createKey: `bench-${randomBytes(6).toString("hex")}`, request: message(text), groupIds },
  });
  return id;
}

async function waitForCompletion(db: OpenDatabase["db"], ids: string[]): Promise<void> {
  const deadline = Date.now() + (GROUPS / PER_SECOND) * 3000 + 120_000;
  for (;;) {
    const progress = await Promise.all(ids.map((id) => getBulkProgress(db, id)));
    if (progress.every((p) => p && p.remaining === 0 && ["completed", "cancelled"].includes(p.status))) return;
    if (Date.now() > deadline) throw new Error(`Bulk sends unfinished: ${JSON.stringify(progress.map((p) => p && { status: p.status, remaining: p.remaining }))}`);
    await sleep(500);
  }
}

interface Measured {
  sends: number;
  delivered: number;
  achievedRate: number;
  refusals: number;
  cpuMsPerSend: number | null;
  /** Median and 95th percentile of claim → outcome recorded, per group: what holds a slot besides the window. */
  sendMs: { p50: number; p95: number };
}

/** SendGroupMessage calls the sandbox refused with a frequency code since it started. */
async function refusals(control: ReturnType<typeof controlClient>): Promise<number> {
  const stats = (await control.get("stats")).body as { Actions: Record<string, { RateLimited: number }> };
  return stats.Actions.SendGroupMessage?.RateLimited ?? 0;
}

async function measure(db: OpenDatabase["db"], ids: string[], refused: number, cpuMs: number | null): Promise<Measured> {
  const rows = await db
    .select({ status: bulkTarget.status, attemptedAt: bulkTarget.attemptedAt, completedAt: bulkTarget.completedAt })
    .from(bulkTarget)
    .where(inArray(bulkTarget.bulkId, ids));
  const durations = rows.flatMap((r) => (r.attemptedAt && r.completedAt ? [r.completedAt.getTime() - r.attemptedAt.getTime()] : [])).sort((a, b) => a - b);
  const at = (p: number) => durations[Math.min(durations.length - 1, Math.floor(p * durations.length))] ?? 0;
  const starts = rows.map((r) => r.attemptedAt?.getTime()).filter((t): t is number => t !== undefined).sort((a, b) => a - b);
  const span = (starts.at(-1)! - starts[0]!) / 1000;
  return {
    sends: rows.length,
    delivered: rows.filter((r) => r.status === "delivered").length,
    achievedRate: span > 0 ? (starts.length - PER_SECOND) / span : 0,
    refusals: refused,
    cpuMsPerSend: cpuMs === null ? null : cpuMs / rows.length,
    sendMs: { p50: at(0.5), p95: at(0.95) },
  };
}

function report(title: string, m: Measured): boolean {
  const ratio = m.achievedRate / PER_SECOND;
  console.log(`\n${title}`);
  console.log(`  groups sent               ${m.sends} (${m.delivered} delivered)`);
  console.log(`  achieved / allowed rate   ${m.achievedRate.toFixed(2)} / ${PER_SECOND} per second = ${ratio.toFixed(3)}  (goal ≥ 0.97: ${ratio >= 0.97 ? "met" : "NOT met"})`);
  console.log(`  frequency refusals        ${m.refusals}  (goal 0: ${m.refusals === 0 ? "met" : "NOT met"})`);
  console.log(`  console CPU per send      ${m.cpuMsPerSend === null ? "n/a" : `${m.cpuMsPerSend.toFixed(2)} ms`}`);
  console.log(`  claim → outcome per group p50 ${m.sendMs.p50} ms, p95 ${m.sendMs.p95} ms (a slot is held that long plus one second)`);
  console.log(`  machine load average      ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} (a busy machine slows every part)`);
  return m.delivered === m.sends;
}

/** CPU time (user + system) a process used so far, from /proc; null where there is no /proc. */
function cpuMsOf(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of the stat line, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

async function oneConsole(sandboxUrl: string, groupIds: string[]): Promise<boolean> {
  const control = controlClient(sandboxUrl);
  await control.post("reset");
  await seedGroups(control, groupIds);
  const opened = process.env.DATABASE_URL ? await freshPostgres(process.env.DATABASE_URL) : await freshPglite();
  try {
    const gate = createDbRateGate(opened.db);
    const apps = sandboxAccess(sandboxUrl, gate);
    const id = await createRun(opened.db, apps, groupIds, "bench: one console");
    const refusalsBefore = await refusals(control);
    const cpuBefore = process.cpuUsage();
    const runner = await startBulkRunner({ database: opened, apps, gate });
    runner.kick();
    await waitForCompletion(opened.db, [id]);
    const cpu = process.cpuUsage(cpuBefore);
    await runner.stop();
    return report(`One console (${opened.engine}), ${groupIds.length} groups`, await measure(opened.db, [id], (await refusals(control)) - refusalsBefore, (cpu.user + cpu.system) / 1000));
  } finally {
    await opened.dispose();
  }
}

async function postgresReachable(url: string): Promise<boolean> {
  try {
    await admin(url, "select 1");
    return true;
  } catch {
    return false;
  }
}

function startWorker(databaseUrl: string, sandboxUrl: string): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    ZIM_SANDBOX_URL: sandboxUrl,
    ZIM_SANDBOX_APP_ID: String(APP_ID),
    ZIM_SANDBOX_SERVER_SECRET: SECRET,
    CONSOLE_SECRET_KEY: randomBytes(32).toString("hex"),
    // One run per worker: each instance takes one of the two runs, so both send at once under the one limit.
    BULK_RUNS_PER_RUNNER: "1",
    LOG_LEVEL: "warn",
  };
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], { env, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("running") && resolve(child));
    child.once("exit", (code) => reject(new Error(`A worker exited (${code}) before it ran.`)));
  });
}

/** Which runner holds each run's lease, sampled while they go: both instances must take part. */
function watchOwners(db: OpenDatabase["db"], ids: string[]) {
  const seen = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
  let running = true;
  void (async () => {
    while (running) {
      const rows = await db.select({ id: bulkSend.id, owner: bulkSend.leaseOwner }).from(bulkSend).where(inArray(bulkSend.id, ids));
      for (const row of rows) if (row.owner) seen.get(row.id)!.add(row.owner);
      await sleep(500);
    }
  })();
  return { seen, stop: () => (running = false) };
}

async function twoConsoles(sandboxUrl: string, groupIds: string[]): Promise<boolean> {
  if (!(await postgresReachable(POSTGRES_URL))) {
    console.log(`\nTwo consoles on PostgreSQL: skipped, no server at ${POSTGRES_URL} (set BENCH_POSTGRES_URL).`);
    return true;
  }
  const control = controlClient(sandboxUrl);
  await control.post("reset");
  await seedGroups(control, groupIds);
  const opened = await freshPostgres(POSTGRES_URL);
  const workers: ChildProcess[] = [];
  try {
    // Both runs exist before either worker starts, so both start together.
    const apps = sandboxAccess(sandboxUrl, createDbRateGate(opened.db));
    const half = Math.ceil(groupIds.length / 2);
    const ids = [
      await createRun(opened.db, apps, groupIds.slice(0, half), "bench: two consoles, first half"),
      await createRun(opened.db, apps, groupIds.slice(half), "bench: two consoles, second half"),
    ];
    const refusalsBefore = await refusals(control);
    workers.push(...(await Promise.all([startWorker(opened.url!, sandboxUrl), startWorker(opened.url!, sandboxUrl)])));
    const cpuBefore = workers.map((w) => cpuMsOf(w.pid!));
    const owners = watchOwners(opened.db, ids);
    await waitForCompletion(opened.db, ids);
    owners.stop();
    console.log(`\nRunners seen working: ${[...owners.seen].map(([run, who]) => `${run.slice(0, 8)} by ${[...who].join(", ")}`).join("; ")}`);
    const cpuAfter = workers.map((w) => cpuMsOf(w.pid!));
    const cpu = cpuBefore.some((c) => c === null) || cpuAfter.some((c) => c === null) ? null : cpuAfter.reduce((s, c, i) => s! + c! - cpuBefore[i]!, 0)!;
    return report(`Two consoles on PostgreSQL sharing one limit, ${groupIds.length} groups`, await measure(opened.db, ids, (await refusals(control)) - refusalsBefore, cpu));
  } finally {
    for (const worker of workers) worker.kill("SIGTERM");
    await sleep(500);
    await opened.dispose();
  }
}

async function main(): Promise<void> {
  const sandbox = await startStandaloneSandbox();
  try {
    const groupIds = Array.from({ length: GROUPS }, (_, i) => `bench-${String(i).padStart(5, "0")}`);
    const one = await oneConsole(sandbox.url, groupIds);
    const two = await twoConsoles(sandbox.url, groupIds);
    if (!one || !two) process.exitCode = 1;
  } finally {
    sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
