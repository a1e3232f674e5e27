import { describe, expect, it } from "vitest";
import { sendMessageToAllUsersSchema as schema } from "./send-message-to-all-users";
import { issuesOf, pathsOf } from "./test-helpers";

const FILE = JSON.stringify({ Uid: "f", Url: "https://cdn.example/a.mp4", FileName: "a.mp4" });
const BODY: Record<number, string> = { 1: "hello", 11: "", 12: FILE, 13: FILE, 14: FILE, 200: "{}" };
BODY[11] = JSON.stringify({ Uid: "i", Origin: { Url: "https://cdn.example/a.png" }, FileName: "a.png" });

function broadcast(type: number, extra: Record<string, unknown> = {}) {
  return {
    FromUserId: "admin",
    MessageType: type,
    MessageBody: { Message: BODY[type] ?? "x" },
    ...(type === 200 ? { SubMsgType: 1 } : {}),
    ...extra,
  };
}

describe("SendMessageToAllUsers schema", () => {
  it.each([1, 11, 12, 13, 14, 200])("accepts MessageType %i", (type) => {
    expect(issuesOf(schema, broadcast(type))).toEqual([]);
  });

  it.each([2, 10, 20, 0, 201])("refuses MessageType %i", (type) => {
    expect(pathsOf(schema, broadcast(type))).toEqual(["MessageType"]);
  });

  it("sends PushType 0 when it is left out (D6)", () => {
    expect(schema.parse(broadcast(1)).PushType).toBe(0);
  });

  it.each([0, 1, 2])("accepts PushType %i", (PushType) => {
    expect(schema.parse(broadcast(1, { PushType })).PushType).toBe(PushType);
  });

  it.each([3, -1, "1"])("refuses PushType %j", (PushType) => {
    expect(pathsOf(schema, broadcast(1, { PushType }))).toEqual(["PushType"]);
  });

  it("applies the custom-message rules to SubMsgType", () => {
    expect(pathsOf(schema, broadcast(200, { SubMsgType: undefined }))).toEqual(["SubMsgType"]);
    expect(pathsOf(schema, broadcast(1, { SubMsgType: 3 }))).toEqual(["SubMsgType"]);
    expect(pathsOf(schema, broadcast(200, { SubMsgType: 201 }))).toEqual(["SubMsgType"]);
  });

  it("has no Priority, SearchedContent or IsBase64", () => {
    expect(pathsOf(schema, broadcast(1, { Priority: 1 }))).toEqual([""]);
    expect(pathsOf(schema, broadcast(200, { SearchedContent: "x" }))).toEqual([""]);
    expect(pathsOf(schema, broadcast(1, { MessageBody: { Message: "aGk=", IsBase64: 1 } }))).toEqual(["MessageBody"]);
  });

  it("limits the message to 2 KB", () => {
    const sized = (n: number) => broadcast(1, { MessageBody: { Message: "a".repeat(n) } });
    expect(pathsOf(schema, sized(2048))).toEqual([]);
    expect(pathsOf(schema, sized(2049))).toEqual(["MessageBody.Message"]);
  });

  it("accepts the offline push fields", () => {
    const OfflinePush = { Enable: 1, Title: "t", Content: "c", Payload: "p", PushStrategyId: "s" };
    const full = { ...OfflinePush, EnableBadge: true, BadgeIncrement: 99, ThreadId: "x" };
    const pushing = (push: object) => broadcast(1, { MessageBody: { Message: "hi", OfflinePush: push } });
    expect(issuesOf(schema, pushing(full))).toEqual([]);
    expect(pathsOf(schema, pushing({ BadgeIncrement: 100 }))).toEqual(["MessageBody.OfflinePush.BadgeIncrement"]);
  });
});
