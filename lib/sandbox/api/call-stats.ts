import { isRateLimitCode } from "@/lib/zim/return-codes";

export interface ActionStats {
  /** Code 0. */
  Accepted: number;
  /** A frequency code: the caller went over a limit. */
  RateLimited: number;
  /** Any other code. */
  Rejected: number;
}

/**
 * How many API calls the sandbox answered since it started (or since its last reset), per Action and kind of
 * answer. Operators see whether a rehearsal stayed inside the limits; `npm run bench:bulk` reads the frequency
 * refusals here, where every caller's calls meet. Kept in memory, like the per-second windows it reports on.
 */
export class CallStats {
  private readonly byAction = new Map<string, ActionStats>();
  private since = new Date();

  count(action: string, code: number): void {
    let stats = this.byAction.get(action);
    if (!stats) this.byAction.set(action, (stats = { Accepted: 0, RateLimited: 0, Rejected: 0 }));
    if (code === 0) stats.Accepted += 1;
    else if (isRateLimitCode(code)) stats.RateLimited += 1;
    else stats.Rejected += 1;
  }

  view(): { Since: string; Actions: Record<string, ActionStats> } {
    return { Since: this.since.toISOString(), Actions: Object.fromEntries([...this.byAction].map(([a, s]) => [a, { ...s }])) };
  }

  reset(at: Date): void {
    this.byAction.clear();
    this.since = at;
  }
}
