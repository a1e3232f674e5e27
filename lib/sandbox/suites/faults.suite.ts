import { afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { inbox, seedGroup, type TestSandbox } from "../test-support/sandbox";

/** Faults set through PUT /_sandbox/faults, as a ZIM client meets them. */
export function faultsSuite(use: () => TestSandbox) {
  let sandbox: TestSandbox;
  beforeAll(() => {
    sandbox = use();
  });
  beforeEach(() => sandbox.clock.advance(10_000));
  afterEach(async () => {
    await sandbox.control.delete("faults");
  });

  async function setFault(fault: Record<string, unknown>) {
    const answer = await sandbox.control.put("faults", fault);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.Fault;
  }

  async function group() {
    const g = await seedGroup(sandbox, { a: { Online: true } });
    const send = (message: string) =>
      sandbox.api("SendGroupMessage", { FromUserId: g.sender, GroupId: g.groupId, MessageType: 1, Priority: 1, MessageBody: { Message: message } });
    const received = async () => (await inbox(sandbox, g.ids.a, g.groupId)).map((m) => m.MessageBody.Message);
    return { ...g, send, received };
  }

  it("adds latency and still answers", async () => {
    await setFault({ Action: "QueryGroupInfo", LatencyMs: 300 });
    const started = Date.now();
    const answer = await sandbox.api("QueryGroupInfo", { FromUserId: "ops", GroupId: "sample-pair" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(answer.json?.Code).toBe(0);
  });

  it("drop after processing: the message is delivered but the caller gets no answer (lost answer)", async () => {
    const g = await group();
    expect(await setFault({ Action: "SendGroupMessage", Effect: "drop", Times: 1 })).toMatchObject({ AfterProcessing: true, TimesLeft: 1 });
    await expect(g.send("lost answer")).rejects.toThrow();
    expect(await g.received()).toEqual(["lost answer"]);
    const next = await g.send("after");
    expect(next.json).toMatchObject({ Code: 0, MsgSeq: 2 });
  });

  it("drop before processing: nothing is delivered (lost request)", async () => {
    const g = await group();
    await setFault({ Action: "SendGroupMessage", Effect: "drop", AfterProcessing: false, Times: 1 });
    await expect(g.send("lost request")).rejects.toThrow();
    expect(await g.received()).toEqual([]);
    expect((await g.send("after")).json).toMatchObject({ Code: 0, MsgSeq: 1 });
  });

  it("HTTP 5xx after processing: an HTML error page, and the message was delivered", async () => {
    const g = await group();
    await setFault({ Action: "SendGroupMessage", Effect: "http-error", HttpStatus: 502, Times: 1 });
    const answer = await g.send("behind a 502");
    expect(answer.status).toBe(502);
    expect(answer.json).toBeUndefined();
    expect(await g.received()).toEqual(["behind a 502"]);
  });

  it("malformed JSON: HTTP 200 whose body does not parse", async () => {
    const g = await group();
    await setFault({ Action: "SendGroupMessage", Effect: "malformed-json", Times: 1 });
    const answer = await g.send("garbled");
    expect(answer.status).toBe(200);
    expect(() => JSON.parse(answer.text) as unknown).toThrow();
    expect(await g.received()).toEqual(["garbled"]);
  });

  it("a forced code is answered instead of processing, or after it with AfterProcessing", async () => {
    const g = await group();
    expect(await setFault({ Action: "SendGroupMessage", Effect: "code", Code: 660300005, Times: 1 })).toMatchObject({ AfterProcessing: false });
    expect((await g.send("refused")).json).toMatchObject({ Code: 660300005, RequestId: expect.stringMatching(/^\d+$/) });
    expect(await g.received()).toEqual([]);

    await setFault({ Action: "SendGroupMessage", Effect: "code", Code: 1, Message: "busy", AfterProcessing: true, Times: 1 });
    expect((await g.send("done anyway")).json).toMatchObject({ Code: 1, Message: "busy" });
    expect(await g.received()).toEqual(["done anyway"]);
  });

  it("Times counts down and the fault removes itself; an Action's own fault wins over \"*\"", async () => {
    await setFault({ Action: "*", Effect: "code", Code: 1 });
    await setFault({ Action: "QueryGroupInfo", Effect: "code", Code: 660000001, Times: 2 });
    const query = () => sandbox.api("QueryGroupInfo", { FromUserId: "ops", GroupId: "sample-pair" });
    expect((await query()).json?.Code).toBe(660000001);
    const faults = (await sandbox.control.get("faults")).body.Faults as { Action: string; TimesLeft: number | null }[];
    expect(faults).toContainEqual(expect.objectContaining({ Action: "QueryGroupInfo", TimesLeft: 1 }));
    expect((await query()).json?.Code).toBe(660000001);
    expect((await query()).json?.Code).toBe(1);
    expect((await sandbox.api("QueryGroupMemberList", { GroupId: "sample-pair" })).json?.Code).toBe(1);
    expect(await sandbox.control.delete("faults?Action=*")).toMatchObject({ status: 200, body: { Deleted: 1 } });
    expect((await query()).json?.Code).toBe(0);
  });

  it("refuses bad fault input with 400 and a message naming the field", async () => {
    const cases = [
      { Action: "SendGroupMessage", Effect: "code" },
      { Action: "SendPeerMessage", Effect: "drop" },
      { Action: "SendGroupMessage" },
      { Action: "SendGroupMessage", Effect: "drop", Extra: 1 },
      { Action: "SendGroupMessage", Effect: "http-error", HttpStatus: 404 },
      { Action: "SendGroupMessage", Effect: "drop", Times: 0 },
    ];
    for (const fault of cases) {
      const answer = await sandbox.control.put("faults", fault);
      expect(answer.status, JSON.stringify(fault)).toBe(400);
      expect(answer.body.Error).toMatch(/^Invalid input: /);
    }
    expect((await sandbox.control.put("faults", "{oops")).status).toBe(400);
  });
}
