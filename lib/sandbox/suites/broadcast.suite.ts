import { beforeAll, beforeEach, expect, it } from "vitest";
import { inbox, uid, type TestSandbox } from "../test-support/sandbox";

const DAY_MS = 24 * 60 * 60 * 1000;

export function broadcastSuite(use: () => TestSandbox) {
  let sandbox: TestSandbox;
  let sender: string;
  const users = { online: "", onlinePush: "", offlinePush: "", offline: "" };
  beforeAll(async () => {
    sandbox = use();
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
  // A new day each test, so the rolling 24 h quota (D7) starts empty.
  beforeEach(() => sandbox.clock.advance(DAY_MS + 1000));

  const broadcast = (body: Record<string, unknown> = {}) =>
    sandbox.api("SendMessageToAllUsers", { FromUserId: sender, MessageType: 1, MessageBody: { Message: uid("news") }, ...body });

  async function received(message: string) {
    const kinds: Record<string, string[]> = {};
    for (const [key, userId] of Object.entries(users)) {
      kinds[key] = (await inbox(sandbox, userId)).filter((m) => m.MessageBody.Message === message).map((m) => m.Kind);
    }
    return kinds;
  }

  it.each([
    [undefined, { online: ["broadcast"], onlinePush: ["broadcast"], offlinePush: [], offline: [] }],
    [0, { online: ["broadcast"], onlinePush: ["broadcast"], offlinePush: [], offline: [] }],
    [1, { online: ["broadcast"], onlinePush: ["broadcast"], offlinePush: ["push"], offline: [] }],
    [2, { online: [], onlinePush: ["push"], offlinePush: ["push"], offline: [] }],
  ])("PushType %s reaches the right users (D6: default 0)", async (pushType, expected) => {
    const message = uid("news");
    const answer = await broadcast({ MessageBody: { Message: message }, ...(pushType === undefined ? {} : { PushType: pushType }) });
    expect(answer.json).toEqual({ Code: 0, Message: "success", RequestId: expect.stringMatching(/^\d+$/) });
    expect(await received(message)).toEqual(expected);
  });

  it("the inbox entry is a broadcast without conversation: no GroupId, no MsgSeq, never unread", async () => {
    const message = uid("news");
    await broadcast({ MessageBody: { Message: message } });
    const [entry] = (await inbox(sandbox, users.online)).filter((m) => m.MessageBody.Message === message);
    expect(entry).toMatchObject({ Kind: "broadcast", GroupId: null, MsgSeq: null, Unread: false });
  });

  it("refuses command and multi-item messages, bad PushType, and unregistered senders", async () => {
    for (const override of [{ MessageType: 2 }, { MessageType: 10 }, { PushType: 3 }, { MessageType: 200 }]) {
      expect((await broadcast(override)).json?.Code, JSON.stringify(override)).toBe(660000002);
      sandbox.clock.advance(1000);
    }
    expect((await broadcast({ MessageBody: { Message: "x".repeat(2049) } })).json?.Code).toBe(660400001);
    sandbox.clock.advance(1000);
    expect((await broadcast({ FromUserId: uid("nobody") })).json?.Code).toBe(660500002);
  });

  it("D5: a blocked word answers Code 0 with AuditInfos and reaches nobody", async () => {
    const message = `${uid("news")} 违禁`;
    const answer = await broadcast({ MessageBody: { Message: message }, PushType: 1 });
    expect(answer.json).toMatchObject({ Code: 0, AuditInfos: [{ Index: 0 }] });
    expect(await received(message)).toEqual({ online: [], onlinePush: [], offlinePush: [], offline: [] });
  });

  it("1 per second: a second call in the same second answers 660500003", async () => {
    const [first, second] = await Promise.all([broadcast(), broadcast()]);
    expect([first?.json?.Code, second?.json?.Code].sort()).toEqual([0, 660500003]);
    sandbox.clock.advance(1000);
    expect((await broadcast()).json?.Code).toBe(0);
  });

  it("D7: 100 per rolling 24 h, counted in the database so a restart keeps it", async () => {
    for (let i = 0; i < 100; i++) {
      expect((await broadcast()).json?.Code, `call ${i + 1}`).toBe(0);
      sandbox.clock.advance(1000);
    }
    expect((await broadcast()).json?.Code).toBe(660500003);
    await sandbox.restart();
    sandbox.clock.advance(1000);
    expect((await broadcast()).json?.Code).toBe(660500003);
    // Still inside 24 h of the first call: refused; once the first call is 24 h old its slot frees.
    sandbox.clock.advance(DAY_MS - 102_000);
    expect((await broadcast()).json?.Code).toBe(660500003);
    sandbox.clock.advance(1000);
    expect((await broadcast()).json?.Code).toBe(0);
  });
}
