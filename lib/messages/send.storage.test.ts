import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, messageSend } from "@/lib/db/schema";
import { inbox, openSandbox, seedGroup, type TestSandbox } from "@/lib/sandbox/test-support/sandbox";
import { testEngines } from "@/lib/testing/engines";
import { InvalidRequestError } from "./context";
import { resendMessage } from "./resend";
import { sendGroupMessage } from "./send";
import { closedPort, newKey, sandboxApp, testContext, textMessage } from "./test-support";

/**
 * The send verb against the real sandbox over HTTP: what reaches the inboxes, what the row and the audit trail
 * say, and that one idempotency key never sends twice.
 */
describe.each(await testEngines())("sending group messages on $name", (engine) => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await openSandbox(engine);
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.clock.advance(10_000));
  afterEach(async () => {
    await sandbox.control.delete("faults");
  });

  const send = (request: ReturnType<typeof textMessage>, key = newKey(), ctx = testContext(sandbox)) =>
    sendGroupMessage({ ctx, input: { appKey: "sandbox", idempotencyKey: key, audienceSize: 3, request } });
  const rowOf = async (id: string) => (await sandbox.db.select().from(messageSend).where(eq(messageSend.id, id)))[0]!;
  const auditOf = (id: string) =>
    sandbox.db.select().from(auditLog).where(sql`${auditLog.detail}->>'sendId' = ${id}`).orderBy(auditLog.id);

  it("sends a text to the whole group: every online member has it, the row and two audit rows say so", async () => {
    const g = await seedGroup(sandbox, { a: { Online: true }, b: { Online: true }, c: { Online: false } });
    const result = await send(textMessage(g.sender, g.groupId, "Hello team"));
    expect(result).toMatchObject({ status: "delivered", duplicate: false });
    const row = await rowOf(result.id);
    expect(row).toMatchObject({ status: "delivered", code: 0, msgSeq: 1, recipientMode: "all", audienceSize: 3, attempts: 1 });
    expect(row.msgId).toMatch(/^\d+$/);
    expect(row.requestId).toBeTruthy();
    for (const user of [g.ids.a, g.ids.b]) {
      expect((await inbox(sandbox, user, g.groupId)).map((m) => m.MessageBody.Message)).toEqual(["Hello team"]);
    }
    expect((await inbox(sandbox, g.ids.c, g.groupId))[0]?.Delivered).toBe(false);
    const audit = await sandbox.db.select().from(auditLog).where(and(eq(auditLog.target, `Sandbox / ${g.groupId}`)));
    expect(audit.map((a) => [a.action, a.outcome])).toEqual([["message.send", "success"], ["message.send.result", "success"]]);
    expect(JSON.stringify(audit.map((a) => a.detail))).not.toContain("Hello team");
  });

  it("two concurrent sends with one key reach the sandbox once", async () => {
    const g = await seedGroup(sandbox, { a: { Online: true } });
    const key = newKey();
    const request = textMessage(g.sender, g.groupId, "only once");
    const results = await Promise.all([send(request, key), send(request, key), send(request, key)]);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.duplicate).every((r) => r.sameContent)).toBe(true);
    expect(await inbox(sandbox, g.ids.a, g.groupId)).toHaveLength(1);
    expect(await sandbox.db.select().from(messageSend).where(eq(messageSend.idempotencyKey, key))).toHaveLength(1);
  });

  it("a reused key with another message sends nothing and says the content differs", async () => {
    const g = await seedGroup(sandbox, { a: { Online: true } });
    const key = newKey();
    await send(textMessage(g.sender, g.groupId, "first"), key);
    const second = await send(textMessage(g.sender, g.groupId, "second"), key);
    expect(second).toMatchObject({ duplicate: true, sameContent: false });
    expect((await inbox(sandbox, g.ids.a, g.groupId)).map((m) => m.MessageBody.Message)).toEqual(["first"]);
  });

  it.each([
    ["only", true, ["a"], ["b", "c"]],
    ["except", false, ["b", "c"], ["a"]],
  ] as const)("targets %s the listed members", async (mode, inclusive, receive, skip) => {
    const g = await seedGroup(sandbox, { a: { Online: true }, b: { Online: true }, c: { Online: true } });
    const request = textMessage(g.sender, g.groupId, `targeted ${mode}`, {
      SendMsgOptions: { TargetOption: { ReceiverUserIds: [g.ids.a], Inclusive: inclusive } },
    });
    const row = await rowOf((await send(request)).id);
    expect(row).toMatchObject({ status: "delivered", recipientMode: mode, recipientCount: 1 });
    for (const k of receive) expect((await inbox(sandbox, g.ids[k], g.groupId))[0]).toMatchObject({ Targeted: true, Unread: false });
    for (const k of skip) expect(await inbox(sandbox, g.ids[k], g.groupId)).toEqual([]);
  });

  it("checks the app's own limits before recording anything", async () => {
    const g = await seedGroup(sandbox, { a: { Online: true } });
    const ctx = testContext(sandbox, sandboxApp(sandbox, { limits: { messageBytes: 10 } }));
    const key = newKey();
    await expect(send(textMessage(g.sender, g.groupId, "eleven byte"), key, ctx)).rejects.toBeInstanceOf(InvalidRequestError);
    expect(await sandbox.db.select().from(messageSend).where(eq(messageSend.idempotencyKey, key))).toEqual([]);
  });

  it("records a group-not-found rejection with its code", async () => {
    const g = await seedGroup(sandbox, { a: { Online: true } });
    const row = await rowOf((await send(textMessage(g.sender, "no-such-group-x"))).id);
    expect(row).toMatchObject({ status: "rejected", code: 660600001 });
  });

  it("records a moderation hit as blocked with its AuditInfos; nobody receives it (D5)", async () => {
    const g = await seedGroup(sandbox, { a: { Online: true } });
    const row = await rowOf((await send(textMessage(g.sender, g.groupId, "this is forbidden"))).id);
    expect(row.status).toBe("blocked");
    expect(row.auditInfos).toEqual([{ Index: 0, Reason: 'contains the blocked word "forbidden"' }]);
    expect(await inbox(sandbox, g.ids.a, g.groupId)).toEqual([]);
  });

  it("a rate-limited send is resent on the same record, once, and then delivered", async () => {
    const g = await seedGroup(sandbox, { a: { Online: true } });
    await sandbox.control.put("faults", { Action: "SendGroupMessage", Effect: "code", Code: 660300005, Times: 1 });
    const { id } = await send(textMessage(g.sender, g.groupId, "later"));
    expect(await rowOf(id)).toMatchObject({ status: "rate-limited", code: 660300005 });
    expect(await inbox(sandbox, g.ids.a, g.groupId)).toEqual([]);
    const ctx = testContext(sandbox);
    const [first, second] = await Promise.allSettled([resendMessage({ ctx, input: { id } }), resendMessage({ ctx, input: { id } })]);
    expect([first.status, second.status].sort()).toEqual(["fulfilled", "rejected"]);
    expect(await rowOf(id)).toMatchObject({ status: "delivered", attempts: 2, code: 0 });
    expect(await inbox(sandbox, g.ids.a, g.groupId)).toHaveLength(1);
    await expect(resendMessage({ ctx, input: { id } })).rejects.toMatchObject({ key: "historyErrors.notResendable" });
  });

  it.each([
    ["an HTTP 503", { Effect: "http-error", HttpStatus: 503, AfterProcessing: false }, "http-status", 0],
    ["a cut-off answer after delivery", { Effect: "malformed-json" }, "not-json", 1],
    ["a lost answer after delivery", { Effect: "drop" }, "connection-lost", 1],
  ] as const)("%s is unknown, never resendable", async (_, fault, reason, delivered) => {
    const g = await seedGroup(sandbox, { a: { Online: true } });
    await sandbox.control.put("faults", { Action: "SendGroupMessage", ...fault });
    const { id, status } = await send(textMessage(g.sender, g.groupId, "maybe"));
    expect(status).toBe("unknown");
    expect((await rowOf(id)).failure).toMatchObject({ reason });
    expect(await inbox(sandbox, g.ids.a, g.groupId)).toHaveLength(delivered);
    await expect(resendMessage({ ctx: testContext(sandbox), input: { id } })).rejects.toMatchObject({ key: "historyErrors.notResendable" });
  });

  it("a timeout is unknown", async () => {
    const g = await seedGroup(sandbox, { a: { Online: true } });
    await sandbox.control.put("faults", { Action: "SendGroupMessage", LatencyMs: 1500 });
    const ctx = testContext(sandbox, sandboxApp(sandbox, { timeoutMs: 300 }));
    const { id, status } = await send(textMessage(g.sender, g.groupId, "slow"), newKey(), ctx);
    expect(status).toBe("unknown");
    expect((await rowOf(id)).failure).toMatchObject({ reason: "timeout" });
  });

  it("a refused connection is not-sent and may be resent", async () => {
    const g = await seedGroup(sandbox, { a: { Online: true } });
    const ctx = testContext(sandbox, sandboxApp(sandbox, { baseUrl: `http://127.0.0.1:${await closedPort()}` }));
    const { id, status } = await send(textMessage(g.sender, g.groupId, "offline"), newKey(), ctx);
    expect(status).toBe("not-sent");
    expect((await rowOf(id)).failure).toMatchObject({ reason: "connection-failed" });
    expect(await resendMessage({ ctx: testContext(sandbox), input: { id } })).toMatchObject({ status: "delivered" });
  });

  it("a test send goes to the test group, to everyone in it, and is marked as a test", async () => {
    const g = await seedGroup(sandbox, { a: { Online: true } });
    const t = await seedGroup(sandbox, { tester: { Online: true } });
    const ctx = testContext(sandbox, sandboxApp(sandbox, { testGroupId: t.groupId }));
    const key = newKey();
    const request = textMessage(t.sender, g.groupId, "rehearsal", { SendMsgOptions: { TargetOption: { ReceiverUserIds: [g.ids.a], Inclusive: true } } });
    const result = await sendGroupMessage({ ctx, input: { appKey: "sandbox", idempotencyKey: key, request, test: true } });
    expect(await rowOf(result.id)).toMatchObject({ isTest: true, groupId: t.groupId, recipientMode: "all", status: "delivered" });
    expect(await inbox(sandbox, t.ids.tester, t.groupId)).toHaveLength(1);
    expect(await inbox(sandbox, g.ids.a, g.groupId)).toEqual([]);
    const again = await sendGroupMessage({ ctx, input: { appKey: "sandbox", idempotencyKey: key, request, test: true } });
    expect(again).toMatchObject({ duplicate: true, id: result.id });
  });

  it("keeps the audit detail free of message text", async () => {
    const g = await seedGroup(sandbox, { a: { Online: true } });
    const { id } = await send(textMessage(g.sender, g.groupId, "secret-plan-42"));
    const rows = await auditOf(id);
    expect(rows.length).toBe(2);
    expect(JSON.stringify(rows.map((r) => r.detail))).not.toContain("secret-plan-42");
  });
});
