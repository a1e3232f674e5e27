import { beforeAll, beforeEach, expect, it } from "vitest";
import { inbox, seedGroup, uid, type TestSandbox } from "../test-support/sandbox";


export function sendGroupMessageSuite(use: () => TestSandbox) {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = use();
  });
  // Each test starts in a fresh rate-limit second.
  beforeEach(() => sandbox.clock.advance(10_000));

  const text = (message: string, extra: Record<string, unknown> = {}) => ({ Message: message, ...extra });
  const send = (body: Record<string, unknown>) => sandbox.api("SendGroupMessage", { Priority: 1, MessageType: 1, ...body });

  it("answers MsgSeq and a 64-bit MsgId literal, and delivers to online, offline and push members", async () => {
    const { groupId, sender, ids } = await seedGroup(sandbox, {
      online: { Online: true },
      offlinePush: { Online: false, PushRegistered: true },
      offlineNoPush: { Online: false, PushRegistered: false },
    });
    const body = text("hello", { OfflinePush: { Enable: 1, Title: "T", Content: "C" } });
    const answer = await send({ FromUserId: sender, GroupId: groupId, MessageBody: body });
    expect(answer.json).toMatchObject({ Code: 0, Message: "success", MsgSeq: 1 });
    expect(answer.text).toMatch(/"MsgId":\d{16,}[,}]/);
    expect(answer.json).not.toHaveProperty("AuditInfos");
    const msgId = /"MsgId":(\d+)/.exec(answer.text)?.[1];

    const [own] = await inbox(sandbox, sender, groupId);
    expect(own).toMatchObject({ Kind: "group", MsgSeq: 1, MsgId: msgId, Unread: false, Recalled: false });
    expect(await inbox(sandbox, ids.online, groupId)).toMatchObject([
      { Kind: "group", GroupId: groupId, MsgSeq: 1, MessageType: 1, MessageBody: body, Delivered: true, Unread: true },
    ]);
    expect((await inbox(sandbox, ids.offlinePush, groupId)).map((m) => [m.Kind, m.Delivered])).toEqual([
      ["group", false],
      ["push", true],
    ]);
    expect((await inbox(sandbox, ids.offlineNoPush, groupId)).map((m) => [m.Kind, m.Delivered])).toEqual([["group", false]]);

    const second = await send({ FromUserId: sender, GroupId: groupId, MessageBody: text("again") });
    expect(second.json?.MsgSeq).toBe(2);
    const unread = await sandbox.control.get(`unread?UserId=${ids.online}`);
    expect(unread.body).toEqual({ Unread: [{ GroupId: groupId, Unread: 2 }] });
  });

  it("sends no offline push without OfflinePush.Enable = 1, and NoUnread keeps it read", async () => {
    const { groupId, sender, ids } = await seedGroup(sandbox, { off: { Online: false, PushRegistered: true } });
    await send({ FromUserId: sender, GroupId: groupId, MessageBody: text("quiet"), SendMsgOptions: { NoUnread: true } });
    expect(await inbox(sandbox, ids.off, groupId)).toMatchObject([{ Kind: "group", Delivered: false, Unread: false }]);
  });

  it("TargetOption Inclusive true reaches only the listed members, never as unread", async () => {
    const { groupId, sender, ids } = await seedGroup(sandbox, { a: { Online: true }, b: { Online: true }, c: {} });
    const answer = await send({
      FromUserId: sender,
      GroupId: groupId,
      MessageBody: text("for a and c"),
      SendMsgOptions: { NoUnread: false, TargetOption: { Inclusive: true, ReceiverUserIds: [ids.a, ids.c] } },
    });
    expect(answer.json?.Code).toBe(0);
    expect(await inbox(sandbox, ids.a, groupId)).toMatchObject([{ Targeted: true, Unread: false }]);
    expect(await inbox(sandbox, ids.b, groupId)).toEqual([]);
    expect(await inbox(sandbox, ids.c, groupId)).toHaveLength(1);
    expect(await inbox(sandbox, sender, groupId)).toHaveLength(1);
  });

  it("TargetOption Inclusive false reaches everyone but the listed members", async () => {
    const { groupId, sender, ids } = await seedGroup(sandbox, { a: { Online: true }, b: { Online: true }, c: {} });
    await send({
      FromUserId: sender,
      GroupId: groupId,
      MessageBody: text("not for b"),
      SendMsgOptions: { TargetOption: { ReceiverUserIds: [ids.b] } },
    });
    expect(await inbox(sandbox, ids.a, groupId)).toHaveLength(1);
    expect(await inbox(sandbox, ids.b, groupId)).toEqual([]);
    expect(await inbox(sandbox, ids.c, groupId)).toMatchObject([{ Targeted: true, Unread: false }]);
  });

  it("refuses the sender in ReceiverUserIds (660000002)", async () => {
    const { groupId, sender } = await seedGroup(sandbox, { a: {} });
    const answer = await send({
      FromUserId: sender,
      GroupId: groupId,
      MessageBody: text("x"),
      SendMsgOptions: { TargetOption: { Inclusive: true, ReceiverUserIds: [sender] } },
    });
    expect(answer.json?.Code).toBe(660000002);
  });

  it("D5: a blocked word answers Code 0 with AuditInfos and reaches nobody", async () => {
    const { groupId, sender, ids } = await seedGroup(sandbox, { a: { Online: true } });
    const answer = await send({ FromUserId: sender, GroupId: groupId, MessageBody: text("This is FORBIDDEN talk") });
    expect(answer.json).toMatchObject({ Code: 0, MsgSeq: 1, AuditInfos: [{ Index: 0 }] });
    expect(answer.text).toMatch(/"MsgId":\d{16,}/);
    expect(await inbox(sandbox, ids.a, groupId)).toEqual([]);
    expect(await inbox(sandbox, sender, groupId)).toEqual([]);
    const log = await sandbox.control.get(`messages?GroupId=${groupId}`);
    expect(log.body.Messages).toMatchObject([{ MsgSeq: 1, AuditInfos: [{ Index: 0 }] }]);
  });

  it("D5: in a multi-item message each blocked item is reported by its Index", async () => {
    const { groupId, sender, ids } = await seedGroup(sandbox, { a: { Online: true } });
    const multi = {
      MultiMsg: [
        { MsgType: 1, Msg: "fine" },
        { MsgType: 1, Msg: "含有违禁词" },
        { MsgType: 200, SubMsgType: 1, Msg: "also Forbidden" },
      ],
    };
    const answer = await send({ FromUserId: sender, GroupId: groupId, MessageType: 10, MessageBody: text(JSON.stringify(multi)) });
    expect(answer.json?.Code).toBe(0);
    expect((answer.json?.AuditInfos as { Index: number }[]).map((a) => a.Index)).toEqual([1, 2]);
    expect(await inbox(sandbox, ids.a, groupId)).toEqual([]);
  });

  it("a command message (type 2) answers without MsgSeq and does not use a number", async () => {
    const { groupId, sender, ids } = await seedGroup(sandbox, { a: { Online: true } });
    const answer = await send({
      FromUserId: sender,
      GroupId: groupId,
      MessageType: 2,
      MessageBody: text(Buffer.from([0, 1, 2, 255]).toString("base64"), { IsBase64: 1 }),
    });
    expect(answer.json?.Code).toBe(0);
    expect(answer.json).not.toHaveProperty("MsgSeq");
    expect(answer.text).toMatch(/"MsgId":\d{16,}/);
    expect(await inbox(sandbox, ids.a, groupId)).toMatchObject([{ MessageType: 2, MsgSeq: null, Unread: false }]);
    const next = await send({ FromUserId: sender, GroupId: groupId, MessageBody: text("first numbered") });
    expect(next.json?.MsgSeq).toBe(1);
  });

  it("660000025 for IsBase64 = 1 with a Message that is not base64", async () => {
    const { groupId, sender } = await seedGroup(sandbox, {});
    for (const message of ["not base64!", "abc", "YWJj=", "YW Jj"]) {
      const answer = await send({ FromUserId: sender, GroupId: groupId, MessageType: 2, MessageBody: text(message, { IsBase64: 1 }) });
      expect(answer.json?.Code, message).toBe(660000025);
    }
  });

  it("D4: 2048 UTF-8 bytes of text pass, 2049 answer 660400001", async () => {
    const { groupId, sender } = await seedGroup(sandbox, {});
    const exact = "中".repeat(682) + "ab"; // 682 × 3 + 2 = 2048 bytes, 684 characters
    expect(Buffer.byteLength(exact)).toBe(2048);
    expect((await send({ FromUserId: sender, GroupId: groupId, MessageBody: text(exact) })).json?.Code).toBe(0);
    const overByOne = "中".repeat(682) + "é" + "a"; // 2046 + 2 + 1 = 2049 bytes
    expect((await send({ FromUserId: sender, GroupId: groupId, MessageBody: text(overByOne) })).json?.Code).toBe(660400001);
    expect((await send({ FromUserId: sender, GroupId: groupId, MessageBody: text(exact, { ExtendedData: "é".repeat(513) }) })).json?.Code).toBe(660400001);
  });

  it("checks parameters (660000002), then the sender (660500002), then the group (660600001)", async () => {
    const { groupId, sender } = await seedGroup(sandbox, { ghost: { Registered: false } });
    const bad: Record<string, unknown>[] = [
      { Priority: 4 },
      { MessageType: 20 },
      { MessageType: "1" },
      { MessageBody: {} },
      { MessageBody: text("") },
      { MessageType: 200 },
      { GroupId: "bad/id" },
      { FromUserId: "x".repeat(33) },
      { MessageType: 11, MessageBody: text("{}") },
      { SearchedContent: "s".repeat(65), MessageType: 200, SubMsgType: 1 },
    ];
    for (const override of bad) {
      const answer = await send({ FromUserId: sender, GroupId: groupId, MessageBody: text("x"), ...override });
      expect(answer.json?.Code, JSON.stringify(override)).toBe(660000002);
      sandbox.clock.advance(200); // stay under 10 calls per second
    }
    expect((await send({ FromUserId: uid("nobody"), GroupId: groupId, MessageBody: text("x") })).json?.Code).toBe(660500002);
    const unknown = await send({ FromUserId: sender, GroupId: uid("missing"), MessageBody: text("x") });
    expect(unknown.json?.Code).toBe(660600001);
  });

  it("D9: a registered sender outside the group may send; a known but unregistered one may not", async () => {
    const { groupId, ids } = await seedGroup(sandbox, { ghost: { Registered: false } });
    const outsider = uid("outsider");
    await sandbox.control.post("users", { UserId: outsider });
    expect((await send({ FromUserId: outsider, GroupId: groupId, MessageBody: text("hi") })).json?.Code).toBe(0);
    expect((await send({ FromUserId: ids.ghost, GroupId: groupId, MessageBody: text("hi") })).json?.Code).toBe(660500002);
  });

  it("accepts a valid image message and refuses one without FileName", async () => {
    const { groupId, sender } = await seedGroup(sandbox, {});
    const image = { Uid: "u1", Origin: { Url: "https://x.test/a.jpg", Width: 10, Height: 10 }, FileName: "a.jpg" };
    expect((await send({ FromUserId: sender, GroupId: groupId, MessageType: 11, MessageBody: text(JSON.stringify(image)) })).json?.Code).toBe(0);
    const { FileName: _dropped, ...noName } = image;
    expect((await send({ FromUserId: sender, GroupId: groupId, MessageType: 11, MessageBody: text(JSON.stringify(noName)) })).json?.Code).toBe(660000002);
  });

  it("D3: of 15 calls in one second at most 10 are accepted, the rest answer 660300005; MsgSeq stays gapless", async () => {
    const { groupId, sender } = await seedGroup(sandbox, { a: { Online: true } });
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) => send({ FromUserId: sender, GroupId: groupId, MessageBody: text(`burst ${i}`) })),
    );
    const codes = answers.map((a) => a.json?.Code);
    expect(codes.filter((c) => c === 0)).toHaveLength(10);
    expect(codes.filter((c) => c === 660300005)).toHaveLength(5);
    const seqs = answers.filter((a) => a.json?.Code === 0).map((a) => a.json?.MsgSeq as number);
    expect(seqs.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    sandbox.clock.advance(1000);
    expect((await send({ FromUserId: sender, GroupId: groupId, MessageBody: text("next second") })).json?.Code).toBe(0);
  });

  it("D15: high-priority messages get through a full low-priority second, up to the limit again", async () => {
    const { groupId, sender } = await seedGroup(sandbox, {});
    const fire = (priority: number, n: number) =>
      Promise.all(Array.from({ length: n }, () => send({ FromUserId: sender, GroupId: groupId, Priority: priority, MessageBody: text("p") })));
    expect((await fire(1, 10)).every((a) => a.json?.Code === 0)).toBe(true);
    expect((await fire(2, 1))[0]?.json?.Code).toBe(660300005);
    const high = (await fire(3, 11)).map((a) => a.json?.Code);
    expect(high.filter((c) => c === 0)).toHaveLength(10);
    expect(high.filter((c) => c === 660300005)).toHaveLength(1);
  });
}
