import { describe, expect, it } from "vitest";
import { decodeStrictBase64 } from "./base64";
import { checkMessageBody } from "./message-body";
import { moderate } from "./moderation";

const limits = { messageLimitBytes: 2048, multiItemLimitBytes: 5120, extendedDataLimitBytes: 1024 };

describe("checkMessageBody", () => {
  it("D4: counts UTF-8 bytes with 1 KB = 1024", () => {
    expect(checkMessageBody(1, { Message: "é".repeat(1024) }, limits).ok).toBe(true);
    expect(checkMessageBody(1, { Message: "é".repeat(1024) + "a" }, limits)).toEqual({ ok: false, code: 660400001 });
    expect(checkMessageBody(1, { Message: "a", ExtendedData: "x".repeat(1025) }, limits)).toEqual({ ok: false, code: 660400001 });
  });

  it("counts a base64 command message by its decoded bytes", () => {
    const decoded2048 = Buffer.alloc(2048, 1).toString("base64");
    expect(checkMessageBody(2, { Message: decoded2048, IsBase64: 1 }, limits).ok).toBe(true);
    expect(checkMessageBody(2, { Message: decoded2048, IsBase64: 0 }, limits)).toEqual({ ok: false, code: 660400001 });
    expect(checkMessageBody(2, { Message: "%%%", IsBase64: 1 }, limits)).toEqual({ ok: false, code: 660000025 });
  });

  it("limits a multi-item message to 5 KB and 20 items, and checks media items", () => {
    const item = { MsgType: 1, Msg: "x".repeat(200) };
    expect(checkMessageBody(10, { Message: JSON.stringify({ MultiMsg: Array(20).fill(item) }) }, limits).ok).toBe(true);
    expect(checkMessageBody(10, { Message: JSON.stringify({ MultiMsg: Array(21).fill({ MsgType: 1, Msg: "x" }) }) }, limits)).toEqual({
      ok: false,
      code: 660000002,
    });
    expect(checkMessageBody(10, { Message: JSON.stringify({ MultiMsg: Array(20).fill({ MsgType: 1, Msg: "x".repeat(300) }) }) }, limits)).toEqual({
      ok: false,
      code: 660400001,
    });
    expect(checkMessageBody(10, { Message: JSON.stringify({ MultiMsg: [{ MsgType: 12, Msg: "{}" }] }) }, limits).ok).toBe(false);
  });

  it("refuses bodies of the wrong shape with 660000002", () => {
    for (const body of [undefined, "text", {}, { Message: "" }, { Message: 5 }, { Message: "a", OfflinePush: { Enable: 2 } }]) {
      expect(checkMessageBody(1, body, limits)).toEqual({ ok: false, code: 660000002 });
    }
  });
});

describe("decodeStrictBase64", () => {
  it("accepts padded standard base64 only", () => {
    expect(decodeStrictBase64("YWJj")?.toString()).toBe("abc");
    expect(decodeStrictBase64("YWI=")?.toString()).toBe("ab");
    for (const bad of ["", "YWJ", "YW=j", "YWJj\n", "YW-_", "YWJ="]) expect(decodeStrictBase64(bad), bad).toBeUndefined();
  });
});

describe("moderate", () => {
  it("matches blocked words case-insensitively and reports each item's Index", () => {
    const infos = moderate(
      [
        { index: 0, text: "ok" },
        { index: 1, text: "so FORBIDDEN" },
        { index: 2, text: "违禁品" },
      ],
      ["forbidden", "违禁", " "],
    );
    expect(infos.map((i) => i.Index)).toEqual([1, 2]);
  });
});
