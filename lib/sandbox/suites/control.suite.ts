import { beforeAll, beforeEach, expect, it } from "vitest";
import { seedGroup, uid, type TestSandbox } from "../test-support/sandbox";

/** The control endpoint under /_sandbox/: settings, users, groups, validation. */
export function controlSuite(use: () => TestSandbox) {
  let sandbox: TestSandbox;
  beforeAll(() => {
    sandbox = use();
  });
  beforeEach(() => sandbox.clock.advance(10_000));

  it("lists the Actions and endpoints at /_sandbox/", async () => {
    const index = await sandbox.control.get("");
    expect(index.body).toMatchObject({ AppId: 1_000_001, Actions: expect.arrayContaining(["SendGroupMessage", "QueryUserOnlineState"]) });
  });

  it("settings: defaults, then blocked words and size limits take effect at once", async () => {
    expect((await sandbox.control.get("settings")).body.Settings).toEqual({
      BlockedWords: ["forbidden", "违禁"],
      RecallWindowSeconds: 120,
      MessageLimitBytes: 2048,
      MultiItemLimitBytes: 5120,
      ExtendedDataLimitBytes: 1024,
      BroadcastDailyLimit: 100,
      MaxReceiverUserIds: 1000,
    });
    const { groupId, sender } = await seedGroup(sandbox, {});
    const send = (message: string) =>
      sandbox.api("SendGroupMessage", { FromUserId: sender, GroupId: groupId, MessageType: 1, Priority: 1, MessageBody: { Message: message } });
    try {
      const put = await sandbox.control.put("settings", { BlockedWords: ["Secret Plan"], MessageLimitBytes: 20 });
      expect(put.body.Settings).toMatchObject({ BlockedWords: ["Secret Plan"], MessageLimitBytes: 20, RecallWindowSeconds: 120 });
      expect((await send("the secret plan")).json?.AuditInfos).toHaveLength(1);
      expect((await send("forbidden")).json).not.toHaveProperty("AuditInfos");
      expect((await send("x".repeat(21))).json?.Code).toBe(660400001);
    } finally {
      await sandbox.control.put("settings", { BlockedWords: ["forbidden", "违禁"], MessageLimitBytes: 2048 });
    }
  });

  it("stats: counts the API calls answered per Action and kind of answer, from zero after a reset", async () => {
    await sandbox.control.post("reset");
    const { groupId, sender } = await seedGroup(sandbox, {});
    // The hand-moved clock stands still: the eleventh and twelfth call fall in the same second as the first ten.
    for (let n = 0; n < 12; n++) {
      await sandbox.api("SendGroupMessage", { FromUserId: sender, GroupId: groupId, MessageType: 1, Priority: 1, MessageBody: { Message: `n${n}` } });
    }
    await sandbox.api("SendGroupMessage", { FromUserId: sender, GroupId: "no-such-group", MessageType: 1, Priority: 1, MessageBody: { Message: "x" } });
    const stats = await sandbox.control.get("stats");
    expect(stats.body.Actions).toEqual({ SendGroupMessage: { Accepted: 10, RateLimited: 3, Rejected: 0 } });
    sandbox.clock.advance(2000);
    await sandbox.api("SendGroupMessage", { FromUserId: sender, GroupId: "no-such-group", MessageType: 1, Priority: 1, MessageBody: { Message: "x" } });
    expect((await sandbox.control.get("stats")).body.Actions).toEqual({ SendGroupMessage: { Accepted: 10, RateLimited: 3, Rejected: 1 } });
    await sandbox.control.post("reset");
    expect((await sandbox.control.get("stats")).body.Actions).toEqual({});
  });

  it("settings: refuses bad input with 400", async () => {
    for (const body of [{ RecallWindowSeconds: 0 }, { RecallWindowSeconds: 86_401 }, { BlockedWords: [""] }, { Unknown: 1 }, "[]"]) {
      const answer = await sandbox.control.put("settings", body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.Error).toMatch(/^Invalid input: /);
    }
    expect((await sandbox.control.put("settings", { RecallWindowSeconds: 0 })).body.Error).toMatch(/RecallWindowSeconds/);
  });

  it("users: adds a user and changes its flags", async () => {
    const userId = uid("ctl");
    expect((await sandbox.control.post("users", { UserId: userId, Online: true })).body.User).toMatchObject({
      UserId: userId,
      Registered: true,
      Online: true,
      PushRegistered: false,
    });
    const changed = await sandbox.control.post("users", { UserId: userId, Online: false, PushRegistered: true });
    expect(changed.body.User).toMatchObject({ Online: false, PushRegistered: true, Registered: true });
    expect((await sandbox.control.post("users", { UserId: "bad/id" })).status).toBe(400);
    expect((await sandbox.control.post("users", { UserId: uid("x"), Online: "yes" })).status).toBe(400);
  });

  it("groups and members: creates a group with its members, refuses a taken GroupId", async () => {
    const groupId = uid("ctl");
    const [owner, member] = [uid("owner"), uid("member")];
    const created = await sandbox.control.post("groups", {
      GroupId: groupId,
      GroupName: "Control",
      Members: [{ UserId: owner, Role: 1 }, { UserId: member, Role: 2, Online: true }],
    });
    expect(created.status).toBe(201);
    expect(created.body.Group).toMatchObject({ GroupId: groupId, GroupOwner: owner, MemberCount: 2, LastMsgSeq: 0 });
    const members = await sandbox.control.get(`members?GroupId=${groupId}`);
    expect(members.body.Members).toMatchObject([
      { UserId: owner, Role: 1 },
      { UserId: member, Role: 2, Online: true },
    ]);
    expect((await sandbox.control.post("groups", { GroupId: groupId, GroupOwner: owner })).status).toBe(409);
    expect((await sandbox.control.post("groups", { GroupId: uid("g") })).status).toBe(400);
    expect((await sandbox.control.get(`members?GroupId=${uid("gone")}`)).status).toBe(404);
    expect((await sandbox.control.get("members")).status).toBe(400);
  });

  it("inbox needs a valid UserId; unknown paths 404, wrong methods 405", async () => {
    expect((await sandbox.control.get("inbox")).status).toBe(400);
    expect((await sandbox.control.get("inbox?UserId=ops&Kind=mail")).status).toBe(400);
    expect((await sandbox.control.get(`inbox?UserId=${uid("nobody")}`)).body).toEqual({ Messages: [] });
    expect((await sandbox.control.delete("users")).status).toBe(405);
    expect((await sandbox.control.get("secrets")).status).toBe(404);
  });
}
