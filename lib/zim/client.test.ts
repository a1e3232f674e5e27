import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createZimClient } from "./client";

/** One scripted answer per test; every request that arrives is recorded so the test can assert "no retry". */
type Script = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;
interface Seen {
  method: string;
  url: URL;
  body: string;
}

let script: Script = (_req, res) => res.end();
const seen: Seen[] = [];
const server = http.createServer((req, res) => {
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (chunk: string) => (body += chunk));
  req.on("end", () => {
    seen.push({ method: req.method ?? "", url: new URL(req.url ?? "/", "http://x"), body });
    script(req, res, body);
  });
});
let baseUrl = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/zim-sandbox`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen.length = 0;
});

const SECRET = "0123456789abcdef0123456789abcdef";
const client = () => createZimClient({ appId: 1000001, serverSecret: SECRET, baseUrl, timeoutMs: 300 });
const json = (body: string, status = 200): Script => (_req, res) => {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(body);
};
/** Answers after 600 ms, twice the client's 300 ms timeout. */
const late: Script = (req, res) => setTimeout(() => json('{"Code":0}')(req, res, ""), 600);
const message = {
  FromUserId: "u1",
  GroupId: "g1",
  MessageType: 1,
  Priority: 2,
  MessageBody: { Message: "hello" },
} as const;

describe("ZIM client over HTTP", () => {
  it("POSTs the body as JSON to <base>/ and keeps a 19-digit MsgId exact", async () => {
    script = json(
      '{"Code":0,"Message":"success","RequestId":"343649807833778782","MsgSeq":12,"MsgId":9223372036854775807}',
    );
    const outcome = await client().sendGroupMessage(message);
    expect(outcome).toMatchObject({ kind: "accepted", requestId: "343649807833778782", blockedByModeration: false });
    if (outcome.kind !== "accepted") throw new Error("expected accepted");
    expect(outcome.response.MsgId).toBe("9223372036854775807");
    expect(outcome.response.MsgSeq).toBe(12);
    expect(outcome.response.AuditInfos).toEqual([]);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe("POST");
    expect(seen[0]?.url.pathname).toBe("/zim-sandbox/");
    expect(seen[0]?.url.searchParams.get("Action")).toBe("SendGroupMessage");
    expect(JSON.parse(seen[0]?.body ?? "")).toEqual(message);
  });

  it("marks an accepted message with AuditInfos as blocked by moderation (D5)", async () => {
    script = json('{"Code":0,"RequestId":"1","MsgSeq":1,"MsgId":1,"AuditInfos":[{"Index":0,"Reason":"ad"}]}');
    const outcome = await client().sendGroupMessage(message);
    expect(outcome).toMatchObject({ kind: "accepted", blockedByModeration: true });
    expect(seen).toHaveLength(1);
  });

  it("sends GET parameters in the query with UserId[] repeated and no body", async () => {
    script = json('{"Code":0,"RequestId":"1","Result":[{"UserId":"a","Status":"Online"}],"ErrorList":[]}');
    const outcome = await client().queryUserOnlineState({ UserId: ["a", "b c"] });
    expect(outcome.kind).toBe("accepted");
    expect(seen[0]?.method).toBe("GET");
    expect(seen[0]?.url.searchParams.getAll("UserId[]")).toEqual(["a", "b c"]);
    expect(seen[0]?.body).toBe("");
  });

  it.each([
    ["a non-zero Code", '{"Code":660600001,"Message":"group not exist","RequestId":"9"}', "rejected"],
    ["the AppID-level rate limit", '{"Code":660300005,"Message":"freq limit","RequestId":"9"}', "rate-limited"],
  ])("classifies %s", async (_name, body, kind) => {
    script = json(body);
    const outcome = await client().sendGroupMessage(message);
    expect(outcome).toMatchObject({ kind, requestId: "9" });
    expect(seen).toHaveLength(1);
  });

  it.each([
    ["HTTP 502", json('{"Code":0}', 502), "http-status"],
    ["a body that is not JSON", json("<html>busy</html>"), "not-json"],
    ["JSON without a Code", json('{"ok":true}'), "unexpected-response"],
    ["an answer delayed past the timeout", late, "timeout"],
    ["a socket destroyed after the request was read", ((req) => req.socket.destroy()) as Script, "connection-lost"],
  ])("calls %s an unknown outcome, without retrying", async (_name, answer, reason) => {
    script = answer;
    const outcome = await client().sendGroupMessage(message);
    expect(outcome).toMatchObject({ kind: "unknown", reason });
    // Proving an absence needs a short wait: a retry would arrive within milliseconds on loopback.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toHaveLength(1);
  });

  it("calls a refused connection not-sent", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = createZimClient({ appId: 1, serverSecret: "s", baseUrl: `http://127.0.0.1:${port}` });
    expect(await refused.sendGroupMessage(message)).toMatchObject({ kind: "not-sent", reason: "connection-failed" });
  });

  it("does not send invalid input and says which field is wrong", async () => {
    const outcome = await client().sendGroupMessage({ ...message, GroupId: "bad/id" });
    expect(outcome).toMatchObject({ kind: "not-sent", reason: "invalid-input" });
    if (outcome.kind !== "not-sent") throw new Error("expected not-sent");
    expect(outcome.issues?.[0]?.path).toEqual(["GroupId"]);
    expect(seen).toHaveLength(0);
  });

  it("refuses a config it cannot use", () => {
    expect(() => createZimClient({ appId: 0, serverSecret: "s", baseUrl })).toThrow(RangeError);
    expect(() => createZimClient({ appId: 1, serverSecret: "", baseUrl })).toThrow(TypeError);
    expect(() => createZimClient({ appId: 1, serverSecret: "s", baseUrl: "ftp://x" })).toThrow(TypeError);
  });
});
