import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { open, seal, SecretBoxError } from "./secret-box";

const key = randomBytes(32);

function flipCharAt(text: string, index: number): string {
  const c = text[index] === "A" ? "B" : "A";
  return text.slice(0, index) + c + text.slice(index + 1);
}

describe("secret box", () => {
  it("round-trips a secret, with a fresh IV each time", () => {
    const a = seal(key, "9193cc662a4c0ec135ec71fb57194b38", "app-1");
    const b = seal(key, "9193cc662a4c0ec135ec71fb57194b38", "app-1");
    expect(a).not.toBe(b);
    expect(a).not.toContain("9193cc66");
    expect(open(key, a, "app-1")).toBe("9193cc662a4c0ec135ec71fb57194b38");
  });

  it.each(["iv", "tag", "ciphertext"])("detects a tampered %s", (part) => {
    const parts = seal(key, "secret-value", "app-1").split(".");
    const index = { iv: 1, tag: 2, ciphertext: 3 }[part]!;
    parts[index] = flipCharAt(parts[index]!, 2);
    expect(() => open(key, parts.join("."), "app-1")).toThrow(SecretBoxError);
  });

  it("refuses a ciphertext moved to another context", () => {
    expect(() => open(key, seal(key, "s", "app-1"), "app-2")).toThrow(/altered/);
  });

  it("refuses the wrong key and a malformed value", () => {
    expect(() => open(randomBytes(32), seal(key, "s", "c"), "c")).toThrow(SecretBoxError);
    expect(() => open(key, "plain-text", "c")).toThrow(/format/);
    expect(() => seal(Buffer.alloc(16), "s", "c")).toThrow(/32 bytes/);
  });
});
