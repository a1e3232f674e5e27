import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@/lib/testing/engines";
import { holdsForAll, preview } from "@/lib/testing/fuzz/check";
import { hostileString, hugeString, inputsFrom, mutationsOf } from "@/lib/testing/fuzz/hostile";
import { RETURN_CODES } from "@/lib/zim/return-codes";
import { createGroupSchema } from "@/lib/zim/schemas/create-group";
import { inviteUsersIntoGroupSchema } from "@/lib/zim/schemas/invite-users-into-group";
import { queryAppGroupListSchema } from "@/lib/zim/schemas/query-app-group-list";
import { queryGroupInfoSchema } from "@/lib/zim/schemas/query-group-info";
import { queryGroupMemberListSchema } from "@/lib/zim/schemas/query-group-member-list";
import { queryUserOnlineStateSchema } from "@/lib/zim/schemas/query-user-online-state";
import { revokeGroupMessageSchema } from "@/lib/zim/schemas/revoke-group-message";
import { sendGroupMessageSchema } from "@/lib/zim/schemas/send-group-message";
import { sendMessageToAllUsersSchema } from "@/lib/zim/schemas/send-message-to-all-users";
import { userRegisterSchema } from "@/lib/zim/schemas/user-register";
import { SANDBOX_ACTIONS, type SandboxAction } from "./actions/names";
import { openSandbox, seedGroup, TEST_APP_ID, TEST_SECRET, type TestSandbox } from "./test-support/sandbox";
import { testSignature } from "./test-support/zim-call";

/**
 * The sandbox's ZIM API and control endpoint over real HTTP, fed generated requests: every signed API call is
 * answered HTTP 200 with JSON whose Code is a documented ZIM return code (D1), whatever the body, query, content
 * type or size; the control endpoint answers bad input with a 4xx and an `Error` sentence, never a 500.
 */
type World = { groupId: string; sender: string; member: string; msgSeq: number };

const SEEDS: Record<SandboxAction, (w: World) => Record<string, unknown>[]> = {
  SendGroupMessage: (w) => [{ FromUserId: w.sender, GroupId: w.groupId, MessageType: 1, Priority: 2, MessageBody: { Message: "hi", OfflinePush: { Enable: 1, Title: "t", Content: "c" } } }],
  SendMessageToAllUsers: (w) => [{ FromUserId: w.sender, MessageType: 1, MessageBody: { Message: "all" } }],
  RevokeGroupMessage: (w) => [{ FromUserId: w.sender, GroupId: w.groupId, MsgSeq: w.msgSeq, Payload: "sorry" }],
  UserRegister: () => [{ UserInfo: [{ UserId: "fuzz-reg", UserName: "R", UserAvatar: "https://example.com/a.png" }] }],
  CreateGroup: (w) => [{ GroupId: "fuzz-created", GroupName: "F", GroupOwner: w.sender, UserId: [w.member], Attributes: [{ Key: "k", Value: "v" }] }],
  InviteUsersIntoGroup: (w) => [{ FromUserId: w.sender, GroupId: w.groupId, UserIds: [w.member, "fuzz-reg"] }],
  QueryAppGroupList: () => [{ Limit: 10, Next: 0 }],
  QueryGroupInfo: (w) => [{ FromUserId: w.sender, GroupId: w.groupId }],
  QueryGroupMemberList: (w) => [{ GroupId: w.groupId, Limit: 20, Next: 0 }],
  QueryUserOnlineState: (w) => [{ UserId: [w.sender, w.member] }],
};

/** The console's own description of each request body: generated bodies of every shape the client could send. */
const WIRE_SCHEMAS: Record<SandboxAction, unknown> = {
  SendGroupMessage: sendGroupMessageSchema,
  SendMessageToAllUsers: sendMessageToAllUsersSchema,
  RevokeGroupMessage: revokeGroupMessageSchema,
  UserRegister: userRegisterSchema,
  CreateGroup: createGroupSchema,
  InviteUsersIntoGroup: inviteUsersIntoGroupSchema,
  QueryAppGroupList: queryAppGroupListSchema,
  QueryGroupInfo: queryGroupInfoSchema,
  QueryGroupMemberList: queryGroupMemberListSchema,
  QueryUserOnlineState: queryUserOnlineStateSchema,
};

const CONTENT_TYPES = ["application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1", ""];

/** A body that is not the JSON object an Action wants: broken, truncated, of another kind, or very large. */
const rawBodies: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("{", "{\"a\":", "[1,2", "nul\u0000", "{\"a\":1}{\"b\":2}", "null", "[]", "42", "\"text\"", "true", "{\"__proto__\":{\"polluted\":1}}", "\uFEFF{}", "{'single':1}"),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.constantFrom(1_000, 10_000).map((depth) => "[".repeat(depth) + "]".repeat(depth)),
  fc.constant(`{"a":${"[".repeat(100_000)}`),
  hugeString.map((s) => JSON.stringify({ MessageBody: { Message: s } })),
);

describe.each(await testEngines())("the sandbox fuzzed over HTTP on $name", (engine) => {
  let sandbox: TestSandbox;
  let world: World;
  beforeAll(async () => {
    sandbox = await openSandbox(engine);
    const g = await seedGroup(sandbox, { a: { Online: true } });
    const sent = await sandbox.api("SendGroupMessage", SEEDS.SendGroupMessage({ groupId: g.groupId, sender: g.sender, member: g.ids.a, msgSeq: 0 })[0]);
    world = { groupId: g.groupId, sender: g.sender, member: g.ids.a, msgSeq: Number(sent.json?.MsgSeq) };
  });
  afterAll(() => sandbox.close());

  /** A signed call as ZIM's clients make it, with any method, query, body and content type. */
  async function signedCall(action: string, init: { method?: string; query?: [string, string][]; body?: string; contentType?: string }) {
    sandbox.clock.advance(1_100); // each call in a new second: rate limits answer a code, but the Action's own checks run too
    const timestamp = String(sandbox.clock.seconds());
    const nonce = randomBytes(8).toString("hex");
    const search = new URLSearchParams({ Action: action, AppId: String(TEST_APP_ID), SignatureNonce: nonce, Timestamp: timestamp, SignatureVersion: "2.0" });
    search.set("Signature", testSignature(String(TEST_APP_ID), nonce, TEST_SECRET, timestamp));
    for (const [k, v] of init.query ?? []) search.append(k, v);
    const method = init.method ?? "POST";
    const response = await fetch(`${sandbox.url}/?${search.toString()}`, {
      method,
      headers: init.contentType ? { "content-type": init.contentType } : undefined,
      body: method === "GET" ? undefined : init.body,
    });
    return { status: response.status, text: await response.text() };
  }

  /** Why an API answer breaks D1, or undefined. */
  function apiProblem(answer: { status: number; text: string }): string | undefined {
    if (answer.status !== 200) return `HTTP ${answer.status}: ${answer.text.slice(0, 200)}`;
    let json: { Code?: unknown };
    try {
      json = JSON.parse(answer.text) as { Code?: unknown };
    } catch {
      return `not JSON: ${answer.text.slice(0, 200)}`;
    }
    if (typeof json.Code !== "number") return `no numeric Code: ${answer.text.slice(0, 200)}`;
    if (!RETURN_CODES.has(json.Code)) return `Code ${json.Code} is not a documented ZIM return code`;
    return undefined;
  }

  const asJson = (value: unknown) => {
    try {
      return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? Number(v) : v)) ?? "null";
    } catch (error) {
      return String(error);
    }
  };

  it.each(SANDBOX_ACTIONS)("%s answers every JSON body with a documented Code", async (action) => {
    const body = inputsFrom(SEEDS[action](world), WIRE_SCHEMAS[action]);
    // A NUL in a stored name once failed the insert (HTTP 500) instead of answering 660000002.
    const examples = action === "UserRegister" ? [{ UserInfo: [{ UserId: "fuzz-nul", UserName: "a\u0000b" }] }] : [];
    await holdsForAll(body, 70, async (input) => apiProblem(await signedCall(action, { body: asJson(input), contentType: "application/json" })), examples);
  });

  /**
   * Query parameters as a GET sends them: each seed field as text (arrays as Key[]), mutated and hostile. Kept
   * under 8 KB of URL, as HTTP servers (Node's included) refuse longer request heads before any handler runs.
   */
  const short = (text: string) => text.slice(0, 400);
  function queryOf(input: unknown): [string, string][] {
    const text = (v: unknown) => (typeof v === "string" ? v : asJson(v));
    const pairs: [string, string][] =
      input !== null && typeof input === "object" && !Array.isArray(input)
        ? Object.entries(input).flatMap(([k, v]): [string, string][] => (Array.isArray(v) ? v.slice(0, 5).map((x): [string, string] => [`${k}[]`, text(x)]) : [[k, text(v)]]))
        : [["x", text(input)]];
    return pairs.slice(0, 8).map(([k, v]) => [short(k), short(v)]);
  }

  it.each(SANDBOX_ACTIONS)("%s answers every query string with a documented Code", async (action) => {
    const query = fc.oneof(
      fc.constantFrom(...SEEDS[action](world)).chain(mutationsOf).map(queryOf),
      fc.array(fc.tuple(fc.oneof(hostileString, fc.constantFrom("Limit", "Next", "UserId[]", "GroupId", "Action", "Signature")), hostileString), { maxLength: 6 }),
    );
    await holdsForAll(query, 40, async (pairs) => apiProblem(await signedCall(action, { method: "GET", query: pairs.map(([k, v]) => [short(k), short(v)]) })));
  });

  it("answers broken, mistyped and huge bodies, and any Action name, with a documented Code", async () => {
    const call = fc.record({
      action: fc.oneof(fc.constantFrom(...SANDBOX_ACTIONS), hostileString.map(short)),
      body: rawBodies,
      contentType: fc.constantFrom(...CONTENT_TYPES),
      method: fc.constantFrom("POST", "POST", "GET"),
    });
    // An Action name with a NUL once failed the fault lookup (HTTP 500) instead of answering 100000007.
    const nulAction = { action: "nul\u0000inside", body: "{}", contentType: "application/json", method: "POST" };
    await holdsForAll(call, 120, async (c) => apiProblem(await signedCall(c.action, { method: c.method, body: c.body, contentType: c.contentType })), [nulAction]);
  });

  describe("control endpoint", () => {
    afterEach(async () => {
      await sandbox.control.delete("faults");
    });

    /** Why a control answer breaks its contract (2xx JSON, or 4xx with an Error sentence), or undefined. */
    async function controlProblem(method: string, path: string, body?: string): Promise<string | undefined> {
      const response = await fetch(`${sandbox.url}/_sandbox/${path}`, { method, headers: body === undefined ? undefined : { "content-type": "application/json" }, body });
      const text = await response.text();
      if (response.status >= 500) return `HTTP ${response.status}: ${text.slice(0, 200)}`;
      let json: { Error?: unknown };
      try {
        json = JSON.parse(text) as { Error?: unknown };
      } catch {
        return `HTTP ${response.status}, not JSON: ${text.slice(0, 200)}`;
      }
      if (response.status >= 400 && (typeof json.Error !== "string" || json.Error.trim() === "")) return `HTTP ${response.status} without an Error sentence: ${text.slice(0, 200)}`;
      return undefined;
    }

    const writes: [string, string, (w: World) => unknown[]][] = [
      ["POST", "users", () => [{ UserId: "ctl-user", UserName: "U", Online: true }, [{ UserId: "ctl-a" }, { UserId: "ctl-b", Registered: false }]]],
      ["POST", "groups", (w) => [{ GroupId: "ctl-group", GroupName: "G", GroupOwner: w.sender, Members: [{ UserId: w.member, Role: 3 }] }]],
      ["PUT", "faults", () => [{ Action: "SendGroupMessage", Effect: "code", Code: 660300005, Times: 1 }, { Action: "*", LatencyMs: 1, Times: 1 }]],
      ["PUT", "settings", () => [{ BlockedWords: ["bad"], RecallWindowSeconds: 120, MessageLimitBytes: 32_768 }]],
    ];

    it.each(writes)("%s /_sandbox/%s refuses bad bodies with a 4xx and an Error", async (method, path, seeds) => {
      const body = fc.oneof({ weight: 4, arbitrary: inputsFrom(seeds(world)).map(asJson) }, { weight: 1, arbitrary: rawBodies });
      const nul = JSON.stringify({ UserId: "ctl-nul", UserName: "a\u0000b" }); // once a failed insert (HTTP 500)
      await holdsForAll(body, 60, (text) => controlProblem(method, path, text), path === "users" ? [nul] : []);
    });

    it("GET routes refuse bad queries with a 4xx and an Error", async () => {
      const request = fc.record({
        path: fc.constantFrom("users", "groups", "members", "messages", "broadcasts", "inbox", "unread", "faults", "settings", "stats", "", "nowhere", "users/extra"),
        query: fc.array(fc.tuple(fc.constantFrom("UserId", "GroupId", "Kind", "Action", "Limit", "x"), fc.oneof(hostileString, fc.constantFrom(world.member, world.groupId))), { maxLength: 4 }),
        method: fc.constantFrom("GET", "GET", "PATCH", "DELETE"),
      });
      await holdsForAll(request, 100, ({ path, query, method }) => {
        const search = new URLSearchParams(query.map(([k, v]) => [k, short(v)]));
        return controlProblem(method, `${path}?${search.toString()}`);
      });
    });
  });

  it("still answers a plain call after all of it", async () => {
    const answer = await signedCall("QueryGroupInfo", { body: JSON.stringify({ FromUserId: world.sender, GroupId: world.groupId }), contentType: "application/json" });
    expect(JSON.parse(answer.text), preview(answer.text)).toMatchObject({ Code: 0 });
  });
});
