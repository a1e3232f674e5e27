import { beforeAll, beforeEach, expect, it } from "vitest";
import { seedGroup, uid, type TestSandbox } from "../test-support/sandbox";

/** UserRegister, CreateGroup, InviteUsersIntoGroup and the queries, over real HTTP. */
export function otherActionsSuite(use: () => TestSandbox) {
  let sandbox: TestSandbox;
  beforeAll(() => {
    sandbox = use();
  });
  beforeEach(() => sandbox.clock.advance(10_000));

  it("UserRegister registers new users and lists the rest in ErrorList", async () => {
    const [a, b] = [uid("reg"), uid("reg")];
    const first = await sandbox.api("UserRegister", { UserInfo: [{ UserId: a, UserName: "A" }, { UserId: b }] });
    expect(first.json).toMatchObject({ Code: 0, ErrorList: [] });
    const users = (await sandbox.control.get("users")).body.Users as { UserId: string; Online: boolean; Registered: boolean }[];
    expect(users.find((u) => u.UserId === a)).toMatchObject({ Registered: true, Online: false });

    const c = uid("reg");
    const mixed = await sandbox.api("UserRegister", {
      UserInfo: [{ UserId: a }, { UserId: c }, { UserId: "x".repeat(33) }, { UserId: "bad/id" }, { UserId: uid("n"), UserName: "é".repeat(129) }, { UserId: c }],
    });
    expect(mixed.json?.Code).toBe(0);
    expect((mixed.json?.ErrorList as { SubCode: number }[]).map((e) => e.SubCode)).toEqual([
      660700002, 660000012, 660000002, 660700006, 660700002,
    ]);
    expect(mixed.json?.ErrorList).toContainEqual({ UserId: a, SubCode: 660700002, SubMessage: expect.any(String) });

    const allExisting = await sandbox.api("UserRegister", { UserInfo: [{ UserId: a }] });
    expect(allExisting.json?.Code).toBe(660700002);
    const tooMany = Array.from({ length: 101 }, () => ({ UserId: uid("m") }));
    expect((await sandbox.api("UserRegister", { UserInfo: tooMany })).json?.Code).toBe(660000011);
    expect((await sandbox.api("UserRegister", { UserInfo: [] })).json?.Code).toBe(660000002);
  });

  it("UserRegister turns a known but unregistered ID into a sender", async () => {
    const { groupId, ids } = await seedGroup(sandbox, { ghost: { Registered: false } });
    const send = () =>
      sandbox.api("SendGroupMessage", { FromUserId: ids.ghost, GroupId: groupId, MessageType: 1, Priority: 1, MessageBody: { Message: "hi" } });
    expect((await send()).json?.Code).toBe(660500002);
    expect((await sandbox.api("UserRegister", { UserInfo: [{ UserId: ids.ghost }] })).json?.Code).toBe(0);
    expect((await send()).json?.Code).toBe(0);
  });

  it("CreateGroup creates the group with the registered users and reports the others", async () => {
    const { sender, ids } = await seedGroup(sandbox, { a: {}, b: {} });
    const groupId = uid("cg");
    const unknown = uid("unknown");
    const answer = await sandbox.api("CreateGroup", {
      GroupId: groupId,
      GroupName: "Launch",
      GroupOwner: sender,
      UserId: [ids.a, ids.b, unknown, sender],
      Attributes: [{ Key: "k", Value: "v" }],
    });
    expect(answer.json).toMatchObject({ Code: 0, GroupId: groupId, ErrorUsers: [{ UserId: unknown, SubCode: 660700015 }] });
    expect((answer.json?.Members as { UserId: string }[]).map((m) => m.UserId)).toEqual([sender, ids.a, ids.b]);

    const members = await sandbox.api("QueryGroupMemberList", { GroupId: groupId });
    expect(members.json).toMatchObject({ Code: 0, TotalCount: 3, Next: 0 });
    expect(members.json?.MemberList).toContainEqual({ UserId: sender, UserName: expect.any(String), UserNickName: "", Role: 1 });

    expect((await sandbox.api("CreateGroup", { GroupId: groupId, GroupOwner: sender })).json?.Code).toBe(660600011);
    expect((await sandbox.api("CreateGroup", { GroupOwner: uid("nobody") })).json?.Code).toBe(660600013);
    expect((await sandbox.api("CreateGroup", { GroupId: "#taken-form", GroupOwner: sender })).json?.Code).toBe(660000002);
    const attributes = Array.from({ length: 11 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    expect((await sandbox.api("CreateGroup", { GroupOwner: sender, Attributes: attributes })).json?.Code).toBe(660600019);
    expect((await sandbox.api("CreateGroup", { GroupOwner: sender, Attributes: [{ Key: "k".repeat(17), Value: "v" }] })).json?.Code).toBe(660600020);
    const crowd = Array.from({ length: 101 }, () => uid("c"));
    expect((await sandbox.api("CreateGroup", { GroupOwner: sender, UserId: crowd })).json?.Code).toBe(660600016);

    const generated = await sandbox.api("CreateGroup", { GroupOwner: sender });
    expect(generated.json?.GroupId).toMatch(/^#/);
  });

  it("InviteUsersIntoGroup adds registered users, reports the others, and allows 1 call per second per group", async () => {
    const { groupId, sender, ids } = await seedGroup(sandbox, { a: {} });
    const [newcomer, unknown] = [uid("new"), uid("unknown")];
    await sandbox.control.post("users", { UserId: newcomer });
    const answer = await sandbox.api("InviteUsersIntoGroup", { FromUserId: sender, GroupId: groupId, UserIds: [newcomer, unknown, sender, ids.a] });
    expect(answer.json).toMatchObject({ Code: 0, ErrorUsers: [{ UserId: unknown, SubCode: 660700015 }] });
    const members = (await sandbox.control.get(`members?GroupId=${groupId}`)).body.Members as { UserId: string }[];
    expect(members.map((m) => m.UserId)).toContain(newcomer);

    const again = await sandbox.api("InviteUsersIntoGroup", { FromUserId: sender, GroupId: groupId, UserIds: [newcomer] });
    expect(again.json?.Code).toBe(660300006);
    sandbox.clock.advance(1000);
    expect((await sandbox.api("InviteUsersIntoGroup", { FromUserId: sender, GroupId: uid("gone"), UserIds: [newcomer] })).json?.Code).toBe(660600001);
    expect((await sandbox.api("InviteUsersIntoGroup", { FromUserId: uid("nobody"), GroupId: groupId, UserIds: [newcomer] })).json?.Code).toBe(660500002);
    sandbox.clock.advance(1000);
    const onlyUnknown = await sandbox.api("InviteUsersIntoGroup", { FromUserId: sender, GroupId: groupId, GroupMemberInfos: [{ UserId: unknown }] });
    expect(onlyUnknown.json).toMatchObject({ Code: 660700015, ErrorUsers: [{ UserId: unknown }] });
  });

  it("QueryAppGroupList pages with Limit/Next over GET and allows 1 call per second", async () => {
    const all = ((await sandbox.control.get("groups")).body.Groups as { GroupId: string; GroupName: string }[]).map((g) => ({
      GroupId: g.GroupId,
      GroupName: g.GroupName,
    }));
    const seen: unknown[] = [];
    let next = 0;
    do {
      sandbox.clock.advance(1000);
      const page = await sandbox.api("QueryAppGroupList", undefined, { method: "GET", query: { Limit: "3", Next: String(next) } });
      expect(page.json).toMatchObject({ Code: 0, TotalCount: all.length });
      seen.push(...(page.json?.GroupIdList as unknown[]));
      next = page.json?.Next as number;
    } while (next !== 0);
    expect(seen).toEqual(all);
    expect(all.map((g) => g.GroupId)).toEqual(expect.arrayContaining(["sample-pair", "sample-fans"]));

    const again = await sandbox.api("QueryAppGroupList", undefined, { method: "GET" });
    expect(again.json?.Code).toBe(660600007);
    sandbox.clock.advance(1000);
    expect((await sandbox.api("QueryAppGroupList", undefined, { method: "GET", query: { Limit: "-1" } })).json?.Code).toBe(660000002);
  });

  it("QueryGroupMemberList pages the 48 members of the sample fans group and allows 20 calls per second", async () => {
    const page = (next: number) => sandbox.api("QueryGroupMemberList", { GroupId: "sample-fans", Limit: 20, Next: next });
    const pages = [await page(0), await page(1), await page(2)];
    expect(pages.map((p) => [p.json?.TotalCount, p.json?.Next, (p.json?.MemberList as unknown[]).length])).toEqual([
      [48, 1, 20],
      [48, 2, 20],
      [48, 0, 8],
    ]);
    expect((pages[0]?.json?.MemberList as { UserId: string; Role: number }[])[0]).toMatchObject({ UserId: "ops", Role: 1 });
    expect((await sandbox.api("QueryGroupMemberList", { GroupId: uid("gone") })).json?.Code).toBe(660600001);

    const burst = await Promise.all(Array.from({ length: 20 }, () => page(0)));
    expect(burst.map((a) => a.json?.Code)).toContain(660600004);
  });

  it("QueryGroupInfo answers the group's data to a registered querier", async () => {
    const { groupId, sender } = await seedGroup(sandbox, {});
    const answer = await sandbox.api("QueryGroupInfo", { FromUserId: sender, GroupId: groupId });
    expect(answer.json).toMatchObject({ Code: 0, GroupId: groupId, GroupDataSeq: 1, IsAllForbid: false, GroupAttributes: [] });
    expect(answer.json?.GroupCreateTime).toBe(sandbox.clock.now().getTime());
    expect((await sandbox.api("QueryGroupInfo", { FromUserId: uid("nobody"), GroupId: groupId })).json?.Code).toBe(660500002);
    expect((await sandbox.api("QueryGroupInfo", { FromUserId: sender, GroupId: uid("gone") })).json?.Code).toBe(660600001);
  });

  it("QueryUserOnlineState reads UserId[] from the query and lists unknown users in ErrorList", async () => {
    const { ids } = await seedGroup(sandbox, { on: { Online: true }, off: {}, ghost: { Registered: false } });
    const unknown = uid("unknown");
    const answer = await sandbox.api("QueryUserOnlineState", undefined, {
      method: "GET",
      query: { UserId: [ids.on, ids.off, unknown, ids.ghost] },
    });
    expect(answer.json).toMatchObject({
      Code: 0,
      Result: [
        { UserId: ids.on, Status: "Online" },
        { UserId: ids.off, Status: "Offline" },
      ],
      ErrorList: [
        { UserId: unknown, SubCode: 660200001 },
        { UserId: ids.ghost, SubCode: 660200001 },
      ],
    });
    const none = await sandbox.api("QueryUserOnlineState", undefined, { method: "GET", query: { UserId: [unknown] } });
    expect(none.json).toMatchObject({ Code: 660200001, Result: [] });
    const crowd = Array.from({ length: 101 }, () => uid("c"));
    expect((await sandbox.api("QueryUserOnlineState", undefined, { method: "GET", query: { UserId: crowd } })).json?.Code).toBe(660000011);
    expect((await sandbox.api("QueryUserOnlineState", undefined, { method: "GET" })).json?.Code).toBe(660000002);
  });
}
