import { describe, expect, it } from "vitest";
import { deeplyNested } from "@/lib/testing/fuzz/hostile";
import { errorsAt, unstorableTextPaths } from "./unstorable-text";

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
  });

  it("walks 10,000 levels of nesting without overflowing", () => {
    let deep: unknown = "bottom\u0000";
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    expect(unstorableTextPaths(deep)[0]).toHaveLength(10_000);
    expect(unstorableTextPaths(deeplyNested(10_000, "object"))).toEqual([]);
  });

  it("puts each message in next-safe-action's error shape, the root's as its own _errors", () => {
    expect(errorsAt([["request", "MessageBody", "Message"], ["name"], []], "bad")).toEqual({
      request: { MessageBody: { Message: { _errors: ["bad"] } } },
      name: { _errors: ["bad"] },
      _errors: ["bad"],
    });
  });

  it("keeps a __proto__ key an own property of the errors, never Object.prototype", () => {
    const errors = errorsAt([["__proto__", "x"], ["constructor"]], "bad");
    expect(Object.getOwnPropertyNames(errors)).toEqual(["__proto__", "constructor"]);
    expect("_errors" in Object.prototype).toBe(false);
    expect(JSON.stringify(errors)).toBe('{"__proto__":{"x":{"_errors":["bad"]}},"constructor":{"_errors":["bad"]}}');
  });
});
