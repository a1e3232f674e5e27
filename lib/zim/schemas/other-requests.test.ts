import { describe, expect, it } from "vitest";
import { createGroupSchema } from "./create-group";
import { inviteUsersIntoGroupSchema } from "./invite-users-into-group";
import { queryAppGroupListSchema } from "./query-app-group-list";
import { queryGroupInfoSchema } from "./query-group-info";
import { queryGroupMemberListSchema } from "./query-group-member-list";
import { queryUserOnlineStateSchema } from "./query-user-online-state";
import { revokeGroupMessageSchema } from "./revoke-group-message";
import { pathsOf } from "./test-helpers";
import { userRegisterSchema } from "./user-register";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `u${i}`);

describe("RevokeGroupMessage schema", () => {
  const revoke = (extra: Record<string, unknown> = {}) => ({ FromUserId: "u1", GroupId: "g1", MsgSeq: 1, ...extra });
  it("limits Payload to 200 bytes", () => {
    expect(pathsOf(revokeGroupMessageSchema, revoke({ Payload: "p".repeat(200) }))).toEqual([]);
    expect(pathsOf(revokeGroupMessageSchema, revoke({ Payload: "p".repeat(201) }))).toEqual(["Payload"]);
    expect(pathsOf(revokeGroupMessageSchema, revoke({ Payload: "汉".repeat(67) }))).toEqual(["Payload"]);
  });
  it.each([0, 1.5, "1", undefined])("refuses MsgSeq %j", (MsgSeq) => {
    expect(pathsOf(revokeGroupMessageSchema, revoke({ MsgSeq }))).toEqual(["MsgSeq"]);
  });
});

describe("paging queries", () => {
  it.each([
    [0, []],
    [10000, []],
    [10001, ["Limit"]],
    [-1, ["Limit"]],
  ])("QueryAppGroupList Limit %i → %j", (Limit, paths) => {
    expect(pathsOf(queryAppGroupListSchema, { Limit, Next: 0 })).toEqual(paths);
  });

  it("QueryAppGroupList accepts no parameters at all", () => {
    expect(pathsOf(queryAppGroupListSchema, {})).toEqual([]);
  });

  it.each([
    [0, []],
    [1000, []],
    [1001, ["Limit"]],
  ])("QueryGroupMemberList Limit %i → %j", (Limit, paths) => {
    expect(pathsOf(queryGroupMemberListSchema, { GroupId: "g", Limit, Next: 3 })).toEqual(paths);
  });

  it("QueryGroupInfo needs both IDs", () => {
    expect(pathsOf(queryGroupInfoSchema, { GroupId: "g" })).toEqual(["FromUserId"]);
  });
});

describe("QueryUserOnlineState schema", () => {
  it.each([
    [1, []],
    [100, []],
    [101, ["UserId"]],
    [0, ["UserId"]],
  ])("%i user IDs → %j", (n, paths) => {
    expect(pathsOf(queryUserOnlineStateSchema, { UserId: ids(n) })).toEqual(paths);
  });
});

describe("UserRegister schema", () => {
  const users = (n: number) => ids(n).map((UserId) => ({ UserId, UserName: UserId }));
  it("registers 1 to 100 users", () => {
    expect(pathsOf(userRegisterSchema, { UserInfo: users(100) })).toEqual([]);
    expect(pathsOf(userRegisterSchema, { UserInfo: users(101) })).toEqual(["UserInfo"]);
    expect(pathsOf(userRegisterSchema, { UserInfo: [] })).toEqual(["UserInfo"]);
  });
  it("limits UserName to 256 bytes and UserAvatar to 500", () => {
    const user = { UserId: "a", UserName: "n".repeat(257), UserAvatar: "h".repeat(501) };
    expect(pathsOf(userRegisterSchema, { UserInfo: [user] })).toEqual(["UserInfo.0.UserName", "UserInfo.0.UserAvatar"]);
  });
});

describe("CreateGroup schema", () => {
  it("takes up to 100 members in UserId", () => {
    expect(pathsOf(createGroupSchema, { GroupOwner: "o", UserId: ids(100) })).toEqual([]);
    expect(pathsOf(createGroupSchema, { GroupOwner: "o", UserId: ids(101) })).toEqual(["UserId"]);
  });
  it("refuses a GroupId starting with #", () => {
    expect(pathsOf(createGroupSchema, { GroupOwner: "o", GroupId: "#g" })).toEqual(["GroupId"]);
    expect(pathsOf(createGroupSchema, { GroupOwner: "o", GroupId: "g#" })).toEqual([]);
  });
  it("limits attributes to 10, names to 16 bytes, values to 1024", () => {
    const attrs = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    expect(pathsOf(createGroupSchema, { GroupOwner: "o", Attributes: attrs(10) })).toEqual([]);
    expect(pathsOf(createGroupSchema, { GroupOwner: "o", Attributes: attrs(11) })).toEqual(["Attributes"]);
    const long = [{ Key: "k".repeat(17), Value: "v".repeat(1025) }];
    expect(pathsOf(createGroupSchema, { GroupOwner: "o", Attributes: long })).toEqual([
      "Attributes.0.Key",
      "Attributes.0.Value",
    ]);
  });
  it("limits GroupName to 50 bytes", () => {
    expect(pathsOf(createGroupSchema, { GroupOwner: "o", GroupName: "汉".repeat(17) })).toEqual(["GroupName"]);
  });
});

describe("InviteUsersIntoGroup schema", () => {
  const invite = (extra: Record<string, unknown>) => ({ FromUserId: "o", GroupId: "g", ...extra });
  it("takes up to 100 members", () => {
    expect(pathsOf(inviteUsersIntoGroupSchema, invite({ UserIds: ids(100) }))).toEqual([]);
    expect(pathsOf(inviteUsersIntoGroupSchema, invite({ UserIds: ids(101) }))).toEqual(["UserIds"]);
    const infos = (n: number) => ids(n).map((UserId) => ({ UserId }));
    expect(pathsOf(inviteUsersIntoGroupSchema, invite({ GroupMemberInfos: infos(100) }))).toEqual([]);
    expect(pathsOf(inviteUsersIntoGroupSchema, invite({ GroupMemberInfos: infos(101) }))).toEqual(["GroupMemberInfos"]);
  });
  it("needs exactly one of the two lists", () => {
    expect(pathsOf(inviteUsersIntoGroupSchema, invite({}))).toEqual(["UserIds"]);
    const both = invite({ UserIds: ["a"], GroupMemberInfos: [{ UserId: "b" }] });
    expect(pathsOf(inviteUsersIntoGroupSchema, both)).toEqual(["UserIds"]);
  });
});
