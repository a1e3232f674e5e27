import { beforeAll, beforeEach, expect, it } from "vitest";
import { inbox, seedGroup, uid, type TestSandbox } from "../test-support/sandbox";


export function revokeGroupMessageSuite(use: () => TestSandbox) {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = use();
  });
  beforeEach(() => sandbox.clock.advance(10_000));

  async function sentMessage() {
    const group = await seedGroup(sandbox, { a: { Online: true }, b: { Online: false, PushRegistered: true } });
    const answer = await sandbox.api("SendGroupMessage", {
      FromUserId: group.sender,
      GroupId: group.groupId,
      MessageType: 1,
      Priority: 2,
      MessageBody: { Message: "oops", OfflinePush: { Enable: 1 } },
    });
    expect(answer.json?.Code).toBe(0);
    return { ...group, msgSeq: answer.json?.MsgSeq as number };
  }

  const revoke = (body: Record<string, unknown>) => sandbox.api("RevokeGroupMessage", body);

  it("recalls within the window and marks every inbox copy; a second recall answers 660000023", async () => {
    const { groupId, sender, ids, msgSeq } = await sentMessage();
    const answer = await revoke({ FromUserId: sender, GroupId: groupId, MsgSeq: msgSeq, Payload: "sorry" });
    expect(answer.json).toMatchObject({ Code: 0, Message: "success" });
    for (const user of [sender, ids.a, ids.b]) {
      const copies = await inbox(sandbox, user, groupId);
      expect(copies.length, user).toBeGreaterThan(0);
      expect(copies.every((m) => m.Recalled)).toBe(true);
    }
    const log = await sandbox.control.get(`messages?GroupId=${groupId}`);
    expect(log.body.Messages).toMatchObject([{ MsgSeq: msgSeq, Recalled: true }]);
    expect((await revoke({ FromUserId: sender, GroupId: groupId, MsgSeq: msgSeq })).json?.Code).toBe(660000023);
  });

  it("D13: works exactly 120 s after sending, answers 660000024 at 121 s", async () => {
    const first = await sentMessage();
    sandbox.clock.advance(120_000);
    expect((await revoke({ FromUserId: first.sender, GroupId: first.groupId, MsgSeq: first.msgSeq })).json?.Code).toBe(0);

    const second = await sentMessage();
    sandbox.clock.advance(121_000);
    const late = await revoke({ FromUserId: second.sender, GroupId: second.groupId, MsgSeq: second.msgSeq });
    expect(late.json?.Code).toBe(660000024);
    expect((await inbox(sandbox, second.ids.a, second.groupId)).every((m) => !m.Recalled)).toBe(true);
  });

  it("follows the RecallWindowSeconds setting", async () => {
    await sandbox.control.put("settings", { RecallWindowSeconds: 600 });
    try {
      const { groupId, sender, msgSeq } = await sentMessage();
      sandbox.clock.advance(300_000);
      expect((await revoke({ FromUserId: sender, GroupId: groupId, MsgSeq: msgSeq })).json?.Code).toBe(0);
    } finally {
      await sandbox.control.put("settings", { RecallWindowSeconds: 120 });
    }
  });

  it("answers 660000026 to anyone but the sender, 660000022 for an unknown MsgSeq, 660600001 for an unknown group", async () => {
    const { groupId, ids, sender, msgSeq } = await sentMessage();
    expect((await revoke({ FromUserId: ids.a, GroupId: groupId, MsgSeq: msgSeq })).json?.Code).toBe(660000026);
    expect((await revoke({ FromUserId: sender, GroupId: groupId, MsgSeq: msgSeq + 5 })).json?.Code).toBe(660000022);
    expect((await revoke({ FromUserId: sender, GroupId: uid("gone"), MsgSeq: msgSeq })).json?.Code).toBe(660600001);
    expect((await revoke({ FromUserId: sender, GroupId: groupId, MsgSeq: "1" })).json?.Code).toBe(660000002);
    expect((await revoke({ FromUserId: sender, GroupId: groupId, MsgSeq: msgSeq, Payload: "p".repeat(201) })).json?.Code).toBe(660000002);
  });

  it("D3: over 20 per second answers 660300005", async () => {
    const { groupId, sender } = await sentMessage();
    const answers = await Promise.all(
      Array.from({ length: 22 }, (_, i) => revoke({ FromUserId: sender, GroupId: groupId, MsgSeq: 1000 + i })),
    );
    const codes = answers.map((a) => a.json?.Code);
    expect(codes.filter((c) => c === 660000022)).toHaveLength(20);
    expect(codes.filter((c) => c === 660300005)).toHaveLength(2);
  });
}
