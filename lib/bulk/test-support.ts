import { eq, sql } from "drizzle-orm";
import { bulkSend, bulkTarget } from "@/lib/db/schema";
import type { MessageContext } from "@/lib/messages/context";
import type { AppAccess } from "@/lib/messages/targets";
import { newKey, sandboxApp, textMessage } from "@/lib/messages/test-support";
import { createDbRateGate } from "@/lib/rate-limit/db-gate";
import { rateLimitedClient } from "@/lib/rate-limit/limited-client";
import type { RateGate } from "@/lib/rate-limit/types";
import { inbox, uid, type TestSandbox } from "@/lib/sandbox/test-support/sandbox";
import { TEST_ADMIN } from "@/lib/testing/operator";
import type { CreateBulkInput } from "./create";
import { startBulkRunner, type BulkRunner } from "./runner";

/**
 * Storage-test wiring for bulk sends: the test's sandbox as the "sandbox" app, its clients behind the shared call
 * limiter on the test's database (as consoleApps does for the console), and a runner on the same.
 */
export function limitedSandboxApp(sandbox: TestSandbox, gate: RateGate, overrides: Parameters<typeof sandboxApp>[1] = {}): AppAccess {
  const plain = sandboxApp(sandbox, overrides);
  return { resolve: plain.resolve, client: (app) => rateLimitedClient(plain.client(app), app, gate) };
}

export function bulkContext(sandbox: TestSandbox, apps: AppAccess): MessageContext {
  return { db: sandbox.db, operator: TEST_ADMIN, ipAddress: "127.0.0.1", apps, now: sandbox.clock.now };
}

export async function startTestRunner(sandbox: TestSandbox, apps: AppAccess, options: { leaseMs?: number; startupTakesEveryLease?: boolean; gate?: RateGate } = {}): Promise<BulkRunner> {
  return startBulkRunner({
    database: sandbox,
    apps,
    gate: options.gate ?? createDbRateGate(sandbox.db),
    now: sandbox.clock.now,
    leaseMs: options.leaseMs ?? 3_000,
    pollMs: 200,
    startupTakesEveryLease: options.startupTakesEveryLease,
  });
}

/**
 * `count` groups in the sandbox, each with one online reader, all owned by one sender (whose user exists, so ZIM
 * accepts the messages; D9: the sender need not be a member of each). Answers the group IDs, in order.
 */
export async function seedGroups(sandbox: Pick<TestSandbox, "control">, count: number, sender = uid("sender")) {
  const groups = Array.from({ length: count }, () => ({ groupId: uid("bg"), reader: uid("r") }));
  for (const g of groups) await createGroup(sandbox, g.groupId, sender, g.reader);
  return { sender, groups, groupIds: groups.map((g) => g.groupId) };
}

export async function createGroup(sandbox: Pick<TestSandbox, "control">, groupId: string, sender: string, reader: string): Promise<void> {
  const response = await sandbox.control.post("groups", {
    GroupId: groupId,
    GroupOwner: sender,
    Members: [{ UserId: sender, Online: true }, { UserId: reader, Online: true }],
  });
  if (response.status !== 201) throw new Error(`group ${groupId}: ${JSON.stringify(response.body)}`);
}

/** What one group's reader received from the run: the texts in their inbox for that group. */
export async function inboxTexts(sandbox: Pick<TestSandbox, "control">, group: { groupId: string; reader: string }) {
  return (await inbox(sandbox, group.reader, group.groupId)).map((m) => String(m.MessageBody.Message ?? ""));
}

export function bulkInput(sender: string, groupIds: string[], text: string, extra: Partial<CreateBulkInput> = {}): CreateBulkInput {
  return { appKey: "sandbox", createKey: newKey(), request: textMessage(sender, "", text), groupIds, ...extra };
}

/** The run's counters next to what its target rows say, for "the counters equal the rows". */
export async function countersAndRows(sandbox: Pick<TestSandbox, "db">, id: string) {
  const [run] = await sandbox.db.select().from(bulkSend).where(eq(bulkSend.id, id));
  const rows = await sandbox.db
    .select({ status: bulkTarget.status, n: sql<number>`count(*)::int` })
    .from(bulkTarget)
    .where(eq(bulkTarget.bulkId, id))
    .groupBy(bulkTarget.status);
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
  const n = (s: string) => by[s] ?? 0;
  return {
    counters: { delivered: run!.deliveredCount, blocked: run!.blockedCount, failed: run!.failedCount, unknown: run!.unknownCount, cancelled: run!.cancelledCount },
    rows: { delivered: n("delivered"), blocked: n("blocked"), failed: n("rejected") + n("rate-limited") + n("not-sent"), unknown: n("unknown"), cancelled: n("cancelled") },
    byStatus: by,
  };
}

export async function targetsOf(sandbox: Pick<TestSandbox, "db">, id: string) {
  return sandbox.db.select().from(bulkTarget).where(eq(bulkTarget.bulkId, id)).orderBy(bulkTarget.seq);
}
