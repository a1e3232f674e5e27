import { describe, expect, it } from "vitest";
import { newSignatureNonce, unixSeconds, zimSignature } from "./signature";

describe("zimSignature", () => {
  it("matches the official test vector (zim-api.md §1.3)", () => {
    expect(zimSignature(12345, "4fd24687296dd9f3", "9193cc662a4c0ec135ec71fb57194b38", 1615186943)).toBe(
      "43e5cfcca828314675f91b001390566a",
    );
  });

  it("matches the second vector", () => {
    expect(zimSignature(1234567890, "0123456789abcdef", "0123456789abcdef0123456789abcdef", 1700000000)).toBe(
      "16623b00a07719a644da6752e631e98a",
    );
  });
});

describe("newSignatureNonce", () => {
  it("is 16 lowercase hex characters", () => {
    expect(newSignatureNonce()).toMatch(/^[0-9a-f]{16}$/);
  });

  it("is fresh on every call (D11)", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => newSignatureNonce()));
    expect(nonces.size).toBe(1000);
  });
});

describe("unixSeconds", () => {
  it("counts whole seconds (D12)", () => {
    expect(unixSeconds(1_615_186_943_999)).toBe(1_615_186_943);
  });
});
