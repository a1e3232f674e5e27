import { describe, expect, it } from "vitest";
import { isRateLimitCode, lookupReturnCode, RETURN_CODES, returnCodeText } from "./return-codes";

/** Every code of zim-api.md §2.1 and §2.2 (and those named in §4–§6), listed here so the test stands alone. */
const DOCUMENTED_CODES = [
  0, 1, 2, 3, 7, 50014, 51102, 105001,
  100000000, 100000001, 100000002, 100000003, 100000004, 100000005, 100000006, 100000007, 100000008, 100000009,
  100000010, 100000011, 100000012, 100000013, 100000014, 100000015, 100000016, 100000017,
  660000001, 660000002, 660000003, 660000011, 660000012, 660200001, 660000022, 660000023, 660000024, 660000025,
  660000026, 660000027, 660000028, 660300001, 660300002, 660300005, 660300006, 660300013, 660400001, 660500002,
  660500003, 660500004, 660500005, 660500006, 660500007, 660500009, 660500010,
  660600001, 660600003, 660600004, 660600005, 660600006, 660600007, 660600008, 660600009, 660600010, 660600011,
  660600012, 660600013, 660600016, 660600017, 660600019, 660600020, 660600021, 660600022, 660600023, 660600024,
  660600032, 660600033, 660700001, 660700002, 660700006, 660700007, 660700008, 660700012, 660700015,
  660800045, 660800046, 661000001, 661000005,
];

describe("return-code catalogue", () => {
  it.each(DOCUMENTED_CODES)("has %i with meaning and action in English and Chinese", (code) => {
    const entry = RETURN_CODES.get(code);
    expect(entry).toBeDefined();
    for (const text of [entry?.en.meaning, entry?.en.action, entry?.zh.meaning, entry?.zh.action]) {
      expect(text?.trim()).toBeTruthy();
    }
    expect(entry?.zh.meaning).toMatch(/[\u4e00-\u9fff]/);
  });

  it("lists each code once", () => {
    const all = [...RETURN_CODES.values()].map((e) => e.code);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(DOCUMENTED_CODES.length);
  });

  it("classes the frequency limits as rate-limited, and only those", () => {
    const limited = [...RETURN_CODES.values()].filter((e) => e.class === "rate-limited").map((e) => e.code);
    expect(limited.sort()).toEqual(
      [7, 660300005, 660300006, 660500003, 660600004, 660600005, 660600007, 660600010, 660700001].sort(),
    );
    expect(isRateLimitCode(660300005)).toBe(true);
    expect(isRateLimitCode(660400001)).toBe(false);
    expect(lookupReturnCode(0).class).toBe("success");
  });

  it("gives a generic entry in both languages for an unknown code", () => {
    const entry = lookupReturnCode(123456789);
    expect(entry.known).toBe(false);
    expect(entry.class).toBe("contact-support");
    expect(entry.en.meaning).toContain("123456789");
    expect(returnCodeText(123456789, "zh").meaning).toContain("123456789");
    expect(lookupReturnCode(660600001).known).toBe(true);
  });
});
