/**
 * Sliding one-second windows of accepted calls, kept in memory per handler: a restart takes longer than the
 * window anyway. (The 24-hour broadcast quota is different and lives in the database, see world/broadcasts.ts.)
 * Only accepted calls are remembered, so "at most N per second" holds for any second, not just clock seconds.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  /** Records a call at `nowMs` and answers true when it fits under `limit` per `windowMs`. */
  take(key: string, limit: number, nowMs: number, windowMs = 1000): boolean {
    // Keep (now - window, now]: entries "from the future" vanish when a test clock is set back.
    const recent = (this.hits.get(key) ?? []).filter((t) => t > nowMs - windowMs && t <= nowMs);
    const accepted = recent.length < limit;
    if (accepted) recent.push(nowMs);
    this.hits.set(key, recent);
    return accepted;
  }

  reset(): void {
    this.hits.clear();
  }
}
