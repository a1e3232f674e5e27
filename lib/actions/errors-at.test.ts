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

  it("puts an error under a __proto__ key on its object, and never on Object.prototype", () => {
    const errors = errorsAt([["__proto__", "x"], ["request", "__proto__", 2], ["constructor"]], "bad");
    expect(errors).toEqual({ _errors: ["bad"], request: { _errors: ["bad"] }, constructor: { _errors: ["bad"] } });
    expect(Object.getPrototypeOf(errors)).toBe(Object.prototype);
    expect("_errors" in Object.prototype).toBe(false);
  });
});
