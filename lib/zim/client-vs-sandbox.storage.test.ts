import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  inbox,
  openSandbox,
  seedGroup,
  TEST_APP_ID,
  TEST_SECRET,
  uid,
  type TestSandbox,
} from "@/lib/sandbox/test-support/sandbox";
import { testEngines } from "@/lib/testing/engines";
import { createZimClient, type ZimClient, type ZimClientConfig } from "./client";
import type { ZimAccepted, ZimOutcome } from "./outcome";
import type { ZimEnvelope } from "./responses";
import type { SendGroupMessageInput } from "./schemas/send-group-message";

/**
 * Every client Action against the real sandbox over HTTP, signed with the sandbox's hand-moved clock. Checks that
 * what the client sends is what the sandbox understands, and that its answers (64-bit MsgId, batch lists, codes,
 * faults) land in the right outcome class.
 */
const engines = await testEngines();

function accepted<T extends ZimEnvelope>(outcome: ZimOutcome<T>): ZimAccepted<T> {
  if (outcome.kind !== "accepted") throw new Error(`expected accepted, got ${JSON.stringify(outcome)}`);
  return outcome;
}

describe.each(engines)("lib/zim client against the sandbox on $name", (engine) => {
  let sandbox: TestSandbox;
  let zim: ZimClient;
  const clientFor = (extra: Partial<ZimClientConfig> = {}) =>
    createZimClient({
      appId: TEST_APP_ID,
      serverSecret: TEST_SECRET,
      baseUrl: sandbox.url,
      now: () => sandbox.clock.now().getTime(),
      ...extra,
    });

  beforeAll(async () => {
    sandbox = await openSandbox(engine);
    zim = clientFor();
  });
  afterAll(async () => {
    await sandbox.close();
  });
  // A fresh rate-limit second per test.
  beforeEach(() => sandbox.clock.advance(10_000));
  afterEach(async () => {
    await sandbox.control.delete("faults");
  });

  const register = async (...ids: string[]) =>
    accepted(await zim.userRegister({ UserInfo: ids.map((UserId) => ({ UserId, UserName: `Name ${UserId}` })) }));

  it("UserRegister registers users and reports the ones that already exist", async () => {
    const [a, b] = [uid("a"), uid("b")];
    expect((await register(a)).response.ErrorList).toEqual([]);
    const again = await zim.userRegister({ UserInfo: [{ UserId: a }] });
    expect(again).toMatchObject({ kind: "rejected", code: 660700002 });
    const mixed = await register(a, b);
    expect(mixed.response.ErrorList).toMatchObject([{ UserId: a, SubCode: 660700002 }]);
  });

  it("CreateGroup and InviteUsersIntoGroup build a group; QueryGroupInfo/QueryGroupMemberList read it", async () => {
    const [owner, a, b, c, stranger] = [uid("owner"), uid("a"), uid("b"), uid("c"), uid("stranger")];
    await register(owner, a, b, c);
    const groupId = uid("g");
    const created = accepted(
      await zim.createGroup({ GroupOwner: owner, GroupId: groupId, GroupName: "Test", UserId: [a, b] }),
    );
    expect(created.response).toMatchObject({ GroupId: groupId, ErrorUsers: [] });
    expect(created.response.Members.map((m) => m.UserId).sort()).toEqual([owner, a, b].sort());

    const invited = accepted(
      await zim.inviteUsersIntoGroup({ FromUserId: owner, GroupId: groupId, UserIds: [c, stranger] }),
    );
    expect(invited.response.ErrorUsers).toEqual([{ UserId: stranger, SubCode: 660700015 }]);

    const info = accepted(await zim.queryGroupInfo({ FromUserId: owner, GroupId: groupId }));
    const GroupCreateTime = sandbox.clock.now().getTime();
    expect(info.response).toMatchObject({ GroupId: groupId, GroupName: "Test", GroupCreateTime });

    const all = accepted(await zim.queryGroupMemberList({ GroupId: groupId, Limit: 1000, Next: 0 }));
    expect(all.response.TotalCount).toBe(4);
    expect(all.response.MemberList.map((m) => m.UserId).sort()).toEqual([owner, a, b, c].sort());
    expect(all.response.MemberList.find((m) => m.UserId === owner)?.Role).toBe(1);
    const first = accepted(await zim.queryGroupMemberList({ GroupId: groupId, Limit: 3, Next: 0 }));
    expect(first.response.MemberList).toHaveLength(3);
    expect(first.response.Next).not.toBe(0);
    const rest = accepted(await zim.queryGroupMemberList({ GroupId: groupId, Limit: 3, Next: first.response.Next }));
    expect(rest.response).toMatchObject({ Next: 0, MemberList: [{}] });

    const generated = accepted(await zim.createGroup({ GroupOwner: owner }));
    expect(generated.response.GroupId).toMatch(/^#/);
  });

  it("QueryAppGroupList (GET) lists the app's groups; a second call in the same second is rate-limited", async () => {
    const owner = uid("owner");
    await register(owner);
    const groupId = uid("g");
    accepted(await zim.createGroup({ GroupOwner: owner, GroupId: groupId }));
    const list = accepted(await zim.queryAppGroupList({ Limit: 10_000, Next: 0 }));
    expect(list.response.Next).toBe(0);
    expect(list.response.GroupIdList.map((g) => g.GroupId)).toContain(groupId);
    expect(await zim.queryAppGroupList({})).toMatchObject({ kind: "rate-limited", code: 660600007 });
  });

  it("QueryUserOnlineState (GET) sends UserId[] with awkward characters intact", async () => {
    const [online, offline] = [`${uid("on")} #&+`, uid("off")];
    await register(online, offline);
    await sandbox.control.post("users", { UserId: online, Online: true });
    const nobody = uid("nobody");
    const state = accepted(await zim.queryUserOnlineState({ UserId: [online, offline, nobody] }));
    expect(state.response.Result).toEqual([
      { UserId: online, Status: "Online" },
      { UserId: offline, Status: "Offline" },
    ]);
    expect(state.response.ErrorList).toEqual([{ UserId: nobody, SubCode: 660200001 }]);
  });

  it("SendGroupMessage keeps the sandbox's 64-bit MsgId exact and the members receive the message", async () => {
    const { groupId, sender, ids } = await seedGroup(sandbox, { a: { Online: true } });
    const OfflinePush = { Enable: 1, Title: "T", Content: "C" } as const;
    const body = { Message: "hello 你好", ExtendedData: "x", OfflinePush };
    const message = { FromUserId: sender, GroupId: groupId, MessageType: 1, Priority: 2 } as const;
    const sent = accepted(await zim.sendGroupMessage({ ...message, MessageBody: body }));
    expect(sent.blockedByModeration).toBe(false);
    expect(sent.response.MsgSeq).toBe(1);
    expect(sent.response.MsgId).toMatch(/^\d{16,}$/);
    const [received] = await inbox(sandbox, ids.a, groupId);
    expect(received).toMatchObject({ MsgSeq: 1, MsgId: sent.response.MsgId, MessageBody: body, Delivered: true });
  });

  it("SendGroupMessage: base64 command, custom, media and multi-item messages are accepted", async () => {
    const { groupId, sender } = await seedGroup(sandbox, { a: { Online: true } });
    const send = (fields: Omit<SendGroupMessageInput, "FromUserId" | "GroupId" | "Priority">) =>
      zim.sendGroupMessage({ FromUserId: sender, GroupId: groupId, Priority: 1, ...fields });
    const command = accepted(await send({ MessageType: 2, MessageBody: { Message: "AAEC/w==", IsBase64: 1 } }));
    expect(command.response.MsgSeq).toBeUndefined();
    expect(command.response.MsgId).toMatch(/^\d+$/);
    accepted(await send({ MessageType: 200, SubMsgType: 7, SearchedContent: "gift", MessageBody: { Message: "{}" } }));
    const image = { Uid: "i1", Origin: { Url: "https://cdn.example/a.png", Width: 4, Height: 4 }, FileName: "a.png" };
    accepted(await send({ MessageType: 11, MessageBody: { Message: JSON.stringify(image) } }));
    const multi = { MultiMsg: [{ MsgType: 1, Msg: "hi" }, { MsgType: 11, Msg: JSON.stringify(image) }] };
    accepted(await send({ MessageType: 10, MessageBody: { Message: JSON.stringify(multi) } }));
  });

  it("SendGroupMessage with TargetOption reaches only the listed members", async () => {
    const { groupId, sender, ids } = await seedGroup(sandbox, { a: { Online: true }, b: { Online: true } });
    const TargetOption = { Inclusive: true, ReceiverUserIds: [ids.a] };
    accepted(
      await zim.sendGroupMessage({
        FromUserId: sender,
        GroupId: groupId,
        MessageType: 1,
        Priority: 1,
        MessageBody: { Message: "only a" },
        SendMsgOptions: { TargetOption },
      }),
    );
    expect(await inbox(sandbox, ids.a, groupId)).toMatchObject([{ Targeted: true, Unread: false }]);
    expect(await inbox(sandbox, ids.b, groupId)).toEqual([]);
  });

  it("SendGroupMessage with TargetOption Inclusive false reaches everyone but the listed; the sender sees it", async () => {
    const { groupId, sender, ids } = await seedGroup(sandbox, { a: { Online: true }, b: { Online: true }, c: { Online: true } });
    accepted(
      await zim.sendGroupMessage({
        FromUserId: sender,
        GroupId: groupId,
        MessageType: 1,
        Priority: 1,
        MessageBody: { Message: "not for b" },
        SendMsgOptions: { NoUnread: false, TargetOption: { Inclusive: false, ReceiverUserIds: [ids.b] } },
      }),
    );
    expect(await inbox(sandbox, ids.a, groupId)).toMatchObject([{ Targeted: true, Unread: false }]);
    expect(await inbox(sandbox, ids.c, groupId)).toHaveLength(1);
    expect(await inbox(sandbox, ids.b, groupId)).toEqual([]);
    expect(await inbox(sandbox, sender, groupId)).toHaveLength(1);
  });

  it("of 15 group messages in one second at most 10 are accepted, the rest are rate-limited (D3), none retried", async () => {
    const { groupId, sender, ids } = await seedGroup(sandbox, { a: { Online: true } });
    const outcomes = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        zim.sendGroupMessage({ FromUserId: sender, GroupId: groupId, MessageType: 1, Priority: 1, MessageBody: { Message: `n${i}` } }),
      ),
    );
    const kinds = outcomes.map((o) => o.kind);
    expect(kinds.filter((k) => k === "accepted")).toHaveLength(10);
    expect(outcomes.filter((o) => o.kind === "rate-limited").map((o) => ("code" in o ? o.code : 0))).toEqual(Array(5).fill(660300005));
    expect(await inbox(sandbox, ids.a, groupId)).toHaveLength(10);
  });

  it("D5: a moderated message is accepted but blocked, and reaches nobody", async () => {
    const { groupId, sender, ids } = await seedGroup(sandbox, { a: { Online: true } });
    const message = { FromUserId: sender, GroupId: groupId, MessageType: 1, Priority: 1 } as const;
    const outcome = accepted(await zim.sendGroupMessage({ ...message, MessageBody: { Message: "forbidden" } }));
    expect(outcome.blockedByModeration).toBe(true);
    expect(outcome.response.AuditInfos).toMatchObject([{ Index: 0 }]);
    expect(await inbox(sandbox, ids.a, groupId)).toEqual([]);
  });

  it("RevokeGroupMessage recalls once; again is 660000023; after the recall window 660000024 (D13)", async () => {
    const { groupId, sender } = await seedGroup(sandbox, { a: { Online: true } });
    const message = { FromUserId: sender, GroupId: groupId, MessageType: 1, Priority: 1 } as const;
    const send = async (Message: string) =>
      accepted(await zim.sendGroupMessage({ ...message, MessageBody: { Message } })).response.MsgSeq ?? 0;
    const first = await send("oops");
    const revoke = (MsgSeq: number) =>
      zim.revokeGroupMessage({ FromUserId: sender, GroupId: groupId, MsgSeq, Payload: "typo" });
    accepted(await revoke(first));
    expect(await revoke(first)).toMatchObject({ kind: "rejected", code: 660000023 });
    const second = await send("late");
    sandbox.clock.advance(121_000);
    expect(await revoke(second)).toMatchObject({ kind: "rejected", code: 660000024 });
  });

  it("SendMessageToAllUsers goes out with PushType 0 (D6); a second in that second is rate-limited", async () => {
    const sender = uid("admin");
    await register(sender);
    const broadcast = () =>
      zim.sendMessageToAllUsers({ FromUserId: sender, MessageType: 1, MessageBody: { Message: "hi all" } });
    accepted(await broadcast());
    const { body } = await sandbox.control.get("broadcasts");
    const logged = body.Broadcasts as { FromUserId: string; PushType: number }[];
    expect(logged.filter((b) => b.FromUserId === sender)).toMatchObject([{ PushType: 0 }]);
    expect(await broadcast()).toMatchObject({ kind: "rate-limited", code: 660500003 });
  });

  it("the sandbox's refusals come back as rejected with its code", async () => {
    const { groupId, sender } = await seedGroup(sandbox, {});
    const text = (FromUserId: string, GroupId: string, Message = "x") =>
      ({ FromUserId, GroupId, MessageType: 1, Priority: 1, MessageBody: { Message } }) as const;
    const noGroup = await zim.sendGroupMessage(text(sender, uid("nogroup")));
    expect(noGroup).toMatchObject({ kind: "rejected", code: 660600001 });
    const unregistered = await zim.sendGroupMessage(text(uid("nobody"), groupId));
    expect(unregistered).toMatchObject({ kind: "rejected", code: 660500002 });
    // The schema and the sandbox agree on the 2 KB limit (D4): refused before sending, or by the server.
    const long = text(sender, groupId, "a".repeat(2049));
    expect(await zim.sendGroupMessage(long)).toMatchObject({ kind: "not-sent", reason: "invalid-input" });
    const unchecked = clientFor({ validate: false });
    expect(await unchecked.sendGroupMessage(long)).toMatchObject({ kind: "rejected", code: 660400001 });
  });

  it("a limit raised for the app is honoured on both sides (D4)", async () => {
    const { groupId, sender } = await seedGroup(sandbox, {});
    await sandbox.control.put("settings", { MessageLimitBytes: 4096 });
    try {
      const raised = clientFor({ limits: { messageBytes: 4096 } });
      const message = { FromUserId: sender, GroupId: groupId, MessageType: 1, Priority: 1 } as const;
      accepted(await raised.sendGroupMessage({ ...message, MessageBody: { Message: "a".repeat(3000) } }));
    } finally {
      await sandbox.control.put("settings", { MessageLimitBytes: 2048 });
    }
  });

  it("a wrong secret or a skewed clock is rejected by the gateway (100000005, 100000004)", async () => {
    const query = { FromUserId: "ops", GroupId: "sample-pair" };
    const wrongSecret = clientFor({ serverSecret: "f".repeat(32) });
    expect(await wrongSecret.queryGroupInfo(query)).toMatchObject({ kind: "rejected", code: 100000005 });
    const skewed = clientFor({ now: () => sandbox.clock.now().getTime() + 601_000 });
    expect(await skewed.queryGroupInfo(query)).toMatchObject({ kind: "rejected", code: 100000004 });
  });

  describe("faults: the answer is lost, so the outcome is unknown (D1)", () => {
    const fault = (spec: Record<string, unknown>) =>
      sandbox.control.put("faults", { Action: "SendGroupMessage", Times: 1, ...spec });
    const sendTo = (GroupId: string, FromUserId: string, client = zim) =>
      client.sendGroupMessage({ FromUserId, GroupId, MessageType: 1, Priority: 1, MessageBody: { Message: "m" } });

    it("a connection dropped after processing: unknown, although the message was delivered", async () => {
      const { groupId, sender, ids } = await seedGroup(sandbox, { a: { Online: true } });
      await fault({ Effect: "drop", AfterProcessing: true });
      expect(await sendTo(groupId, sender)).toMatchObject({ kind: "unknown", reason: "connection-lost" });
      expect(await inbox(sandbox, ids.a, groupId)).toHaveLength(1);
    });

    it("a connection dropped before processing looks the same to the client, and nothing was delivered", async () => {
      const { groupId, sender, ids } = await seedGroup(sandbox, { a: { Online: true } });
      await fault({ Effect: "drop", AfterProcessing: false });
      expect(await sendTo(groupId, sender)).toMatchObject({ kind: "unknown", reason: "connection-lost" });
      expect(await inbox(sandbox, ids.a, groupId)).toEqual([]);
    });

    it.each([
      [{ Effect: "http-error", HttpStatus: 502 }, { kind: "unknown", reason: "http-status", httpStatus: 502 }],
      [{ Effect: "malformed-json" }, { kind: "unknown", reason: "not-json" }],
      [{ Effect: "code", Code: 660300005 }, { kind: "rate-limited", code: 660300005 }],
    ])("fault %j → %j", async (spec, expected) => {
      const { groupId, sender } = await seedGroup(sandbox, {});
      await fault(spec);
      expect(await sendTo(groupId, sender)).toMatchObject(expected);
    });

    it("an answer slower than the timeout: unknown, and the message still arrives", async () => {
      const { groupId, sender, ids } = await seedGroup(sandbox, { a: { Online: true } });
      await fault({ LatencyMs: 800 });
      const impatient = clientFor({ timeoutMs: 200 });
      expect(await sendTo(groupId, sender, impatient)).toMatchObject({ kind: "unknown", reason: "timeout" });
      // Processed before the delay: poll for it instead of sleeping a fixed time.
      await expect.poll(() => inbox(sandbox, ids.a, groupId), { timeout: 3000 }).toHaveLength(1);
    });
  });
});
