import type { RateLimits } from "@/lib/db/schema/zim-apps";

/** The documented per-AppId call limits (zim-api.md §4–§6), the defaults for a new app. */
export const DEFAULT_RATE_LIMITS = {
  SendGroupMessage: { perSecond: 10 },
  SendMessageToAllUsers: { perSecond: 1, perDay: 100 },
  RevokeGroupMessage: { perSecond: 20 },
  QueryAppGroupList: { perSecond: 1 },
  QueryGroupInfo: { perSecond: 20 },
  QueryGroupMemberList: { perSecond: 20 },
  QueryUserOnlineState: { perSecond: 20 },
} as const satisfies RateLimits;

export type RateLimitedAction = keyof typeof DEFAULT_RATE_LIMITS;
export const RATE_LIMITED_ACTIONS = Object.keys(DEFAULT_RATE_LIMITS) as RateLimitedAction[];

/** The ZIM API hosts an admin picks from (zim-api.md §1.1); any other https URL may be typed in. */
export const ZIM_API_HOSTS = [
  "https://zim-api.zego.im",
  "https://zim-api-sha.zego.im",
  "https://zim-api-hkg.zego.im",
  "https://zim-api-fra.zego.im",
  "https://zim-api-lax.zego.im",
  "https://zim-api-bom.zego.im",
  "https://zim-api-sgp.zego.im",
] as const;

export const RECALL_WINDOW = { min: 1, default: 120, max: 86_400 } as const;
