import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/lib/db/open";
import { auditLog, messageSend } from "@/lib/db/schema";
import { testEngines } from "@/lib/testing/engines";
import { markInterruptedSendsUnknown } from "./sweep";
import { toSendView } from "./view";

const NOW = new Date("2030-01-15T12:00:00Z");

function row(key: string, attemptedAt: Date, extra: Partial<typeof messageSend.$inferInsert> = {}): typeof messageSend.$inferInsert {
  return {
    idempotencyKey: key, requestHash: "h", appKey: "sandbox", appName: "Sandbox", appId: 1, isProduction: false,
    fromUserId: "ops", groupId: "g", messageType: 1, priority: 1, recipientMode: "all", request: {}, status: "sending",
    operatorId: "o", operatorEmail: "o@x.test", createdAt: attemptedAt, attemptedAt, ...extra,
  };
}

describe.each(await testEngines())("the interrupted-send sweep on $name", (engine) => {
  let opened: OpenDatabase & { dispose(): Promise<void> };
  beforeAll(async () => {
    opened = await engine.open();
  });
  afterAll(() => opened.dispose());

  it("marks old 'sending' rows and recalls unknown, audits each, leaves fresh ones and never resends", async () => {
    const db = opened.db;
    const old = new Date(NOW.getTime() - 5 * 60_000);
    const fresh = new Date(NOW.getTime() - 5_000);
    await db.insert(messageSend).values([
      row("old-send-aaaaaaaaaaaa", old),
      row("fresh-send-aaaaaaaaaa", fresh),
      row("old-recall-aaaaaaaaaa", old, { status: "delivered", msgSeq: 3, recallStatus: "recalling", recall: { request: {}, byId: "o", byEmail: "o@x.test", attemptedAt: old.toISOString() } }),
    ]);
    const before = await db.select().from(messageSend).where(eq(messageSend.idempotencyKey, "fresh-send-aaaaaaaaaa"));
    expect(toSendView(before[0]!, NOW).status).toBe("sending");

    expect(await markInterruptedSendsUnknown(db, { now: NOW })).toEqual({ sends: 1, recalls: 1 });
    const byKey = async (k: string) => (await db.select().from(messageSend).where(eq(messageSend.idempotencyKey, k)))[0]!;
    expect(await byKey("old-send-aaaaaaaaaaaa")).toMatchObject({ status: "unknown", failure: { reason: "interrupted" }, attempts: 1 });
    expect((await byKey("fresh-send-aaaaaaaaaa")).status).toBe("sending");
    expect(await byKey("old-recall-aaaaaaaaaa")).toMatchObject({ status: "delivered", recallStatus: "unknown" });
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "message.send.interrupted"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: null, outcome: "failure" });

    // A second run finds nothing more; with no age limit (a lone PGlite process) the fresh one goes too.
    expect(await markInterruptedSendsUnknown(db, { now: NOW })).toEqual({ sends: 0, recalls: 0 });
    expect(await markInterruptedSendsUnknown(db, { now: NOW, olderThanMs: 0 })).toEqual({ sends: 1, recalls: 0 });
  });

  it("names an interrupted announcement as such in the audit trail", async () => {
    const old = new Date(NOW.getTime() - 5 * 60_000);
    const broadcast = { kind: "broadcast" as const, groupId: null, priority: null, recipientMode: null, pushType: 1 };
    const [r] = await opened.db.insert(messageSend).values(row("old-announce-aaaaaaaaa", old, broadcast)).returning();
    expect(await markInterruptedSendsUnknown(opened.db, { now: NOW })).toEqual({ sends: 1, recalls: 0 });
    const audit = await opened.db.select().from(auditLog).where(eq(auditLog.action, "announcement.send.interrupted"));
    expect(audit.map((a) => [a.target, (a.detail as { sendId: string }).sendId])).toEqual([["Sandbox / all users", r!.id]]);
  });

  it("shows a stale 'sending' row as unknown even before the sweep", async () => {
    const attemptedAt = new Date(NOW.getTime() - 61_000);
    const [r] = await opened.db.insert(messageSend).values(row("stale-view-aaaaaaaaaa", attemptedAt)).returning();
    expect(toSendView(r!, NOW)).toMatchObject({ status: "unknown", failure: { reason: "interrupted" } });
  });
});
