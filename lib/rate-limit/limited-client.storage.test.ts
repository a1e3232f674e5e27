import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sandboxApp, textMessage } from "@/lib/messages/test-support";
import type { ResolvedTarget } from "@/lib/messages/targets";
import { LiveClock } from "@/lib/sandbox/test-support/clock";
import { inbox, openSandbox, seedGroup, type TestSandbox } from "@/lib/sandbox/test-support/sandbox";
import { testEngines } from "@/lib/testing/engines";
import type { ZimClient } from "@/lib/zim/client";
import { createDbRateGate } from "./db-gate";
import { rateLimitedClient } from "./limited-client";

/**
 * What the rate-limited client does with ZIM's answers: a frequency code (certainly not sent) is sent again after a
 * hold-off, anything that may have been sent is never repeated.
 */
describe.each(await testEngines())("the rate-limited client on $name", (engine) => {
  let sandbox: TestSandbox;
  let app: ResolvedTarget;
  let plain: ZimClient;

  beforeAll(async () => {
    sandbox = await openSandbox(engine, new LiveClock());
    const apps = sandboxApp(sandbox, { timeoutMs: 1000 });
    app = await apps.resolve("sandbox");
    plain = apps.client(app);
  });
  afterAll(() => sandbox.close());
  afterEach(async () => {
    await sandbox.control.delete("faults");
  });

  it("sends again after frequency codes, and the group gets the message once", async () => {
    const g = await seedGroup(sandbox, { member: { Online: true } });
    await sandbox.control.put("faults", { Action: "SendGroupMessage", Effect: "code", Code: 660300005, Times: 2 });
    const client = rateLimitedClient(plain, app, createDbRateGate(sandbox.db), { holdOffMs: 200 });
    const outcome = await client.sendGroupMessage(textMessage(g.sender, g.groupId, "after two refusals"));
    expect(outcome.kind).toBe("accepted");
    expect((await inbox(sandbox, g.ids.member, g.groupId)).map((m) => m.MessageBody.Message)).toEqual(["after two refusals"]);
  });

  it("gives up after its retries and returns the frequency outcome for the caller to record", async () => {
    const g = await seedGroup(sandbox, { member: { Online: true } });
    await sandbox.control.put("faults", { Action: "SendGroupMessage", Effect: "code", Code: 660300005, Times: 5 });
    const client = rateLimitedClient(plain, app, createDbRateGate(sandbox.db), { retries: 2, holdOffMs: 100 });
    const outcome = await client.sendGroupMessage(textMessage(g.sender, g.groupId));
    expect(outcome).toMatchObject({ kind: "rate-limited", code: 660300005 });
    expect(await inbox(sandbox, g.ids.member, g.groupId)).toEqual([]);
  });

  it("never repeats a call whose answer was lost: it may have been sent", async () => {
    const g = await seedGroup(sandbox, { member: { Online: true } });
    await sandbox.control.put("faults", { Action: "SendGroupMessage", Effect: "drop", AfterProcessing: true, Times: 1 });
    const client = rateLimitedClient(plain, app, createDbRateGate(sandbox.db));
    const outcome = await client.sendGroupMessage(textMessage(g.sender, g.groupId, "answer lost"));
    expect(outcome.kind).toBe("unknown");
    expect((await inbox(sandbox, g.ids.member, g.groupId)).map((m) => m.MessageBody.Message)).toEqual(["answer lost"]);
  });
});
