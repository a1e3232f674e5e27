import type { QuotaRefusal, QuotaSummary } from "./quota";

/** A refusal as it travels to the browser: the instant as ISO text. */
export interface RefusalView {
  reason: QuotaRefusal["reason"];
  /** When one more would fit; null when nothing fits within a week. */
  nextAllowedAt: string | null;
}

/** What the quota meter shows for one app (client-safe: counts and instants only, instants as ISO text). */
export interface QuotaView extends Omit<QuotaSummary, "nextAllowedAt"> {
  appKey: string;
  now: string;
  nextAllowedAt: string | null;
  /** Why sending at `now` would be refused, as the send verb would refuse it; null when it may go. */
  refusal: RefusalView | null;
}

/** The refusal still in force at `now` (a refusal whose time has come no longer holds the button). */
export function refusalAt(refusal: RefusalView | null | undefined, now: Date): RefusalView | null {
  if (!refusal) return null;
  return refusal.nextAllowedAt === null || Date.parse(refusal.nextAllowedAt) > now.getTime() ? refusal : null;
}
