import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { Database } from "@/lib/db";
import type { BulkSendRow } from "@/lib/db/schema";
import type { ResolvedTarget } from "@/lib/messages/targets";
import { laneOf } from "@/lib/rate-limit/lanes";
import type { Lane, Permit, RateGate } from "@/lib/rate-limit/types";
import type { ZimClient } from "@/lib/zim/client";
import type { ZimOutcome } from "@/lib/zim/outcome";
import type { SendGroupMessageInput } from "@/lib/zim/schemas/send-group-message";
import { claimNextTarget, recordTargetOutcome } from "./record";

/** What one run's workers share: the run, its app and client (made once per run), the limiter, the runner. */
export interface RunWork {
  db: Database;
  owner: string;
  now: () => Date;
  gate: RateGate;
  bulk: BulkSendRow;
  app: ResolvedTarget;
  client: ZimClient;
  /** Aborted when the runner stops: no further group is claimed, the calls in flight are NOT cut short. */
  signal: AbortSignal;
  /**
   * No worker of the run claims before this instant (ms): a refused connection is the host's, not one group's,
   * so the whole run backs off instead of every worker trying again at once.
   */
  backoff: { until: number };
}

/** Claims of one group (frequency codes after the client's own retries, refused connections) before it is final. */
export const MAX_ATTEMPTS = 4;
const BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;

/**
 * One of a run's send workers; a run has as many as its lane has slots, so every slot is used. Each turn: a slot of
 * the app's SendGroupMessage lane (the shared limiter) → the next pending group, committed as "sending" → the
 * request, with that slot → its outcome and the counters, in one transaction. Stops when nothing is left to claim
 * (done, paused, cancelled, lease lost) or the runner stops.
 *
 * If the process dies between the request and its answer, the group stays "sending" under a lease nobody renews;
 * the runner that takes the run over marks it "unknown" (it may have arrived) and it is never sent again. A
 * frequency code or a refused connection means ZIM did nothing: the group goes back to "pending" (a refused
 * connection holds the whole run back, doubling from BACKOFF_MS), at most MAX_ATTEMPTS claims, then its outcome
 * is final. "unknown" is never resent.
 */
export async function sendWorker(work: RunWork): Promise<void> {
  const lane = laneOf(work.app, "SendGroupMessage");
  const template = work.bulk.template as unknown as SendGroupMessageInput;
  while (!work.signal.aborted) {
    await backOff(work);
    const permit = await acquire(work, lane);
    if (!permit) return;
    // The run started backing off while this worker waited for its slot.
    if (work.backoff.until > Date.now()) {
      await permit.cancel();
      continue;
    }
    const target = await claimNextTarget(work.db, { id: work.bulk.id, owner: work.owner, now: work.now() }).catch(async (error: unknown) => {
      await permit.cancel();
      throw error;
    });
    if (!target) {
      await permit.cancel();
      return;
    }
    const outcome = await callOnce(() => work.client.sendGroupMessage({ ...template, GroupId: target.groupId }, { permit }), permit, "SendGroupMessage");
    const wait = retryAfter(outcome, target.attempts);
    await recordTargetOutcome(work.db, work.bulk.id, target, outcome, { now: work.now(), again: wait !== null });
    if (wait) work.backoff.until = Math.max(work.backoff.until, Date.now() + wait);
  }
}

/** Waits out the run's back-off, if any (cut short when the runner stops). */
export async function backOff(work: Pick<RunWork, "backoff" | "signal">): Promise<void> {
  const wait = work.backoff.until - Date.now();
  if (wait > 0) await sleep(wait, undefined, { signal: work.signal }).catch(() => undefined);
}

/**
 * How long before a group may be claimed again, or null when its outcome is final: only when ZIM certainly did
 * nothing — a frequency code (the client already held the lane off) or a connection that never opened.
 */
export function retryAfter(outcome: ZimOutcome, attempts: number): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  if (outcome.kind === "rate-limited") return 0;
  if (outcome.kind === "not-sent" && outcome.reason === "connection-failed") return Math.min(MAX_BACKOFF_MS, BACKOFF_MS * 2 ** (attempts - 1));
  return null;
}

/** A slot of the lane, or undefined once the runner stops. */
export async function acquire(work: Pick<RunWork, "gate" | "signal">, lane: Lane): Promise<Permit | undefined> {
  try {
    return await work.gate.acquire(lane, { signal: work.signal });
  } catch (error) {
    if (work.signal.aborted) return undefined;
    throw error;
  }
}

/**
 * The call, whose client never throws for an API or network failure; if something else throws (the limiter's
 * database while re-taking a slot after a frequency code), the request may have left: "unknown".
 */
export async function callOnce<T extends ZimOutcome>(call: () => Promise<T>, permit: Permit, action: string): Promise<T | ZimOutcome> {
  try {
    return await call();
  } catch (error) {
    await permit.release().catch(() => undefined);
    return { kind: "unknown", action, reason: "unexpected-response", detail: error instanceof Error ? error.message : String(error) };
  }
}
