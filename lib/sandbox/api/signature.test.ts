import { describe, expect, it } from "vitest";
import { toJsonText } from "./json-text";
import { zimSignature } from "./signature";

describe("zimSignature", () => {
  it("matches the official test vector and the project's second vector (zim-api.md §1.3)", () => {
    expect(zimSignature(12345, "4fd24687296dd9f3", "9193cc662a4c0ec135ec71fb57194b38", 1615186943)).toBe(
      "43e5cfcca828314675f91b001390566a",
    );
    expect(zimSignature(1234567890, "0123456789abcdef", "0123456789abcdef0123456789abcdef", 1700000000)).toBe(
      "16623b00a07719a644da6752e631e98a",
    );
  });
});

describe("toJsonText", () => {
  it("writes bigints as bare integer literals that lose precision in JSON.parse (D10)", () => {
    const text = toJsonText({ Code: 0, MsgId: 7268590181736880128n, Note: "7" });
    expect(text).toBe('{"Code":0,"MsgId":7268590181736880128,"Note":"7"}');
    expect(String((JSON.parse(text) as { MsgId: number }).MsgId)).not.toBe("7268590181736880128");
  });

  it("leaves strings that look like the marker alone", () => {
    expect(toJsonText({ a: "bigint:5" })).toBe('{"a":"bigint:5"}');
  });
});
