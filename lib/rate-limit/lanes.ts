import type { RateLimits } from "@/lib/db/schema/zim-apps";
import { DEFAULT_RATE_LIMITS } from "@/lib/zim-apps/defaults";
import type { ZimActionName } from "@/lib/zim/actions";
import type { Lane } from "./types";

/**
 * Documented limits of the Actions an admin cannot tune in Settings (zim-api.md §6.2). InviteUsersIntoGroup is
 * limited per group by ZIM; one lane per app is the stricter reading.
 */
const FIXED_PER_SECOND: Record<Exclude<ZimActionName, keyof typeof DEFAULT_RATE_LIMITS>, number> = {
  UserRegister: 20,
  CreateGroup: 20,
  InviteUsersIntoGroup: 1,
};

/** The lane of one app's Action: the app's own setting, else the documented default. */
export function laneOf(app: { key: string; rateLimits: RateLimits }, action: ZimActionName): Lane {
  const configured = app.rateLimits[action]?.perSecond;
  const fallback = action in DEFAULT_RATE_LIMITS ? DEFAULT_RATE_LIMITS[action as keyof typeof DEFAULT_RATE_LIMITS].perSecond : FIXED_PER_SECOND[action as keyof typeof FIXED_PER_SECOND];
  return { appKey: app.key, action, perSecond: configured && configured > 0 ? configured : fallback };
}
