import { describe, expect, it } from "vitest";
import { classifyAnswer, classifyBodyError, classifyFetchError, mayHaveTakenEffect } from "./outcome";
import { queryAppGroupListResponseSchema, sendGroupMessageResponseSchema } from "./responses";

/** An error shaped like undici's: TypeError("fetch failed") with the socket error as cause. */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError("fetch failed", { cause });
}
function withCode(code: string): Error {
  return Object.assign(new Error(code), { code });
}

describe("classifyFetchError", () => {
  it.each(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT", "CERT_HAS_EXPIRED"])(
    "%s happens before the request leaves: not-sent",
    (code) => {
      expect(classifyFetchError("SendGroupMessage", fetchFailed(withCode(code)))).toMatchObject({
        kind: "not-sent",
        reason: "connection-failed",
      });
    },
  );

  it("looks inside the AggregateError of a multi-address connect", () => {
    const all = new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")]);
    expect(classifyFetchError("X", fetchFailed(all)).kind).toBe("not-sent");
    const mixed = new AggregateError([withCode("ECONNREFUSED"), new Error("odd")]);
    expect(classifyFetchError("X", fetchFailed(mixed)).kind).toBe("unknown");
  });

  it.each([
    ["a reset", fetchFailed(withCode("ECONNRESET")), "connection-lost"],
    ["other side closed", fetchFailed(withCode("UND_ERR_SOCKET")), "connection-lost"],
    ["an error without a code", fetchFailed(new Error("?")), "connection-lost"],
    ["a timeout", new DOMException("timed out", "TimeoutError"), "timeout"],
    ["a cancellation", new DOMException("aborted", "AbortError"), "aborted"],
  ])("%s may come after the request left: unknown", (_name, error, reason) => {
    expect(classifyFetchError("X", error)).toMatchObject({ kind: "unknown", reason });
  });

  it("never calls a failure while reading the body not-sent", () => {
    expect(classifyBodyError("X", fetchFailed(withCode("ECONNREFUSED")), 200)).toMatchObject({
      kind: "unknown",
      httpStatus: 200,
    });
  });
});

describe("classifyAnswer", () => {
  it("treats a Code-0 answer with a malformed business field as unknown, not accepted", () => {
    const body = '{"Code":0,"GroupIdList":"x"}';
    const outcome = classifyAnswer("QueryAppGroupList", 200, body, queryAppGroupListResponseSchema);
    expect(outcome).toMatchObject({ kind: "unknown", reason: "unexpected-response" });
  });

  it("accepts a command message's empty MsgSeq", () => {
    const body = '{"Code":0,"RequestId":"1","MsgSeq":"","MsgId":5}';
    const outcome = classifyAnswer("SendGroupMessage", 200, body, sendGroupMessageResponseSchema);
    expect(outcome).toMatchObject({ kind: "accepted", response: { MsgSeq: undefined, MsgId: "5" } });
  });

  it.each([
    ["660500003", "rate-limited"],
    ["660600007", "rate-limited"],
    ["660600004", "rate-limited"],
    ["660400001", "rejected"],
    ["1", "rejected"],
  ])("classes Code %s as %s", (code, kind) => {
    const body = `{"Code":${code},"Message":"m","RequestId":"r"}`;
    const outcome = classifyAnswer("X", 200, body, sendGroupMessageResponseSchema);
    expect(outcome.kind).toBe(kind);
  });

  it("says which outcomes may have taken effect", () => {
    const ok = classifyAnswer("X", 200, '{"Code":0,"RequestId":"r"}', sendGroupMessageResponseSchema);
    const no = classifyAnswer("X", 200, '{"Code":2,"RequestId":"r"}', sendGroupMessageResponseSchema);
    const lost = classifyAnswer("X", 504, "", sendGroupMessageResponseSchema);
    expect([ok, no, lost].map(mayHaveTakenEffect)).toEqual([true, false, true]);
  });
});
