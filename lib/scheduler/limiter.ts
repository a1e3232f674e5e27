/**
 * The one place that paces this process's calls to ZIM, per app and Action (zim-api.md §4–§5: SendGroupMessage
 * 10/s, D3; SendMessageToAllUsers 1/s). ZIM counts a call when it arrives, somewhere between our request and its
 * answer, so a call holds its slot from the moment it starts until `windowMs` after its answer: then no window of
 * the server's can ever see more than `perSecond`, whatever the network delay. Callers wait in FIFO order.
 *
 * Only this process is paced; several dispatchers on one app share ZIM's limit, and a rate-limited answer
 * (nothing was sent) makes the caller `holdOff` and try again later.
 */
export type Release = () => void;

interface Lane {
  inFlight: number;
  /** When recent calls were answered (ms); each keeps its slot for windowMs after that. */
  answeredAt: number[];
  waiting: { perSecond: number; grant: (release: Release) => void }[];
  blockedUntil: number;
  timer?: NodeJS.Timeout;
}

export class CallLimiter {
  private readonly lanes = new Map<string, Lane>();

  constructor(private readonly windowMs = 1000) {}

  /** Waits for a slot under `perSecond` for `key`; call the returned release once the answer is in. */
  acquire(key: string, perSecond: number): Promise<Release> {
    const lane = this.lane(key);
    return new Promise((grant) => {
      lane.waiting.push({ perSecond: Math.max(1, perSecond), grant });
      this.pump(lane);
    });
  }

  /** No new call for `key` for `ms` (ZIM answered with a frequency code). */
  holdOff(key: string, ms: number): void {
    const lane = this.lane(key);
    lane.blockedUntil = Math.max(lane.blockedUntil, Date.now() + ms);
  }

  /** Calls waiting or in flight, for tests and shutdown. */
  pending(key: string): number {
    const lane = this.lanes.get(key);
    return lane ? lane.inFlight + lane.waiting.length : 0;
  }

  private lane(key: string): Lane {
    let lane = this.lanes.get(key);
    if (!lane) this.lanes.set(key, (lane = { inFlight: 0, answeredAt: [], waiting: [], blockedUntil: 0 }));
    return lane;
  }

  private pump(lane: Lane): void {
    if (lane.timer) clearTimeout(lane.timer);
    lane.timer = undefined;
    const now = Date.now();
    lane.answeredAt = lane.answeredAt.filter((t) => t > now - this.windowMs);
    while (lane.waiting.length > 0 && now >= lane.blockedUntil) {
      const next = lane.waiting[0]!;
      if (lane.inFlight + lane.answeredAt.length >= next.perSecond) break;
      lane.waiting.shift();
      lane.inFlight += 1;
      let released = false;
      next.grant(() => {
        if (released) return;
        released = true;
        lane.inFlight -= 1;
        lane.answeredAt.push(Date.now());
        this.pump(lane);
      });
    }
    if (lane.waiting.length === 0) return;
    // Wake when the oldest answered slot frees or the hold-off ends; a release pumps on its own.
    const frees = lane.answeredAt.length > 0 ? lane.answeredAt[0]! + this.windowMs : Infinity;
    const at = now < lane.blockedUntil ? lane.blockedUntil : frees;
    if (Number.isFinite(at)) lane.timer = setTimeout(() => this.pump(lane), Math.max(1, at - now));
  }
}
