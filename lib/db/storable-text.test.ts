import { describe, expect, it } from "vitest";
import { deeplyNested } from "@/lib/testing/fuzz/hostile";
import { isStorableText, unstorableTextPaths } from "./storable-text";

describe("text the database cannot keep", () => {
  it("finds NUL and lone surrogates at their paths, in values and in keys", () => {
    const input = {
      ok: "plain, emoji 😀, RTL \u202E, zero width \u200B",
      nul: "a\u0000b",
      request: { MessageBody: { Message: "lone \ud800 high" }, list: ["fine", "\udc00"] },
      ["key\u0000"]: "value",
    };
    expect(unstorableTextPaths(input).map((p) => p.join("."))).toEqual(expect.arrayContaining(["nul", "request.MessageBody.Message", "request.list.1", ""]));
    expect(unstorableTextPaths(input)).toHaveLength(4);
  });

  it("accepts well-formed text, pairs of surrogates, numbers and other kinds", () => {
    expect(unstorableTextPaths({ a: "\uD83D\uDE00", b: 1, c: null, d: [true, 2n], e: new Map([["\u0000", "\u0000"]]) })).toEqual([]);
    expect(unstorableTextPaths("\u0000")).toEqual([[]]);
    expect(["ok", "", "😀"].every(isStorableText)).toBe(true);
    expect(["\u0000", "\ud800", "a\udc00"].some(isStorableText)).toBe(false);
  });

  it("walks 10,000 levels of nesting without overflowing", () => {
    let deep: unknown = "bottom\u0000";
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    expect(unstorableTextPaths(deep)[0]).toHaveLength(10_000);
    expect(unstorableTextPaths(deeplyNested(10_000, "object"))).toEqual([]);
  });
});
