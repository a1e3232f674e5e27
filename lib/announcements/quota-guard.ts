import "server-only";
import { OperatorError } from "@/lib/actions/operator-error";
import type { Database } from "@/lib/db";
import { quotaRefusal, type QuotaRefusal } from "./quota";
import { loadQuotaEvents, quotaRangeAround } from "./quota-store";

/**
 * The console refused an announcement before sending it (D7): the app's 24-hour quota is used up (scheduled
 * announcements included) or the last one went out less than a second ago. Nothing was recorded or sent. The
 * message names when it would fit; callers that show their own sentence read `refusal`.
 */
export class QuotaRefusedError extends OperatorError {
  constructor(
    readonly refusal: QuotaRefusal,
    readonly limit: number,
  ) {
    const key = refusal.reason === "spacing" ? "spacing" : refusal.nextAllowedAt === null ? "quotaNone" : "quotaFull";
    super(`announcementErrors.${key}`, { at: refusal.nextAllowedAt ?? 0, limit });
    this.name = "QuotaRefusedError";
  }
}

/** The lock under which one app's announcements are checked against its quota and claimed, one at a time. */
export const quotaLockName = (appKey: string) => `announcement-quota:${appKey}`;

export interface FitOptions {
  /** The due time of the scheduled occurrence being sent: already one of the scheduled events, it must not crowd itself. */
  ownOccurrence?: Date;
  /** A scheduled item being edited: its own (old) occurrences are left out. */
  exceptItemId?: string;
}

/**
 * Throws QuotaRefusedError unless one more announcement of `app` fits at `at` (now, or a time being scheduled).
 * Run it under quotaLockName(app.key) in the transaction that records the send, so two sends cannot both take
 * the last slot.
 */
export async function assertAnnouncementFits(
  db: Database,
  app: { key: string; broadcastDailyLimit: number },
  at: Date,
  { ownOccurrence, exceptItemId }: FitOptions = {},
): Promise<void> {
  const { past, scheduled } = await loadQuotaEvents(db, app.key, quotaRangeAround(at), exceptItemId);
  const own = ownOccurrence ? scheduled.indexOf(ownOccurrence.getTime()) : -1;
  const others = own === -1 ? scheduled : scheduled.filter((_, i) => i !== own);
  const refusal = quotaRefusal([...past, ...others], at.getTime(), app.broadcastDailyLimit);
  if (refusal) throw new QuotaRefusedError(refusal, app.broadcastDailyLimit);
}
