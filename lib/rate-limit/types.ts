/**
 * The shared call limiter's contract (the implementation is lib/rate-limit/db-gate.ts). Every call the console
 * makes to ZIM takes a permit for its lane first — single sends, scheduled sends, bulk sends, recalls and pickers —
 * so all console instances and workers together stay inside the app's limit for that Action.
 */
import type { ZimActionName } from "@/lib/zim/actions";

/** One app's limit for one Action. */
export interface Lane {
  /** The app picker's key: a zim_app id, or "sandbox". */
  appKey: string;
  action: ZimActionName;
  perSecond: number;
}

/** A held slot of a lane. Release it once the answer is in (or the call failed): it frees a window later. */
export interface Permit {
  readonly lane: Lane;
  release(): Promise<void>;
  /** Give the slot back unused (nothing was sent): it frees at once. */
  cancel(): Promise<void>;
}

export interface RateGate {
  /** Waits for a free slot of the lane; rejects with the signal's reason if aborted while waiting. */
  acquire(lane: Lane, options?: { signal?: AbortSignal }): Promise<Permit>;
  /** ZIM answered with a frequency code: no slot of the lane is handed out for `ms`. */
  holdOff(lane: Lane, ms: number): Promise<void>;
}
