/**
 * `npm run bench:scheduler`: how late the dispatcher sends. 100,000 stored items (each with its wake-up job, as the
 * scheduling verbs leave them), of which 1,000 fall due within BENCH_SPAN_SECONDS (default 120) at random
 * instants; the rest are due over the next 30 days. One dispatcher, as in the console, sends through a standalone
 * sandbox process (real HTTP, SendGroupMessage limited to 10/s, D3). BENCH_TOTAL changes the 100,000.
 *
 * Lateness = when the request that ZIM accepted left (message_send.attempted_at) − due time. Part of it is forced
 * by the rate limit: the lateness a perfect sender at exactly 10/s would have (each call a full second after the
 * call ten places before it); the rest is the dispatcher's own. Goal: p99 of the dispatcher's own part < 1 s.
 *
 * PGlite in a fresh temporary folder by default; with DATABASE_URL, a fresh database on that PostgreSQL server
 * (created and dropped here, so the named database itself is never touched).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { inArray, sql } from "drizzle-orm";
import { Client } from "pg";
import { openPglite, openPostgres, type OpenDatabase } from "@/lib/db/open";
import { messageSend, scheduledItem } from "@/lib/db/schema";
import type { AppAccess } from "@/lib/messages/targets";
import { controlClient } from "@/lib/sandbox/test-support/control";
import { startDispatcher } from "@/lib/scheduler/dispatcher";
import { startJobEngine } from "@/lib/scheduler/engine";
import { createSchedulerQueues, wakeJobOf } from "@/lib/scheduler/jobs";
import { DEFAULT_RATE_LIMITS } from "@/lib/zim-apps/defaults";
import { createZimClient } from "@/lib/zim/client";
import { resolveZimLimits } from "@/lib/zim/limits";

const TOTAL = Number(process.env.BENCH_TOTAL ?? 100_000);
const DUE = 1_000;
const SPAN_MS = Number(process.env.BENCH_SPAN_SECONDS ?? 120) * 1000;
const PER_SECOND = DEFAULT_RATE_LIMITS.SendGroupMessage.perSecond;
const APP_ID = 1_000_001;
const SECRET = randomBytes(16).toString("hex");
const CHUNK = 2_000;

async function openBenchDatabase(): Promise<OpenDatabase & { dispose(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "bench-scheduler-"));
    const opened = await openPglite(folder);
    return { ...opened, dispose: async () => (await opened.close(), fs.rmSync(folder, { recursive: true, force: true })) };
  }
  const name = `bench_scheduler_${randomBytes(4).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await admin(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const opened = await openPostgres(target.toString());
  return { ...opened, dispose: async () => (await opened.close(), await admin(`drop database if exists ${name} with (force)`)) };
}

/**
 * `npm run sandbox` as its own process on its own PGlite folder, like a remote ZIM: its database work and event
 * loop do not share the dispatcher's, so the lateness measured is the dispatcher's.
 */
async function startStandaloneSandbox(): Promise<{ url: string; close(): void }> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** The lateness a perfect sender at `perSecond` would have: call i starts a full second after call i − perSecond. */
function forcedLateness(dueTimes: number[]): number[] {
  const starts: number[] = [];
  return dueTimes.map((due, i) => {
    const start = Math.max(due, i >= PER_SECOND ? starts[i - PER_SECOND]! + 1000 : due);
    starts.push(start);
    return start - due;
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

async function main(): Promise<void> {
  const started = Date.now();
  const opened = await openBenchDatabase();
  const server = await startStandaloneSandbox();
  const control = controlClient(server.url);
  const group = await control.post("groups", {
    GroupId: "bench-group",
    GroupOwner: "bench-sender",
    Members: [{ UserId: "bench-sender", Online: true }, ...["a", "b", "c"].map((u) => ({ UserId: `bench-${u}`, Online: true }))],
  });
  if (group.status !== 201) throw new Error(`Could not seed the sandbox: ${JSON.stringify(group.body)}`);
  const boss = await startJobEngine(opened);
  await createSchedulerQueues(boss);

  const item = (i: number, dueAt: Date): typeof scheduledItem.$inferInsert => ({
    id: randomUUID(),
    kind: "group",
    appKey: "sandbox",
    appName: "Sandbox",
    isProduction: false,
    request: { FromUserId: "bench-sender", GroupId: "bench-group", MessageType: 1, Priority: 2, MessageBody: { Message: `bench ${i}` } },
    localTime: dueAt.toISOString().slice(0, 16),
    timeZone: "UTC",
    dueAt,
    status: "scheduled",
    approval: "not-required",
    createdById: "bench",
    createdByEmail: "bench@console.local",
    updatedById: "bench",
    updatedByEmail: "bench@console.local",
  });
  const store = async (rows: (typeof scheduledItem.$inferInsert)[]) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      await opened.db.insert(scheduledItem).values(chunk);
      await boss.insert(chunk.map((r) => wakeJobOf({ id: r.id!, version: 1, dueAt: r.dueAt })));
    }
  };

  const month = 30 * 24 * 60 * 60 * 1000;
  await store(Array.from({ length: TOTAL - DUE }, (_, i) => item(i, new Date(Date.now() + 60 * 60_000 + Math.random() * month))));
  // Flush what storing wrote now: on PGlite a checkpoint runs on the process's only thread and would otherwise
  // stall the dispatcher for seconds in the middle of the measured window.
  await opened.db.execute(sql`checkpoint`);
  const storedAt = Date.now();
  const firstDue = Date.now() + 10_000;
  const dueRows = Array.from({ length: DUE }, (_, i) => item(TOTAL - DUE + i, new Date(firstDue + Math.random() * SPAN_MS)));
  await store(dueRows);
  if (Date.now() > firstDue) throw new Error("Storing the due items took longer than their lead time; raise it.");

  const apps: AppAccess = {
    async resolve() {
      const limits = resolveZimLimits({});
      return {
        key: "sandbox", name: "Sandbox", appId: APP_ID, isProduction: false, isSandbox: true, recallWindowSeconds: 120, broadcastDailyLimit: 100,
        testGroupId: null, serverSecret: SECRET, baseUrl: server.url, rateLimits: DEFAULT_RATE_LIMITS, sizeLimits: {}, limits,
      };
    },
    client: (app) => createZimClient({ appId: app.appId, serverSecret: app.serverSecret, baseUrl: app.baseUrl, limits: app.limits }),
  };
  // How long this process could not run anything (PGlite works on its only thread; a busy machine takes it away).
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  const dispatcher = await startDispatcher({ database: opened, boss, apps });

  const ids = dueRows.map((r) => r.id!);
  const lastDue = Math.max(...dueRows.map((r) => r.dueAt.getTime()));
  for (;;) {
    const rows = await opened.db.select({ status: scheduledItem.status }).from(scheduledItem).where(inArray(scheduledItem.id, ids));
    const open = rows.filter((r) => ["scheduled", "claimed", "sending"].includes(r.status)).length;
    if (open === 0) break;
    if (Date.now() > lastDue + 10 * 60_000) throw new Error(`${open} due items still unsent ten minutes after the last due time.`);
    await sleep(1000);
  }
  const finished = Date.now();
  stalls.disable();
  await dispatcher.stop();

  const sends = await opened.db.select().from(messageSend).where(inArray(messageSend.scheduledItemId, ids));
  const statuses = await opened.db.select({ status: scheduledItem.status }).from(scheduledItem).where(inArray(scheduledItem.id, ids));
  const byItem = new Map(sends.map((s) => [s.scheduledItemId!, s]));
  const ordered = [...dueRows].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const forced = forcedLateness(ordered.map((r) => r.dueAt.getTime()));
  const lateness: number[] = [];
  const own: number[] = [];
  ordered.forEach((r, i) => {
    const send = byItem.get(r.id!);
    if (!send || send.status !== "delivered") return;
    const late = send.attemptedAt.getTime() - r.dueAt.getTime();
    lateness.push(late);
    own.push(late - forced[i]!);
  });
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const [L, F, O] = [sorted(lateness), sorted(forced), sorted(own)];
  const counts = new Map<string, number>();
  for (const s of statuses) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);

  console.log(`bench:scheduler on ${opened.engine}: ${TOTAL} stored items, ${DUE} due within ${SPAN_MS / 1000} s, SendGroupMessage ${PER_SECOND}/s`);
  console.log(`  storing items and wake-up jobs   ${seconds(storedAt - started)} (+ the due ones)`);
  console.log(`  first due → last settled         ${seconds(finished - firstDue)}`);
  console.log(`  item statuses                    ${[...counts].map(([s, n]) => `${s} ${n}`).join(", ")}`);
  console.log(`  sends retried after 660300005    ${sends.filter((s) => s.attempts > 1).length}`);
  console.log(`  lateness (request − due)         p50 ${seconds(percentile(L, 0.5))}  p99 ${seconds(percentile(L, 0.99))}  max ${seconds(L.at(-1)!)}`);
  console.log(`  forced by the rate limit         p50 ${seconds(percentile(F, 0.5))}  p99 ${seconds(percentile(F, 0.99))}  max ${seconds(F.at(-1)!)}`);
  console.log(`  the dispatcher's own part        p50 ${seconds(percentile(O, 0.5))}  p99 ${seconds(percentile(O, 0.99))}  max ${seconds(O.at(-1)!)}`);
  const rtt = sorted(sends.filter((x) => x.completedAt).map((x) => x.completedAt!.getTime() - x.attemptedAt.getTime()));
  console.log(`  request round trip               p50 ${seconds(percentile(rtt, 0.5))}  p99 ${seconds(percentile(rtt, 0.99))}`);
  console.log(`  event loop delay                 p99 ${seconds(stalls.percentile(99) / 1e6)}  max ${seconds(stalls.max / 1e6)}`);
  console.log(`  goal p99 of own part < 1 s: ${percentile(O, 0.99) < 1000 ? "met" : "NOT met"}`);

  await boss.stop({ graceful: false, wait: true });
  server.close();
  await opened.dispose();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
