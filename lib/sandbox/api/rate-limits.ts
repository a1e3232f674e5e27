import { CODE } from "./codes";
import type { RateLimiter } from "./rate-limiter";

export interface RateRule {
  perSecond: number;
  code: number;
  /** Group-level limits count per GroupId instead of per AppId. */
  perGroup?: boolean;
}

/**
 * Per-Action limits from zim-api.md §4–6. D3: SendGroupMessage and RevokeGroupMessage answer 660300005
 * (AppID-level). Queries without a documented code also answer 660300005.
 */
export const RATE_RULES: Record<string, RateRule> = {
  SendGroupMessage: { perSecond: 10, code: CODE.appRateLimited },
  SendMessageToAllUsers: { perSecond: 1, code: CODE.broadcastRateLimited },
  RevokeGroupMessage: { perSecond: 20, code: CODE.appRateLimited },
  UserRegister: { perSecond: 20, code: CODE.registerRateLimited },
  CreateGroup: { perSecond: 20, code: CODE.createGroupRateLimited },
  InviteUsersIntoGroup: { perSecond: 1, code: CODE.groupRateLimited, perGroup: true },
  QueryAppGroupList: { perSecond: 1, code: CODE.groupListRateLimited },
  QueryGroupInfo: { perSecond: 20, code: CODE.appRateLimited },
  QueryGroupMemberList: { perSecond: 20, code: CODE.memberListRateLimited },
  QueryUserOnlineState: { perSecond: 20, code: CODE.appRateLimited },
};

interface Call {
  appId: number;
  action: string;
  params: Record<string, unknown>;
  nowMs: number;
}

/**
 * Answers the rate-limit code when the call is over its Action's limit, else undefined. D15: a high-priority (3)
 * SendGroupMessage that finds the shared bucket full may use a second bucket of the same size.
 */
export function rateLimitCode(limiter: RateLimiter, call: Call): number | undefined {
  const rule = RATE_RULES[call.action];
  if (!rule) return undefined;
  let key = `${call.appId}:${call.action}`;
  if (rule.perGroup) {
    if (typeof call.params.GroupId !== "string") return undefined;
    key += `:${call.params.GroupId}`;
  }
  if (limiter.take(key, rule.perSecond, call.nowMs)) return undefined;
  const highPriority = call.action === "SendGroupMessage" && call.params.Priority === 3;
  if (highPriority && limiter.take(`${key}:high`, rule.perSecond, call.nowMs)) return undefined;
  return rule.code;
}
