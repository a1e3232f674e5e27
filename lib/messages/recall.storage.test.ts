import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, messageSend } from "@/lib/db/schema";
import { inbox, openSandbox, seedGroup, type TestSandbox } from "@/lib/sandbox/test-support/sandbox";
import { testEngines } from "@/lib/testing/engines";
import { recallMessage } from "./recall";
import { sendGroupMessage } from "./send";
import { newKey, sandboxApp, testContext, textMessage } from "./test-support";

describe.each(await testEngines())("recalling group messages on $name", (engine) => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await openSandbox(engine);
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.clock.advance(10_000));
  afterEach(async () => {
    await sandbox.control.delete("faults");
  });

  async function delivered(text = "to recall", request?: Parameters<typeof textMessage>[3]) {
    const g = await seedGroup(sandbox, { a: { Online: true } });
    const ctx = testContext(sandbox);
    const sent = await sendGroupMessage({ ctx, input: { appKey: "sandbox", idempotencyKey: newKey(), request: textMessage(g.sender, g.groupId, text, request) } });
    return { g, id: sent.id, status: sent.status };
  }
  const rowOf = async (id: string) => (await sandbox.db.select().from(messageSend).where(eq(messageSend.id, id)))[0]!;

  it("recalls a delivered message with a payload and push; the inbox shows it recalled; a second recall is refused", async () => {
    const { g, id } = await delivered();
    sandbox.clock.advance(60_000);
    const ctx = testContext(sandbox);
    const result = await recallMessage({ ctx, input: { id, payload: "oops", push: { title: "Recalled", content: "A message was recalled", payload: "" } } });
    expect(result).toEqual({ status: "recalled" });
    const row = await rowOf(id);
    expect(row.recallStatus).toBe("recalled");
    expect(row.recall).toMatchObject({ code: 0, request: { MsgSeq: 1, Payload: "oops", OfflinePush: { Enable: 1, Title: "Recalled" } } });
    expect((await inbox(sandbox, g.ids.a, g.groupId))[0]?.Recalled).toBe(true);
    await expect(recallMessage({ ctx, input: { id } })).rejects.toMatchObject({ key: "historyErrors.alreadyRecalled" });
    const audit = await sandbox.db.select({ action: auditLog.action, outcome: auditLog.outcome }).from(auditLog).where(eq(auditLog.target, `Sandbox / ${g.groupId}`));
    expect(audit.map((a) => a.action)).toEqual(["message.send", "message.send.result", "message.recall", "message.recall.result"]);
  });

  it("two concurrent recalls send one request", async () => {
    const { id } = await delivered();
    const ctx = testContext(sandbox);
    const results = await Promise.allSettled([recallMessage({ ctx, input: { id } }), recallMessage({ ctx, input: { id } })]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const audit = await sandbox.db.select().from(auditLog).where(eq(auditLog.action, "message.recall.result"));
    expect(audit.filter((a) => (a.detail as { sendId?: string }).sendId === id)).toHaveLength(1);
  });

  it("refuses once the app's recall window has closed, without calling ZIM", async () => {
    const { g, id } = await delivered();
    sandbox.clock.advance(121_000);
    await expect(recallMessage({ ctx: testContext(sandbox), input: { id } })).rejects.toMatchObject({ key: "historyErrors.recallWindowClosed", values: { seconds: 120 } });
    expect((await rowOf(id)).recallStatus).toBeNull();
    expect((await inbox(sandbox, g.ids.a, g.groupId))[0]?.Recalled).toBe(false);
  });

  it("records ZIM's refusal when its window is shorter than the one configured in the console (D13)", async () => {
    const { id } = await delivered();
    sandbox.clock.advance(200_000);
    const ctx = testContext(sandbox, sandboxApp(sandbox, { recallWindowSeconds: 600 }));
    expect(await recallMessage({ ctx, input: { id } })).toEqual({ status: "rejected" });
    expect((await rowOf(id)).recall).toMatchObject({ code: 660000024 });
  });

  it("a recall whose answer was lost can be tried again; ZIM's 'already recalled' then counts as recalled", async () => {
    const { id } = await delivered();
    await sandbox.control.put("faults", { Action: "RevokeGroupMessage", Effect: "drop", Times: 1 });
    const ctx = testContext(sandbox);
    expect(await recallMessage({ ctx, input: { id } })).toEqual({ status: "unknown" });
    expect(await recallMessage({ ctx, input: { id } })).toEqual({ status: "recalled" });
    expect((await rowOf(id)).recall).toMatchObject({ code: 660000023 });
  });

  it("a command message has no MsgSeq and cannot be recalled", async () => {
    const g = await seedGroup(sandbox, { a: { Online: true } });
    const ctx = testContext(sandbox);
    const request = { FromUserId: g.sender, GroupId: g.groupId, MessageType: 2 as const, Priority: 1 as const, MessageBody: { Message: "cmd" } };
    const sent = await sendGroupMessage({ ctx, input: { appKey: "sandbox", idempotencyKey: newKey(), request } });
    expect(await rowOf(sent.id)).toMatchObject({ status: "delivered", msgSeq: null });
    await expect(recallMessage({ ctx, input: { id: sent.id } })).rejects.toMatchObject({ key: "historyErrors.noMsgSeq" });
  });

  it("only a delivered message can be recalled", async () => {
    const { id, status } = await delivered("forbidden words");
    expect(status).toBe("blocked");
    await expect(recallMessage({ ctx: testContext(sandbox), input: { id } })).rejects.toMatchObject({ key: "historyErrors.notDelivered" });
  });

  it("checks the recall payload limit (200 bytes)", async () => {
    const { id } = await delivered();
    await expect(recallMessage({ ctx: testContext(sandbox), input: { id, payload: "汉".repeat(67) } })).rejects.toMatchObject({ name: "InvalidRequestError" });
  });
});
