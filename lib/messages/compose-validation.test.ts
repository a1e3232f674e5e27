import { describe, expect, it } from "vitest";
import { DEFAULT_ZIM_LIMITS, resolveZimLimits } from "@/lib/zim/limits";
import { buildRequest, emptyCompose, emptyItem, type ComposeValues } from "./compose-form";
import { composeIssues, fieldForWirePath, toFieldErrors } from "./compose-validation";

const valid = (extra: Partial<ComposeValues> = {}): ComposeValues => ({
  ...emptyCompose("sandbox", "ops"), groupId: "g1", text: "hello", ...extra,
});
const issues = (v: ComposeValues, limits = DEFAULT_ZIM_LIMITS) => composeIssues(v, limits);
const at = (v: ComposeValues, path: string) => issues(v).filter((i) => i.path === path).map((i) => i.message);

describe("composer validation (lib/zim's schema, beside each field)", () => {
  it("accepts a valid text message", () => {
    expect(issues(valid())).toEqual([]);
  });

  it.each([
    ["-1", 1], ["0", 0], ["200", 0], ["201", 1], ["1.5", 1], ["abc", 1], ["", 1],
  ])("custom SubMsgType %j → %i problem(s) beside the field", (sub, count) => {
    const problems = at(valid({ messageType: 200, subMsgType: sub }), "subMsgType");
    expect(problems).toHaveLength(count);
    if (sub === "") expect(problems[0]).toContain("Custom messages need a sub-type");
  });

  it("accepts 64 bytes of multi-byte searchable text and refuses 65", () => {
    const custom = (searchedContent: string) => valid({ messageType: 200, subMsgType: "1", searchedContent });
    expect(at(custom(`${"汉".repeat(21)}a`), "searchedContent")).toEqual([]);
    expect(at(custom(`${"汉".repeat(21)}ab`), "searchedContent")[0]).toContain("65 bytes, the limit is 64 bytes");
    expect(at(custom("😀".repeat(16)), "searchedContent")).toEqual([]);
    expect(at(custom(`${"😀".repeat(16)}a`), "searchedContent")[0]).toContain("65 bytes");
  });

  const FORBIDDEN = ['"', "'", "*", ",", "/", "\\", "`", "é", "汉", "\t"];
  it.each(FORBIDDEN)("names the forbidden character %j in the sender, the group and a recipient line", (c) => {
    expect(at(valid({ fromUserId: `a${c}b` }), "fromUserId")[0]).toMatch(/sender user ID contains .* which ZIM does not accept/);
    expect(at(valid({ groupId: `a${c}b` }), "groupId")[0]).toMatch(/group ID contains .* which ZIM does not accept/);
    // Commas and tabs separate recipients, so they cannot be inside one.
    if (c !== "," && c !== "\t") {
      expect(at(valid({ recipientMode: "only", recipientsText: `ok\nx${c}y` }), "recipientsText")[0]).toMatch(/^Line 2: The receiver user ID contains/);
    }
  });

  it("checks IDs at 32 and 33 bytes", () => {
    expect(at(valid({ groupId: "g".repeat(32) }), "groupId")).toEqual([]);
    expect(at(valid({ groupId: "g".repeat(33) }), "groupId")).toEqual(["The group ID is 33 bytes long; ZIM allows at most 32."]);
  });

  it("checks the message size against the app's own limit", () => {
    const limits = resolveZimLimits({ messageBytes: 10 });
    expect(composeIssues(valid({ text: "汉汉汉" }), limits)).toEqual([]);
    expect(composeIssues(valid({ text: "汉汉汉汉" }), limits)[0]).toMatchObject({ path: "text" });
  });

  it("refuses targeted sends with no members or with the sender listed", () => {
    expect(at(valid({ recipientMode: "only" }), "recipientsText")[0]).toContain("Add at least one member");
    expect(at(valid({ recipientMode: "except" }), "recipientsText")[0]).toContain("leave out");
    expect(at(valid({ recipientMode: "only", recipientsText: "ops" }), "recipientsText")[0]).toContain("The sender cannot be in the receiver list");
  });

  it("checks command messages marked base64", () => {
    expect(at(valid({ messageType: 2, isBase64: true, text: "not base64!" }), "text")[0]).toContain("Base64 is on");
    expect(issues(valid({ messageType: 2, isBase64: true, text: "aGVsbG8=" }))).toEqual([]);
  });

  it("puts media problems beside their own fields", () => {
    const image = valid({ messageType: 11 });
    expect(issues(image).map((i) => i.path).sort()).toEqual(["media.fileName", "media.url"]);
    const ok = { ...image, media: { ...image.media, url: "https://cdn.example/a.jpg", fileName: "a.jpg", width: "abc" } };
    expect(issues(ok)).toEqual([{ path: "media.width", message: "The width must be a whole number." }]);
    expect(issues({ ...ok, media: { ...ok.media, width: "640" } })).toEqual([]);
    const video = { ...valid({ messageType: 14 }), media: { ...image.media, url: "u", fileName: "v.mp4", thumbUrl: "t", thumbWidth: "0" } };
    expect(issues(video)).toEqual([{ path: "media.thumbWidth", message: "The thumbnail width must not be 0." }]);
  });

  it("checks multi-item entries one by one and the whole message's size", () => {
    const items = [emptyItem(1), { ...emptyItem(200), text: "x", subMsgType: "201" }, { ...emptyItem(12) }];
    const found = issues(valid({ messageType: 10, items })).map((i) => i.path).sort();
    expect(found).toEqual(["items.0.text", "items.1.subMsgType", "items.2.media.fileName", "items.2.media.url"]);
    const big = [{ ...emptyItem(1), text: "x".repeat(6000) }];
    expect(issues(valid({ messageType: 10, items: big }))).toEqual([{ path: "items.root", message: expect.stringContaining("multi-item message is too long") }]);
  });

  it("maps wire paths to fields and nests errors for react-hook-form", () => {
    expect(fieldForWirePath(["SendMsgOptions", "TargetOption", "ReceiverUserIds", 2], 1)).toBe("recipientsText");
    expect(fieldForWirePath(["MessageBody", "Message"], 11)).toBe("media.root");
    expect(fieldForWirePath(["MessageBody", "OfflinePush", "Title"], 1)).toBe("push.title");
    expect(toFieldErrors([{ path: "items.1.media.url", message: "m" }])).toEqual({ items: [undefined, { media: { url: { type: "zim", message: "m" } } }] });
  });

  it("builds the wire body the preview shows and the server receives", () => {
    const request = buildRequest(valid({
      messageType: 200, subMsgType: "7", searchedContent: "find me", priority: 3, recipientMode: "except", recipientsText: " u1, u2\nu1 ",
      push: { enabled: true, title: "Hi", content: "", payload: "p" }, noUnread: true, extendedData: "",
    }));
    expect(request).toEqual({
      FromUserId: "ops", GroupId: "g1", MessageType: 200, Priority: 3,
      MessageBody: { Message: "hello", OfflinePush: { Enable: 1, Title: "Hi", Payload: "p" } },
      SubMsgType: 7, SearchedContent: "find me",
      SendMsgOptions: { TargetOption: { ReceiverUserIds: ["u1", "u2"], Inclusive: false } },
    });
  });
});
