import { describe, expect, it } from "vitest";
import { forbiddenIdChars, zimId } from "./id";
import { issuesOf } from "./test-helpers";

const schema = zimId("group ID");
const ALLOWED = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()+-:;<=.>?@[]^_ {}|~";
const printable = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
const FORBIDDEN = [...printable.filter((c) => !ALLOWED.includes(c)), "\t", "\n", "\u007f", "é", "汉", "😀"];

describe("zimId", () => {
  it("knows exactly which printable ASCII characters are forbidden", () => {
    expect(printable.filter((c) => !ALLOWED.includes(c)).sort()).toEqual(['"', "'", "*", ",", "/", "\\", "`"].sort());
  });

  it.each([...ALLOWED])("accepts %j", (c) => {
    expect(issuesOf(schema, `a${c}b`)).toEqual([]);
  });

  it.each(FORBIDDEN)("refuses %j and names it", (c) => {
    const issues = issuesOf(schema, `a${c}b`);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.[1]).toMatch(/contains .* which ZIM does not accept/);
    expect(forbiddenIdChars(`a${c}b`)).toEqual([c]);
  });

  it("accepts 32 bytes and refuses 33", () => {
    expect(issuesOf(schema, "x".repeat(32))).toEqual([]);
    expect(issuesOf(schema, "x".repeat(33))).toEqual([["", "The group ID is 33 bytes long; ZIM allows at most 32."]]);
  });

  it("counts bytes, not characters, and reports both problems at once", () => {
    const messages = issuesOf(schema, "汉".repeat(11)).map(([, m]) => m);
    expect(messages).toHaveLength(2);
    expect(messages[1]).toContain("33 bytes");
  });

  it("asks for a value when empty or missing", () => {
    expect(issuesOf(schema, "")).toEqual([["", "Enter the group ID."]]);
    expect(issuesOf(schema, undefined)).toEqual([["", "Enter the group ID."]]);
  });
});
