import { describe, expect, it } from "vitest";
import { base64DecodedLength, isStrictBase64 } from "./base64";
import { formatBytes, utf8ByteLength } from "./utf8";

describe("utf8ByteLength", () => {
  it.each([
    ["", 0],
    ["a", 1],
    ["é", 2],
    ["汉", 3],
    ["😀", 4],
    ["a汉😀", 8],
  ])("%j is %i bytes", (text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes);
  });

  it("formats sizes for operators", () => {
    expect(formatBytes(2049)).toBe("2,049 bytes");
    expect(formatBytes(1)).toBe("1 byte");
  });
});

describe("base64", () => {
  it("measures the decoded bytes", () => {
    for (const n of [1, 2, 3, 4, 2048]) {
      const text = Buffer.alloc(n, 1).toString("base64");
      expect(isStrictBase64(text)).toBe(true);
      expect(base64DecodedLength(text)).toBe(n);
    }
  });

  it("refuses the empty string and URL-safe base64", () => {
    expect(isStrictBase64("")).toBe(false);
    expect(isStrictBase64("-_8=")).toBe(false);
  });
});
