import { describe, expect, it } from "vitest";
import { errorsAt } from "./errors-at";

describe("errors at input paths", () => {
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
