import "server-only";
import type { z } from "zod";
import { ZIM_ACTIONS, type ZimActionInput, type ZimActionName, type ZimActionResponse } from "./actions";
import { resolveZimLimits, type ZimLimits } from "./limits";
import { classifyAnswer, classifyBodyError, classifyFetchError, type ZimOutcome } from "./outcome";
import type { Permit } from "@/lib/rate-limit/types";
import { buildZimUrl, checkBaseUrl, type QueryValue, type ZimEndpoint } from "./request";

export interface ZimClientConfig extends ZimEndpoint {
  /** Per-call limit for the whole exchange, body included; default 10 s. */
  timeoutMs?: number;
  /** For tests; defaults to the global (undici) fetch. */
  fetch?: typeof fetch;
  /** The app's own size limits when ZEGO support raised them (D4, D8). */
  limits?: Partial<ZimLimits>;
  /** Check input against the request schema before sending (default true). Off only to probe server behaviour. */
  validate?: boolean;
  /** Clock for the signed Timestamp, in ms (default Date.now); tests pass the sandbox's hand-moved clock (D12). */
  now?: () => number;
}

export interface ZimCallOptions {
  /** Cancels the call; a cancelled send is `unknown`, like a timeout. */
  signal?: AbortSignal;
  /**
   * A slot of the shared call limiter the caller already holds (lib/rate-limit): the rate-limited client uses it
   * for the first attempt instead of taking one. The plain client ignores it.
   */
  permit?: Permit;
}

type Call<A extends ZimActionName> = (
  input: ZimActionInput<A>,
  options?: ZimCallOptions,
) => Promise<ZimOutcome<ZimActionResponse<A>>>;

export interface ZimClient {
  sendGroupMessage: Call<"SendGroupMessage">;
  sendMessageToAllUsers: Call<"SendMessageToAllUsers">;
  revokeGroupMessage: Call<"RevokeGroupMessage">;
  queryAppGroupList: Call<"QueryAppGroupList">;
  queryGroupInfo: Call<"QueryGroupInfo">;
  queryGroupMemberList: Call<"QueryGroupMemberList">;
  queryUserOnlineState: Call<"QueryUserOnlineState">;
  userRegister: Call<"UserRegister">;
  createGroup: Call<"CreateGroup">;
  inviteUsersIntoGroup: Call<"InviteUsersIntoGroup">;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
const JSON_ACCEPT = { Accept: "application/json" };

/**
 * A typed client for one ZIM app. Every call resolves to a ZimOutcome and never throws for a network or API
 * failure (only a bad config throws, here at creation).
 *
 * It NEVER retries, not even on a timeout or rate limit: a retried send can deliver a message twice. Retrying is
 * the caller's decision, and only `not-sent` and `rate-limited` outcomes are safe to retry.
 * If the process dies between sending a request and reading its answer, nothing here survives: the caller must
 * have recorded the attempt before calling, and such an attempt stays "unknown" — an operator checks it (e.g. in
 * the group's history) and it is never resent automatically.
 */
export function createZimClient(config: ZimClientConfig): ZimClient {
  if (!Number.isInteger(config.appId) || config.appId < 1 || config.appId > 0xffffffff) {
    throw new RangeError("ZIM appId must be a whole number from 1 to 4294967295");
  }
  if (!config.serverSecret) throw new TypeError("ZIM serverSecret is empty");
  checkBaseUrl(config.baseUrl);
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0)) throw new RangeError("ZIM timeoutMs must be positive");
  const limits = resolveZimLimits(config.limits);
  const fetchImpl = config.fetch ?? fetch;
  const endpoint: ZimEndpoint = { appId: config.appId, serverSecret: config.serverSecret, baseUrl: config.baseUrl };
  // Built once per Action: the schemas depend only on this app's limits.
  const requestSchemas = new Map<ZimActionName, z.ZodType>();
  const requestSchema = (action: ZimActionName) => {
    let schema = requestSchemas.get(action);
    if (!schema) requestSchemas.set(action, (schema = ZIM_ACTIONS[action].request(limits)));
    return schema;
  };

  async function call<A extends ZimActionName>(
    action: A,
    input: ZimActionInput<A>,
    options: ZimCallOptions = {},
  ): Promise<ZimOutcome<ZimActionResponse<A>>> {
    const spec = ZIM_ACTIONS[action];
    let payload: unknown = input;
    if (config.validate !== false) {
      const parsed = requestSchema(action).safeParse(input);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path, message: i.message }));
        const detail = issues.map((i) => `${i.path.join(".") || "request"}: ${i.message}`).join("; ");
        return { kind: "not-sent", action, reason: "invalid-input", detail, issues };
      }
      payload = parsed.data;
    }
    const isGet = spec.method === "GET";
    const query = isGet ? (payload as Record<string, QueryValue>) : {};
    const url = buildZimUrl(endpoint, action, query, (config.now ?? Date.now)());
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;

    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: spec.method,
        headers: isGet ? JSON_ACCEPT : { ...JSON_ACCEPT, "Content-Type": "application/json" },
        body: isGet ? undefined : JSON.stringify(payload),
        signal,
        // A redirect is not a ZIM answer: report it (unknown, D1) rather than re-send the body elsewhere.
        redirect: "manual",
      });
    } catch (error) {
      return classifyFetchError(action, error);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      return classifyBodyError(action, error, response.status);
    }
    return classifyAnswer(action, response.status, text, spec.response) as ZimOutcome<ZimActionResponse<A>>;
  }

  return {
    sendGroupMessage: (input, options) => call("SendGroupMessage", input, options),
    sendMessageToAllUsers: (input, options) => call("SendMessageToAllUsers", input, options),
    revokeGroupMessage: (input, options) => call("RevokeGroupMessage", input, options),
    queryAppGroupList: (input, options) => call("QueryAppGroupList", input, options),
    queryGroupInfo: (input, options) => call("QueryGroupInfo", input, options),
    queryGroupMemberList: (input, options) => call("QueryGroupMemberList", input, options),
    queryUserOnlineState: (input, options) => call("QueryUserOnlineState", input, options),
    userRegister: (input, options) => call("UserRegister", input, options),
    createGroup: (input, options) => call("CreateGroup", input, options),
    inviteUsersIntoGroup: (input, options) => call("InviteUsersIntoGroup", input, options),
  };
}
