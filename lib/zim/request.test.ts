import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildZimUrl, checkBaseUrl } from "./request";

const endpoint = {
  appId: 1234567890,
  serverSecret: "0123456789abcdef0123456789abcdef",
  baseUrl: "https://zim-api.zego.im",
};
const NOW = 1_700_000_000_123;

function md5(text: string): string {
  return createHash("md5").update(text).digest("hex");
}

describe("buildZimUrl", () => {
  it("puts the common parameters in the query, in order, signed with that nonce and timestamp", () => {
    const url = buildZimUrl(endpoint, "SendGroupMessage", {}, NOW);
    expect(`${url.origin}${url.pathname}`).toBe("https://zim-api.zego.im/");
    expect([...url.searchParams.keys()]).toEqual([
      "Action",
      "AppId",
      "SignatureNonce",
      "Timestamp",
      "SignatureVersion",
      "Signature",
    ]);
    const q = url.searchParams;
    expect(q.get("Action")).toBe("SendGroupMessage");
    expect(q.get("AppId")).toBe("1234567890");
    expect(q.get("SignatureNonce")).toMatch(/^[0-9a-f]{16}$/);
    expect(q.get("Timestamp")).toBe("1700000000");
    expect(q.get("SignatureVersion")).toBe("2.0");
    expect(q.get("Signature")).toBe(md5(`1234567890${q.get("SignatureNonce")}${endpoint.serverSecret}1700000000`));
    expect(url.search).not.toContain("IsTest");
  });

  it("uses a fresh nonce on every call", () => {
    const a = buildZimUrl(endpoint, "QueryGroupInfo", {}, NOW).searchParams.get("SignatureNonce");
    const b = buildZimUrl(endpoint, "QueryGroupInfo", {}, NOW).searchParams.get("SignatureNonce");
    expect(a).not.toBe(b);
  });

  it.each([
    ["http://127.0.0.1:3000/zim-sandbox", "http://127.0.0.1:3000/zim-sandbox/?Action=UserRegister&"],
    ["http://127.0.0.1:3000/zim-sandbox/", "http://127.0.0.1:3000/zim-sandbox/?Action=UserRegister&"],
    ["https://zim-api-sgp.zego.im/", "https://zim-api-sgp.zego.im/?Action=UserRegister&"],
  ])("keeps the base path of %s and adds /", (baseUrl, prefix) => {
    expect(buildZimUrl({ ...endpoint, baseUrl }, "UserRegister").toString().startsWith(prefix)).toBe(true);
  });

  it("writes GET arrays as UserId[]=a&UserId[]=b and encodes awkward ID characters", () => {
    const url = buildZimUrl(endpoint, "QueryUserOnlineState", { UserId: ["a", "b c", "x&y#z+1"] }, NOW);
    expect(url.search).toContain("&UserId[]=a&UserId[]=b%20c&UserId[]=x%26y%23z%2B1");
    expect(url.searchParams.getAll("UserId[]")).toEqual(["a", "b c", "x&y#z+1"]);
  });

  it("adds scalar GET parameters after the common ones and skips undefined", () => {
    const url = buildZimUrl(endpoint, "QueryAppGroupList", { Limit: 100, Next: 0, Other: undefined }, NOW);
    expect(url.search.endsWith("&Limit=100&Next=0")).toBe(true);
  });
});

describe("checkBaseUrl", () => {
  it.each(["ftp://zim-api.zego.im", "https://zim-api.zego.im/?x=1", "https://zim-api.zego.im/#a", "not a url"])(
    "refuses %s",
    (baseUrl) => {
      expect(() => checkBaseUrl(baseUrl)).toThrow(TypeError);
    },
  );
});
