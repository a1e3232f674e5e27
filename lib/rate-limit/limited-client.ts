import "server-only";
import { log } from "@/lib/log/logger";
import type { RateLimits } from "@/lib/db/schema/zim-apps";
import type { ZimActionName } from "@/lib/zim/actions";
import type { ZimCallOptions, ZimClient } from "@/lib/zim/client";
import type { ZimOutcome } from "@/lib/zim/outcome";
import { laneOf } from "./lanes";
import type { Lane, Permit, RateGate } from "./types";

export interface LimitedClientOptions {
  /** Calls sent again after a frequency code before its outcome is returned. */
  retries?: number;
  /** The lane's hold-off after a frequency code (ZIM counts per second). */
  holdOffMs?: number;
}

export const FREQUENCY_RETRIES = 4;
export const FREQUENCY_HOLD_OFF_MS = 1000;

const METHODS: Record<keyof ZimClient, ZimActionName> = {
  sendGroupMessage: "SendGroupMessage",
  sendMessageToAllUsers: "SendMessageToAllUsers",
  revokeGroupMessage: "RevokeGroupMessage",
  queryAppGroupList: "QueryAppGroupList",
  queryGroupInfo: "QueryGroupInfo",
  queryGroupMemberList: "QueryGroupMemberList",
  queryUserOnlineState: "QueryUserOnlineState",
  userRegister: "UserRegister",
  createGroup: "CreateGroup",
  inviteUsersIntoGroup: "InviteUsersIntoGroup",
};

type AnyCall = (input: unknown, options?: ZimCallOptions) => Promise<ZimOutcome>;

/**
 * The app's client with every call inside the shared limit: each call takes a permit of its lane (or uses the one
 * the caller already holds, `options.permit`) and releases it once the answer is in.
 *
 * A frequency code (660300005, 660500003, …) means ZIM did nothing, so the call holds the lane off for a second and
 * goes again, at most `retries` times; then the `rate-limited` outcome is returned for the caller to record. Any
 * other outcome — above all `unknown` — is returned as it is and never repeated (see lib/zim/client.ts).
 * If the process dies while a call is out, its slot frees by itself MAX_HOLD_MS plus a window after it was taken,
 * and what became of the call is the caller's record (committed before the call) to settle.
 */
export function rateLimitedClient(
  client: ZimClient,
  app: { key: string; rateLimits: RateLimits },
  gate: RateGate,
  options: LimitedClientOptions = {},
): ZimClient {
  const retries = options.retries ?? FREQUENCY_RETRIES;
  const holdOffMs = options.holdOffMs ?? FREQUENCY_HOLD_OFF_MS;

  const limited = (method: keyof ZimClient): AnyCall => {
    const call = client[method] as unknown as AnyCall;
    const lane = laneOf(app, METHODS[method]);
    return async (input, callOptions = {}) => {
      let permit = callOptions.permit ?? (await gate.acquire(lane, { signal: callOptions.signal }));
      for (let attempt = 0; ; attempt++) {
        let outcome: ZimOutcome;
        try {
          outcome = await call(input, { signal: callOptions.signal });
        } finally {
          await releaseQuietly(permit, lane);
        }
        if (outcome.kind !== "rate-limited" || attempt >= retries) return outcome;
        log.warn("frequency limit answered; holding the lane off and sending again", { lane: `${lane.appKey}:${lane.action}`, code: outcome.code, attempt: attempt + 1 });
        await gate.holdOff(lane, holdOffMs);
        permit = await gate.acquire(lane, { signal: callOptions.signal });
      }
    };
  };

  return Object.fromEntries(Object.keys(METHODS).map((m) => [m, limited(m as keyof ZimClient)])) as unknown as ZimClient;
}

/** The answer matters more than the slot: a failed release only lets the slot free a little later by itself. */
async function releaseQuietly(permit: Permit, lane: Lane): Promise<void> {
  try {
    await permit.release();
  } catch (error) {
    log.warn("could not release a limiter slot; it frees by itself", { lane: `${lane.appKey}:${lane.action}`, error: String(error) });
  }
}
