import { beforeAll, beforeEach, expect, it } from "vitest";
import { TEST_APP_ID, type TestSandbox } from "../test-support/sandbox";
import { testSignature } from "../test-support/zim-call";


export function gatewaySuite(use: () => TestSandbox) {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = use();
  });
  beforeEach(() => sandbox.clock.advance(10_000));

  const query = { Limit: "1" };
  const call = (common: Parameters<TestSandbox["api"]>[2]) =>
    sandbox.api("QueryAppGroupList", undefined, { method: "GET", query, ...common });

  it.each([
    ["AppId missing", { AppId: null }, 100000001],
    ["AppId not a number", { AppId: "12ab" }, 100000001],
    ["AppId above uint32", { AppId: "4294967296" }, 100000001],
    ["Timestamp missing", { Timestamp: null }, 100000002],
    ["Timestamp malformed", { Timestamp: "17e8" }, 100000003],
    ["Action empty", { Action: "" }, 100000006],
    ["Action unsupported", { Action: "SendPeerMessage" }, 100000007],
    ["SignatureNonce missing", { SignatureNonce: null }, 100000008],
    ["Signature missing", { Signature: null }, 100000009],
    ["SignatureVersion missing", { SignatureVersion: null }, 100000013],
    ["SignatureVersion 1.0", { SignatureVersion: "1.0" }, 100000014],
    ["Signature wrong", { Signature: "0".repeat(32) }, 100000005],
    ["Signature in upper case", {}, 100000005],
  ] as const)("%s → %i, HTTP 200 with a string RequestId (D1)", async (label, common, code) => {
    const options = label === "Signature in upper case" ? await upperCaseSignature() : { common };
    const answer = await call(options);
    expect(answer.status).toBe(200);
    expect(answer.json?.Code).toBe(code);
    expect(typeof answer.json?.Message).toBe("string");
    expect(answer.json?.RequestId).toMatch(/^\d+$/);
  });

  async function upperCaseSignature() {
    const ts = String(sandbox.clock.seconds());
    const nonce = "00112233aabbccdd";
    const signature = testSignature(String(TEST_APP_ID), nonce, "0123456789abcdef0123456789abcdef", ts);
    return { common: { Timestamp: ts, SignatureNonce: nonce, Signature: signature.toUpperCase() } };
  }

  it("D2: an unknown but well-formed AppId answers 100000005", async () => {
    const answer = await call({ common: { AppId: "1000002" } });
    expect(answer.json?.Code).toBe(100000005);
  });

  it.each([
    [-600, 0],
    [600, 0],
    [-601, 100000004],
    [601, 100000004],
  ])("D12: a Timestamp %i s off the sandbox clock answers %i", async (offset, code) => {
    const answer = await call({ timestampOffsetSeconds: offset });
    expect(answer.json?.Code).toBe(code);
  });

  it("checks AppId before Timestamp, Timestamp before Action (the documented order)", async () => {
    expect((await call({ common: { AppId: "x", Timestamp: null, Action: null } })).json?.Code).toBe(100000001);
    expect((await call({ common: { Timestamp: null, Action: null } })).json?.Code).toBe(100000002);
    expect((await call({ common: { Action: null, SignatureNonce: null } })).json?.Code).toBe(100000006);
  });

  it("answers 660000002 for a POST body that is not a JSON object", async () => {
    const answer = await sandbox.api("QueryGroupInfo", undefined, { rawBody: "{not json" });
    expect(answer.json?.Code).toBe(660000002);
    const array = await sandbox.api("QueryGroupInfo", undefined, { rawBody: "[1,2]" });
    expect(array.json?.Code).toBe(660000002);
  });

  it("answers only at / and under /_sandbox/", async () => {
    expect((await fetch(`${sandbox.url}/v1/?Action=QueryAppGroupList`)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/?Action=QueryAppGroupList`, { method: "PUT" })).status).toBe(405);
    expect((await sandbox.control.get("nothing-here")).status).toBe(404);
  });
}
