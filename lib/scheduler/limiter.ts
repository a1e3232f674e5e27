/**
 * The one place that paces this process's calls to ZIM, per app and Action (zim-api.md §4–§5: SendGroupMessage
 * 10/s, D3; SendMessageToAllUsers 1/s). ZIM counts a call when it arrives, somewhere between our request and its
 * answer, so a call holds its slot for a window after its answer: then ZIM never sees more than `perSecond` in
 * any second, whatever the network delay, and never answers with a frequency code because of this process. A call
 * slower than `maxHoldMs` holds its slot only until `maxHoldMs` after its start (plus the window), so one answer
 * that never comes (up to the client's 10 s timeout) cannot stall the lane. Callers wait in FIFO order, so items go out in the order they were due.
 *
 * Only this process is paced: dispatchers in other processes share ZIM's limit, and a rate-limited answer
 * (nothing was sent) makes the caller hold the lane back and send again on the same record.
 */
export type Release = () => void;

interface Call {
  /** When the slot frees: a window after the answer (or after started + maxHoldMs, whichever is first). */
  freesAt: number;
}

interface Lane {
  calls: Call[];
  waiting: { perSecond: number; go: (release: Release) => void }[];
  blockedUntil: number;
  timer?: NodeJS.Timeout;
}

export const MAX_HOLD_MS = 250;

export class CallLimiter {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly windowMs = 1000,
    private readonly maxHoldMs = MAX_HOLD_MS,
  ) {}

  /**
   * Waits for a slot for `key` under `perSecond`; call the release once the answer is in (or the call failed).
   * `first`: ahead of everyone waiting — a call sent again after a frequency code already had its turn.
   */
  acquire(key: string, perSecond: number, options: { first?: boolean } = {}): Promise<Release> {
    const lane = this.lane(key);
    return new Promise((go) => {
      const waiter = { perSecond: Math.max(1, perSecond), go };
      if (options.first) lane.waiting.unshift(waiter);
      else lane.waiting.push(waiter);
      this.pump(lane);
    });
  }

  /** No new call for `key` for `ms` (ZIM answered with a frequency code). */
  holdOff(key: string, ms: number): void {
    const lane = this.lane(key);
    lane.blockedUntil = Math.max(lane.blockedUntil, Date.now() + ms);
    this.pump(lane);
  }

  /** Calls waiting for their turn. */
  waiting(key: string): number {
    return this.lanes.get(key)?.waiting.length ?? 0;
  }

  private lane(key: string): Lane {
    let lane = this.lanes.get(key);
    if (!lane) this.lanes.set(key, (lane = { calls: [], waiting: [], blockedUntil: 0 }));
    return lane;
  }

  private pump(lane: Lane): void {
    if (lane.timer) clearTimeout(lane.timer);
    lane.timer = undefined;
    const now = Date.now();
    lane.calls = lane.calls.filter((c) => c.freesAt > now);
    while (lane.waiting.length > 0 && now >= lane.blockedUntil) {
      const next = lane.waiting[0]!;
      if (lane.calls.length >= next.perSecond) break;
      lane.waiting.shift();
      const call: Call = { freesAt: now + this.maxHoldMs + this.windowMs };
      lane.calls.push(call);
      let released = false;
      next.go(() => {
        if (released) return;
        released = true;
        call.freesAt = Math.min(call.freesAt, Date.now() + this.windowMs);
        this.pump(lane);
      });
    }
    if (lane.waiting.length === 0) return;
    // Wake when the hold-off ends, else when the first slot frees (a release pumps on its own too).
    const at = now < lane.blockedUntil ? lane.blockedUntil : Math.min(...lane.calls.map((c) => c.freesAt));
    lane.timer = setTimeout(() => this.pump(lane), Math.max(1, at - now));
  }
}
