import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, messageSend, scheduledItem } from "@/lib/db/schema";
import { InvalidRequestError } from "@/lib/messages/context";
import { recallMessage } from "@/lib/messages/recall";
import { resendMessage } from "@/lib/messages/resend";
import { newKey, sandboxApp, testContext } from "@/lib/messages/test-support";
import { inbox, openSandbox, uid, type TestSandbox } from "@/lib/sandbox/test-support/sandbox";
import { testEngines } from "@/lib/testing/engines";
import type { SendMessageToAllUsersInput } from "@/lib/zim/schemas/send-message-to-all-users";
import { QUOTA_WINDOW_MS } from "./quota";
import { QuotaRefusedError } from "./quota-guard";
import { loadQuotaView } from "./quota-summary";
import { sendAnnouncement } from "./send";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The announcement verb against the real sandbox over HTTP: who receives it per PushType, what the row and the
 * audit trail say, one send per key, and the console's own D7 guard (quota and 1 per second) refusing before
 * anything is recorded or sent.
 */
describe.each(await testEngines())("sending announcements on $name", (engine) => {
  let sandbox: TestSandbox;
  let sender: string;
  const users = { online: "", onlinePush: "", offlinePush: "", offline: "" };

  beforeAll(async () => {
    sandbox = await openSandbox(engine);
    sender = uid("ops");
    await sandbox.control.post("users", { UserId: sender });
    const flags = {
      online: { Online: true, PushRegistered: false },
      onlinePush: { Online: true, PushRegistered: true },
      offlinePush: { Online: false, PushRegistered: true },
      offline: { Online: false, PushRegistered: false },
    };
    for (const key of Object.keys(flags) as (keyof typeof flags)[]) {
      users[key] = uid(key);
      await sandbox.control.post("users", { UserId: users[key], ...flags[key] });
    }
  });
  afterAll(() => sandbox.close());
  // A new day each test, so the rolling 24 hours (D7) start empty for the console and the sandbox alike.
  beforeEach(() => sandbox.clock.advance(DAY_MS + 1000));
  afterEach(async () => {
    await sandbox.control.delete("faults");
    await sandbox.control.put("settings", { BroadcastDailyLimit: 100 });
  });

  const text = (message: string, extra: Partial<SendMessageToAllUsersInput> = {}): SendMessageToAllUsersInput => ({
    FromUserId: sender, MessageType: 1, MessageBody: { Message: message }, ...extra,
  });
  const announce = (request: SendMessageToAllUsersInput, key = newKey(), ctx = testContext(sandbox)) =>
    sendAnnouncement({ ctx, input: { appKey: "sandbox", idempotencyKey: key, request } });
  const rowOf = async (id: string) => (await sandbox.db.select().from(messageSend).where(eq(messageSend.id, id)))[0]!;
  const rowsWithKey = (key: string) => sandbox.db.select().from(messageSend).where(eq(messageSend.idempotencyKey, key));
  const broadcastCount = async () => ((await sandbox.control.get("broadcasts")).body.Broadcasts as unknown[]).length;
  const auditOf = (id: string) =>
    sandbox.db.select().from(auditLog).where(sql`${auditLog.detail}->>'sendId' = ${id}`).orderBy(auditLog.id);

  /** Which kind of entry (broadcast, push) each user has for this message. */
  async function received(message: string) {
    const kinds: Record<string, string[]> = {};
    for (const [key, userId] of Object.entries(users)) {
      kinds[key] = (await inbox(sandbox, userId)).filter((m) => m.MessageBody.Message === message).map((m) => m.Kind);
    }
    return kinds;
  }

  it("PushType 0 reaches online users only; the row has no group, priority or MsgSeq, and two audit rows", async () => {
    const message = uid("news");
    const result = await announce(text(message, { PushType: 0 }));
    expect(result).toMatchObject({ status: "delivered", duplicate: false });
    const row = await rowOf(result.id);
    expect(row).toMatchObject({
      kind: "broadcast", pushType: 0, groupId: null, priority: null, recipientMode: null, code: 0, msgSeq: null, msgId: null, attempts: 1,
    });
    expect(row.requestId).toMatch(/^\d+$/);
    expect(await received(message)).toEqual({ online: ["broadcast"], onlinePush: ["broadcast"], offlinePush: [], offline: [] });
    const audit = await auditOf(result.id);
    expect(audit.map((a) => [a.action, a.target, a.outcome])).toEqual([
      ["announcement.send", "Sandbox / all users", "success"],
      ["announcement.send.result", "Sandbox / all users", "success"],
    ]);
    expect(JSON.stringify(audit.map((a) => a.detail))).not.toContain(message);
  });

  it.each([
    [1, { online: ["broadcast"], onlinePush: ["broadcast"], offlinePush: ["push"], offline: [] }],
    [2, { online: [], onlinePush: ["push"], offlinePush: ["push"], offline: [] }],
  ] as const)("PushType %i reaches the users the sandbox says it should", async (PushType, expected) => {
    const message = uid("news");
    const request = text(message, { PushType, MessageBody: { Message: message, OfflinePush: { Enable: 1, Title: "News" } } });
    const { id } = await announce(request);
    expect(await rowOf(id)).toMatchObject({ status: "delivered", pushType: PushType });
    expect(await received(message)).toEqual(expected);
  });

  it("three concurrent calls with one key send once", async () => {
    const key = newKey();
    const message = uid("once");
    const before = await broadcastCount();
    const results = await Promise.all([announce(text(message), key), announce(text(message), key), announce(text(message), key)]);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.every((r) => r.sameContent)).toBe(true);
    expect(await broadcastCount()).toBe(before + 1);
    expect(await rowsWithKey(key)).toHaveLength(1);
    expect((await received(message)).online).toEqual(["broadcast"]);
  });

  it("past the app's daily limit it is refused with when it would fit; nothing is recorded or sent", async () => {
    await sandbox.control.put("settings", { BroadcastDailyLimit: 2 });
    const ctx = testContext(sandbox, sandboxApp(sandbox, { broadcastDailyLimit: 2 }));
    const first = sandbox.clock.now().getTime();
    await announce(text(uid("one")), newKey(), ctx);
    sandbox.clock.advance(60_000);
    await announce(text(uid("two")), newKey(), ctx);
    sandbox.clock.advance(60_000);
    const before = await broadcastCount();
    const audits = async () => (await sandbox.db.select().from(auditLog).where(eq(auditLog.action, "announcement.send"))).length;
    const auditsBefore = await audits();
    const key = newKey();
    const refused = await announce(text(uid("three")), key, ctx).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(QuotaRefusedError);
    expect(refused).toMatchObject({ key: "announcementErrors.quotaFull", refusal: { reason: "quota", nextAllowedAt: first + QUOTA_WINDOW_MS }, limit: 2 });
    expect(await rowsWithKey(key)).toEqual([]);
    expect(await broadcastCount()).toBe(before);
    expect(await audits()).toBe(auditsBefore);

    // The meter reads the same events: 2 of 2 used, and the same time it would fit.
    const view = await loadQuotaView(sandbox.db, { key: "sandbox", broadcastDailyLimit: 2 }, sandbox.clock.now());
    expect(view).toMatchObject({ usedLast24h: 2, remaining: 0, limit: 2, refusal: { reason: "quota", nextAllowedAt: new Date(first + QUOTA_WINDOW_MS).toISOString() } });

    // Once the first is 24 hours old, one fits again, and the sandbox agrees.
    sandbox.clock.advance(first + QUOTA_WINDOW_MS - sandbox.clock.now().getTime());
    expect(await announce(text(uid("four")), newKey(), ctx)).toMatchObject({ status: "delivered" });
  });

  it("keeps a second between announcements", async () => {
    const first = sandbox.clock.now().getTime();
    await announce(text(uid("a")));
    sandbox.clock.advance(400);
    const key = newKey();
    const refused = await announce(text(uid("b")), key).catch((e: unknown) => e);
    expect(refused).toMatchObject({ key: "announcementErrors.spacing", refusal: { reason: "spacing", nextAllowedAt: first + 1000 } });
    expect(await rowsWithKey(key)).toEqual([]);
    sandbox.clock.advance(600);
    expect(await announce(text(uid("c")), key)).toMatchObject({ status: "delivered", duplicate: false });
  });

  it("two different announcements at the same moment: the quota lock lets one through and refuses the other", async () => {
    const [a, b] = await Promise.allSettled([announce(text(uid("left"))), announce(text(uid("right")))]);
    const outcomes = [a, b].map((r) => (r.status === "fulfilled" ? r.value.status : (r.reason as QuotaRefusedError).refusal.reason));
    expect(outcomes.sort()).toEqual(["delivered", "spacing"]);
  });

  it("counts scheduled announcements, but a scheduled occurrence is not crowded by itself", async () => {
    const ctx = testContext(sandbox, sandboxApp(sandbox, { broadcastDailyLimit: 2 }));
    await announce(text(uid("sent")), newKey(), ctx);
    const dueAt = new Date(sandbox.clock.now().getTime() + 60 * 60_000);
    const [item] = await sandbox.db.insert(scheduledItem).values({
      kind: "broadcast", appKey: "sandbox", appName: "Sandbox", isProduction: false, request: text("later"),
      localTime: "2030-01-01T00:00", timeZone: "UTC", dueAt, status: "scheduled", approval: "not-required",
      createdById: "o", createdByEmail: "o@x.test", updatedById: "o", updatedByEmail: "o@x.test",
    }).returning();
    sandbox.clock.advance(5_000);
    await expect(announce(text(uid("now")), newKey(), ctx)).rejects.toMatchObject({ refusal: { reason: "quota" } });

    sandbox.clock.advance(dueAt.getTime() - sandbox.clock.now().getTime() + 2_000);
    const message = uid("scheduled");
    const result = await sendAnnouncement({
      ctx, input: { appKey: "sandbox", idempotencyKey: newKey(), request: text(message), scheduled: { itemId: item!.id, dueAt } },
    });
    expect(await rowOf(result.id)).toMatchObject({ status: "delivered", scheduledItemId: item!.id, scheduledFor: dueAt });
    await sandbox.db.update(scheduledItem).set({ status: "sent" }).where(eq(scheduledItem.id, item!.id));
  });

  it.each([
    ["an invalid sender ID", text("x", { FromUserId: "bad/id" }), "FromUserId"],
    ["a sub-type on a text message", text("x", { SubMsgType: 3 }), "SubMsgType"],
    ["a command message", { ...text("x"), MessageType: 2 } as unknown as SendMessageToAllUsersInput, "MessageType"],
  ])("%s is an InvalidRequestError; nothing is recorded or sent", async (_, request, field) => {
    const key = newKey();
    const before = await broadcastCount();
    const error = await announce(request, key).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).issues.map((i) => i.path[0])).toContain(field);
    expect(await rowsWithKey(key)).toEqual([]);
    expect(await broadcastCount()).toBe(before);
  });

  it("ZIM's own rate limit (660500003) is safe to send again, on the same record, after the quota check", async () => {
    await sandbox.control.put("faults", { Action: "SendMessageToAllUsers", Effect: "code", Code: 660500003, Times: 1 });
    const message = uid("retry");
    const { id } = await announce(text(message));
    expect(await rowOf(id)).toMatchObject({ status: "rate-limited", code: 660500003 });
    expect((await received(message)).online).toEqual([]);
    sandbox.clock.advance(1000);
    expect(await resendMessage({ ctx: testContext(sandbox), input: { id } })).toMatchObject({ status: "delivered" });
    expect(await rowOf(id)).toMatchObject({ status: "delivered", attempts: 2 });
    expect((await received(message)).online).toEqual(["broadcast"]);
    expect((await auditOf(id)).map((a) => a.action)).toEqual([
      "announcement.send", "announcement.send.result", "announcement.resend", "announcement.send.result",
    ]);
  });

  it("a lost answer is unknown, still counts against the quota, and cannot be resent or recalled", async () => {
    await sandbox.control.put("faults", { Action: "SendMessageToAllUsers", Effect: "drop" });
    const { id, status } = await announce(text(uid("lost")));
    expect(status).toBe("unknown");
    const view = await loadQuotaView(sandbox.db, { key: "sandbox", broadcastDailyLimit: 1 }, sandbox.clock.now());
    expect(view).toMatchObject({ usedLast24h: 1, remaining: 0 });
    const ctx = testContext(sandbox);
    await expect(resendMessage({ ctx, input: { id } })).rejects.toMatchObject({ key: "historyErrors.notResendable" });
    await expect(recallMessage({ ctx, input: { id } })).rejects.toMatchObject({ key: "historyErrors.announcementNoRecall" });
  });
});
