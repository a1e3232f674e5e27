import { describe, expect, it } from "vitest";
import { resolveZimLimits } from "../limits";
import { makeSendGroupMessageSchema, sendGroupMessageSchema as schema } from "./send-group-message";
import { issuesOf, pathsOf } from "./test-helpers";

const ORIGIN = { Url: "https://cdn.example/a.jpg", Width: 10, Height: 10 };
const IMAGE = JSON.stringify({ Uid: "img-1", Origin: ORIGIN, FileName: "a.jpg" });
const FILE = JSON.stringify({ Uid: "f-1", Url: "https://cdn.example/a.pdf", FileName: "a.pdf", Size: 10 });
const MULTI = JSON.stringify({ MultiMsg: [{ MsgType: 1, Msg: "hi" }] });

/** A valid body for each group MessageType. */
const VALID: Record<number, Record<string, unknown>> = {
  1: { MessageBody: { Message: "hello" } },
  2: { MessageBody: { Message: "aGVsbG8=", IsBase64: 1 } },
  10: { MessageBody: { Message: MULTI } },
  11: { MessageBody: { Message: IMAGE } },
  12: { MessageBody: { Message: FILE } },
  13: { MessageBody: { Message: FILE } },
  14: { MessageBody: { Message: FILE } },
  200: { MessageBody: { Message: "{}" }, SubMsgType: 0 },
};

function message(type: number, extra: Record<string, unknown> = {}) {
  return { FromUserId: "u1", GroupId: "g1", MessageType: type, Priority: 1, ...VALID[type], ...extra };
}
const text = (Message: string, extra: Record<string, unknown> = {}) =>
  message(1, { MessageBody: { Message }, ...extra });

describe("SendGroupMessage schema", () => {
  it.each([1, 2, 10, 11, 12, 13, 14, 200])("accepts MessageType %i", (type) => {
    expect(issuesOf(schema, message(type))).toEqual([]);
  });

  it.each([0, 3, 20, 31, 32, 100, 201, "1"])("refuses MessageType %j", (type) => {
    expect(pathsOf(schema, { ...message(1), MessageType: type })).toEqual(["MessageType"]);
  });

  it.each([[1], [2], [3]])("accepts Priority %i", (priority) => {
    expect(issuesOf(schema, { ...message(1), Priority: priority })).toEqual([]);
  });

  it.each([0, 4, undefined])("refuses Priority %j", (priority) => {
    expect(pathsOf(schema, { ...message(1), Priority: priority })).toEqual(["Priority"]);
  });

  describe("SubMsgType", () => {
    it.each([
      [-1, ["SubMsgType"]],
      [0, []],
      [200, []],
      [201, ["SubMsgType"]],
      [1.5, ["SubMsgType"]],
    ])("custom message with SubMsgType %d → issues at %j", (sub, paths) => {
      expect(pathsOf(schema, message(200, { SubMsgType: sub }))).toEqual(paths);
    });

    it("is required for custom messages", () => {
      expect(issuesOf(schema, message(200, { SubMsgType: undefined }))).toEqual([
        ["SubMsgType", "Custom messages need a sub-type (SubMsgType): a whole number from 0 to 200."],
      ]);
    });

    it("is refused for other types", () => {
      expect(pathsOf(schema, text("hi", { SubMsgType: 0 }))).toEqual(["SubMsgType"]);
    });
  });

  describe("SearchedContent", () => {
    // "汉" is 3 UTF-8 bytes: 21 of them plus one ASCII letter is 64 bytes.
    it("accepts 64 bytes of multi-byte text on a custom message", () => {
      expect(issuesOf(schema, message(200, { SearchedContent: `${"汉".repeat(21)}a` }))).toEqual([]);
    });

    it("refuses 65 bytes and says how long it is", () => {
      const issues = issuesOf(schema, message(200, { SearchedContent: `${"汉".repeat(21)}ab` }));
      expect(issues).toHaveLength(1);
      expect(issues[0]?.[0]).toBe("SearchedContent");
      expect(issues[0]?.[1]).toContain("65 bytes, the limit is 64 bytes");
    });

    it("is refused on a non-custom message", () => {
      expect(pathsOf(schema, text("hi", { SearchedContent: "x" }))).toEqual(["SearchedContent"]);
    });
  });

  describe("body sizes (D4: UTF-8 bytes, 1 KB = 1024)", () => {
    it.each([
      [1, 2048, true],
      [1, 2049, false],
      [200, 2048, true],
      [200, 2049, false],
      [2, 2048, true],
      [2, 2049, false],
    ])("type %i with a %i-byte Message: valid = %s", (type, bytes, ok) => {
      const body = { MessageBody: { Message: "a".repeat(bytes) } };
      const paths = pathsOf(schema, message(type, body));
      expect(paths).toEqual(ok ? [] : ["MessageBody.Message"]);
    });

    it("counts multi-byte characters as bytes", () => {
      expect(pathsOf(schema, text(`${"汉".repeat(682)}ab`))).toEqual([]); // 2048 bytes
      expect(pathsOf(schema, text(`${"汉".repeat(683)}`))).toEqual(["MessageBody.Message"]); // 2049 bytes
    });

    it("allows a multi-item message 5 KB", () => {
      const padded = (n: number) => {
        const base = JSON.stringify({ MultiMsg: [{ MsgType: 1, Msg: "" }] });
        return JSON.stringify({ MultiMsg: [{ MsgType: 1, Msg: "a".repeat(n - base.length) }] });
      };
      expect(pathsOf(schema, message(10, { MessageBody: { Message: padded(5120) } }))).toEqual([]);
      expect(pathsOf(schema, message(10, { MessageBody: { Message: padded(5121) } }))).toEqual(["MessageBody.Message"]);
    });

    it("limits a media message's JSON string to 2 KB", () => {
      const big = JSON.stringify({ Uid: "u".repeat(2100), Url: "https://x/a", FileName: "a" });
      expect(pathsOf(schema, message(12, { MessageBody: { Message: big } }))).toEqual(["MessageBody.Message"]);
    });

    it("limits ExtendedData to 1 KB", () => {
      const extended = (n: number) => text("hi", { MessageBody: { Message: "hi", ExtendedData: "e".repeat(n) } });
      expect(pathsOf(schema, extended(1024))).toEqual([]);
      expect(pathsOf(schema, extended(1025))).toEqual(["MessageBody.ExtendedData"]);
    });

    it("follows the app's raised limits, up to 32 KB", () => {
      const raised = makeSendGroupMessageSchema({ messageBytes: 32 * 1024 });
      expect(pathsOf(raised, text("a".repeat(32 * 1024)))).toEqual([]);
      expect(pathsOf(raised, text("a".repeat(32 * 1024 + 1)))).toEqual(["MessageBody.Message"]);
      expect(() => resolveZimLimits({ messageBytes: 32 * 1024 + 1 })).toThrow(RangeError);
    });

    it("refuses an empty message", () => {
      expect(issuesOf(schema, text(""))).toEqual([["MessageBody.Message", "Enter the message."]]);
    });
  });

  describe("command messages sent as base64", () => {
    const command = (Message: string, IsBase64 = 1) => message(2, { MessageBody: { Message, IsBase64 } });

    it.each(["aGVsbG8=", "aGVsbA==", "aGVs", "+/+/"])("accepts %s", (b64) => {
      expect(pathsOf(schema, command(b64))).toEqual([]);
    });

    it.each(["aGVsbG8", "aGVs bG8=", "aGVsbG8=\n", "aGV$", "a===", "-_-_"])("refuses %j", (b64) => {
      expect(pathsOf(schema, command(b64))).toEqual(["MessageBody.Message"]);
    });

    it("applies the 2 KB limit to the decoded bytes", () => {
      const b64 = (n: number) => Buffer.alloc(n, 7).toString("base64");
      expect(pathsOf(schema, command(b64(2048)))).toEqual([]); // 2732 characters of base64
      expect(pathsOf(schema, command(b64(2049)))).toEqual(["MessageBody.Message"]);
    });

    it("accepts any text when IsBase64 is 0", () => {
      expect(pathsOf(schema, command("not base64!", 0))).toEqual([]);
    });

    it("refuses IsBase64 on other message types", () => {
      expect(pathsOf(schema, text("hi", { MessageBody: { Message: "aGk=", IsBase64: 1 } }))).toEqual([
        "MessageBody.IsBase64",
      ]);
    });
  });

  it("checks the media JSON inside Message", () => {
    const broken = JSON.stringify({ Uid: "i", Origin: { Url: "https://x/a.jpg" } });
    expect(issuesOf(schema, message(11, { MessageBody: { Message: broken } }))).toEqual([
      ["MessageBody.Message", "The image message: FileName is required and must be text."],
    ]);
  });

  describe("SendMsgOptions.TargetOption (D8)", () => {
    const targeted = (ReceiverUserIds: string[], Inclusive = true) =>
      text("hi", { SendMsgOptions: { NoUnread: true, TargetOption: { ReceiverUserIds, Inclusive } } });
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `user-${i}`);

    it("accepts up to 1,000 receivers and refuses 1,001", () => {
      expect(pathsOf(schema, targeted(ids(1000)))).toEqual([]);
      expect(pathsOf(schema, targeted(ids(1001)))).toEqual(["SendMsgOptions.TargetOption.ReceiverUserIds"]);
    });

    it("follows a per-app receiver limit", () => {
      expect(pathsOf(makeSendGroupMessageSchema({ receiverUserIds: 2 }), targeted(ids(3)))).toEqual([
        "SendMsgOptions.TargetOption.ReceiverUserIds",
      ]);
    });

    it("points at the invalid, repeated or sender entries", () => {
      expect(pathsOf(schema, targeted(["a", "b/c", "a", "u1"]))).toEqual([
        "SendMsgOptions.TargetOption.ReceiverUserIds.1",
        "SendMsgOptions.TargetOption.ReceiverUserIds.2",
        "SendMsgOptions.TargetOption.ReceiverUserIds.3",
      ]);
    });

    it("needs someone to send to when only the listed members receive it", () => {
      expect(pathsOf(schema, targeted([], true))).toEqual(["SendMsgOptions.TargetOption.ReceiverUserIds"]);
      expect(pathsOf(schema, targeted([], false))).toEqual([]);
    });
  });

  it("refuses fields the API does not have", () => {
    expect(issuesOf(schema, { ...message(1), IsTest: 1 })).toEqual([["", "Not a field of this request: IsTest."]]);
  });

  it("reports problems in unrelated fields together", () => {
    const paths = pathsOf(schema, { ...message(200, { SubMsgType: undefined }), GroupId: "" });
    expect(paths.sort()).toEqual(["GroupId", "SubMsgType"]);
  });
});
