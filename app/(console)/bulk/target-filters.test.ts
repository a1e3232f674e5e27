import { describe, expect, it } from "vitest";
import { parseTargetFilters, targetFiltersQuery } from "./target-filters";

describe("the result table's filters in the URL", () => {
  it("reads every filter and writes it back in a fixed order", () => {
    const filters = parseTargetFilters(new URLSearchParams("after=40&q=g-1&audit=1&code=660600001&status=failed"));
    expect(filters).toEqual({ status: "failed", code: 660600001, auditFailures: true, search: "g-1", afterSeq: 40 });
    expect(targetFiltersQuery(filters)).toBe("status=failed&code=660600001&audit=1&q=g-1&after=40");
    expect(targetFiltersQuery(filters, { afterSeq: undefined })).toBe("status=failed&code=660600001&audit=1&q=g-1");
  });

  it("ignores what it does not know instead of failing the page", () => {
    expect(parseTargetFilters({ status: "lost", code: "12a", after: "-1", audit: "yes", q: "  " })).toEqual({
      status: undefined, code: undefined, auditFailures: undefined, search: undefined, afterSeq: undefined,
    });
    expect(targetFiltersQuery(parseTargetFilters({}))).toBe("");
  });
});
