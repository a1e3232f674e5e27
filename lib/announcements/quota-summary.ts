import "server-only";
import type { Database } from "@/lib/db";
import { quotaRefusal, summarizeQuota } from "./quota";
import { loadQuotaEvents, quotaRangeAround } from "./quota-store";
import type { QuotaView } from "./quota-view";

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
