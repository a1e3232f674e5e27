import "server-only";
import type { Database } from "@/lib/db";
import { quotaRefusal, summarizeQuota, type QuotaRefusal, type QuotaSummary } from "./quota";
import { loadQuotaEvents, quotaRangeAround } from "./quota-store";

/** What the quota meter shows for one app (client-safe: counts and instants only, instants as ISO text). */
export interface QuotaView extends Omit<QuotaSummary, "nextAllowedAt"> {
  appKey: string;
  now: string;
  nextAllowedAt: string | null;
  /** Why sending now would be refused, as the send verb would refuse it; null when it may go now. */
  refusal: (Omit<QuotaRefusal, "nextAllowedAt"> & { nextAllowedAt: string | null }) | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** One app's quota at `now` against `limit`: the same events and arithmetic the send verb's guard uses (D7). */
export async function loadQuotaView(db: Database, app: { key: string; broadcastDailyLimit: number }, now = new Date()): Promise<QuotaView> {
  const { past, scheduled } = await loadQuotaEvents(db, app.key, quotaRangeAround(now));
  const summary = summarizeQuota({ past, scheduled, now: now.getTime(), limit: app.broadcastDailyLimit });
  const refusal = quotaRefusal([...past, ...scheduled], now.getTime(), app.broadcastDailyLimit);
  return {
    ...summary,
    appKey: app.key,
    now: now.toISOString(),
    nextAllowedAt: iso(summary.nextAllowedAt),
    refusal: refusal ? { reason: refusal.reason, nextAllowedAt: iso(refusal.nextAllowedAt) } : null,
  };
}
