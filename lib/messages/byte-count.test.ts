import { describe, expect, it } from "vitest";
import { countBytes, countCommandBytes } from "./byte-count";

describe("byte counters", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["汉", 3],
    ["é", 2],
    ["😀", 4],
    [`${"汉".repeat(21)}a`, 64],
  ])("counts %j as %i UTF-8 bytes", (text, bytes) => {
    expect(countBytes(text, 64).bytes).toBe(bytes);
  });

  it("is within the limit at exactly the limit and over at one byte more", () => {
    expect(countBytes(`${"汉".repeat(21)}a`, 64)).toEqual({ bytes: 64, limit: 64, over: false, remaining: 0 });
    expect(countBytes(`${"汉".repeat(21)}ab`, 64)).toEqual({ bytes: 65, limit: 64, over: true, remaining: -1 });
  });

  it("measures base64 command messages after decoding and flags text that is not base64", () => {
    expect(countCommandBytes("aGVsbG8=", true, 5)).toEqual({ bytes: 5, limit: 5, over: false, remaining: 0, invalidBase64: false });
    expect(countCommandBytes("aGVsbG8h", true, 5)).toMatchObject({ bytes: 6, over: true });
    expect(countCommandBytes("hello!", true, 10)).toMatchObject({ bytes: 6, invalidBase64: true });
    expect(countCommandBytes("hello!", false, 10)).toMatchObject({ bytes: 6, invalidBase64: false });
  });
});
