import "server-only";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { and, eq } from "drizzle-orm";
import { OperatorError } from "@/lib/actions/operator-error";
import type { Database } from "@/lib/db";
import { messageSend, scheduledItem, type ScheduledItemRow } from "@/lib/db/schema";
import { log } from "@/lib/log/logger";
import { InvalidRequestError, type MessageContext } from "@/lib/messages/context";
import type { SendStatus } from "@/lib/messages/status";
import { markSendsInterrupted } from "@/lib/messages/sweep";
import type { AppAccess, ResolvedTarget } from "@/lib/messages/targets";
import { laneOf } from "@/lib/rate-limit/lanes";
import type { Permit, RateGate } from "@/lib/rate-limit/types";
import { runStatusOfSend, sendKeyOf } from "./occurrence";
import { getAppPolicy } from "./policy";
import { checkAnnouncementQuota } from "./quota-check";
import type { ItemSender, ItemSenders } from "./senders";
import type { RunOutcome } from "./settle";
import { finishOccurrence, type Finished } from "./finish";

export interface DispatchDeps {
  db: Database;
  /** This dispatcher's lease owner id. */
  dispatcher: string;
  now: () => Date;
  leaseMs: number;
  apps: AppAccess;
  senders: ItemSenders;
  /** The shared call limiter: every process that sends for an app takes its slots from the same lanes. */
  gate: RateGate;
  /** Pause after a rate-limited answer (nothing was sent) before sending again on the same row. */
  retryAfterMs: number;
  wake(item: { id: string; version: number; dueAt: Date }): Promise<void>;
}

interface Plan {
  app: ResolvedTarget;
  sender: ItemSender;
  /** Due time plus the app's grace window (ms): later than this the occurrence is missed, not sent. */
  deadline: number;
}

/** Where a send stands: its message_send row and that row's status. */
interface SendState {
  sendId: string;
  sendStatus: SendStatus;
}

/**
 * Takes one claimed item through its occurrence: held (not approved for this version), missed (past the app's
 * grace window), failed (no sender, app gone, limits changed, D7 quota spent) — or sent: paced by the shared limiter,
 * marked "sending" under this dispatcher's lease, sent with the occurrence's idempotency key, re-sent on the same
 * row while nothing was sent (a frequency code, a refused connection) and the grace window lasts, and settled.
 *
 * If the process dies after the request left and before its answer was recorded, the item stays "sending" until
 * its lease runs out; the lease sweep then makes it and its send row "unknown". It is never resent by itself.
 */
export async function dispatchClaimed(deps: DispatchDeps, item: ScheduledItemRow): Promise<Finished> {
  // A wake-up claims its item a moment early; it waits here, in hand, for its time.
  const early = item.dueAt.getTime() - deps.now().getTime();
  if (early > 0) await sleep(early);
  const plan = await planSend(deps, item);
  if (!("app" in plan)) return finishOccurrence(deps, item, plan);
  const action = item.kind === "group" ? "SendGroupMessage" : "SendMessageToAllUsers";
  const lane = laneOf(plan.app, action);
  // The slot is taken BEFORE the item is marked sending: a death while waiting for it leaves nothing in doubt.
  const paced = async <T>(call: (permit: Permit) => Promise<T>): Promise<T> => {
    const permit = await deps.gate.acquire(lane);
    try {
      return await call(permit);
    } finally {
      // A no-op when the client already released it after the answer.
      await permit.release();
    }
  };

  const first = await paced(async (permit): Promise<SendState | RunOutcome | "lost"> => {
    // Waiting in line for the rate limit may itself outlast the grace window.
    if (deps.now().getTime() > plan.deadline) return missedOutcome(deps, item);
    if (!(await markSending(deps, item))) return "lost";
    return sendFirst(deps, item, plan.sender, permit);
  });
  if (first === "lost") return "lost";
  if (!("sendStatus" in first)) return finishOccurrence(deps, item, first);

  let state = first;
  const resend = deps.senders.resend[item.kind];
  for (let attempt = 1; ; attempt++) {
    // A frequency code holds back every call of this app's lane, not just this one.
    if (state.sendStatus === "rate-limited") await deps.gate.holdOff(lane, deps.retryAfterMs);
    const wait = await retryDelay(deps, state, attempt);
    if (!resend || wait === null || deps.now().getTime() + wait > plan.deadline) break;
    if (state.sendStatus !== "rate-limited") await sleep(wait);
    const sendId = state.sendId;
    state = await paced((permit) => resendOnce(deps, item, resend, sendId, permit));
  }
  const detail = state.sendStatus === "rate-limited" ? { reason: "rateLimited" } : undefined;
  return finishOccurrence(deps, item, { status: runStatusOfSend(state.sendStatus), sendId: state.sendId, detail });
}

/**
 * How long to wait before sending again on the same row, or null when it must not be: only when ZIM certainly did
 * nothing — a frequency code, or a connection that never opened (e.g. the console's own sandbox route while the
 * console is still starting), the latter backing off up to a minute.
 */
async function retryDelay(deps: DispatchDeps, state: SendState, attempt: number): Promise<number | null> {
  if (state.sendStatus === "rate-limited") return deps.retryAfterMs;
  if (state.sendStatus !== "not-sent") return null;
  const [row] = await deps.db.select({ failure: messageSend.failure }).from(messageSend).where(eq(messageSend.id, state.sendId));
  if (row?.failure?.reason !== "connection-failed") return null;
  return Math.min(60_000, deps.retryAfterMs * 2 ** (attempt - 1));
}

function approvedForThisVersion(item: ScheduledItemRow): boolean {
  return item.approval === "not-required" || (item.approval === "approved" && item.approvedVersion === item.version);
}

async function planSend(deps: DispatchDeps, item: ScheduledItemRow): Promise<Plan | RunOutcome> {
  if (!approvedForThisVersion(item)) return { status: "held", detail: { reason: "notApproved", approval: item.approval } };
  const policy = await getAppPolicy(deps.db, item.appKey);
  const deadline = item.dueAt.getTime() + policy.graceMinutes * 60_000;
  if (deps.now().getTime() > deadline) return missedOutcome(deps, item, policy.graceMinutes);
  const sender = deps.senders.send[item.kind];
  if (!sender) return { status: "failed", detail: { reason: "noSender", kind: item.kind } };
  let app: ResolvedTarget;
  try {
    app = await deps.apps.resolve(item.appKey);
  } catch (error) {
    if (error instanceof OperatorError) return { status: "failed", detail: { reason: error.key, ...error.values } };
    throw error;
  }
  if (item.kind === "broadcast") {
    const quota = await checkAnnouncementQuota(deps.db, item, app.broadcastDailyLimit, deps.now());
    if (!quota.fits) return { status: "failed", detail: { reason: "quota", nextAllowedAt: quota.nextAllowedAt?.toISOString() ?? null } };
  }
  return { app, sender, deadline };
}

async function missedOutcome(deps: DispatchDeps, item: ScheduledItemRow, graceMinutes?: number): Promise<RunOutcome> {
  const grace = graceMinutes ?? (await getAppPolicy(deps.db, item.appKey)).graceMinutes;
  return { status: "missed", detail: { reason: "pastGrace", graceMinutes: grace, seenAt: deps.now().toISOString() } };
}

/** claimed → sending, only while this dispatcher still holds the lease; the lease is renewed with it. */
async function markSending(deps: DispatchDeps, item: ScheduledItemRow): Promise<boolean> {
  const leaseUntil = new Date(deps.now().getTime() + deps.leaseMs);
  const rows = await deps.db
    .update(scheduledItem)
    .set({ status: "sending", leaseUntil })
    .where(and(eq(scheduledItem.id, item.id), eq(scheduledItem.leaseOwner, deps.dispatcher), eq(scheduledItem.status, "claimed")))
    .returning({ id: scheduledItem.id });
  return rows.length === 1;
}

/** The verbs run as the item's author, from no address, on the dispatcher's clock. */
function contextFor(deps: DispatchDeps, item: ScheduledItemRow): MessageContext {
  return { db: deps.db, operator: { id: item.createdById, email: item.createdByEmail }, ipAddress: null, apps: deps.apps, now: deps.now };
}

async function sendFirst(deps: DispatchDeps, item: ScheduledItemRow, sender: ItemSender, permit: Permit): Promise<SendState | RunOutcome> {
  const key = sendKeyOf(item, item.dueAt);
  try {
    const result = await sender(contextFor(deps, item), {
      appKey: item.appKey,
      idempotencyKey: key,
      request: item.request,
      audienceSize: item.audienceSize ?? undefined,
      scheduled: { itemId: item.id, dueAt: item.dueAt },
      permit,
    });
    // Another process holds this very send in flight (its lease ran out mid-request): it may go out.
    if (result.duplicate && result.status === "sending") return { status: "unknown", sendId: result.id, detail: { reason: "inFlightElsewhere" } };
    return { sendId: result.id, sendStatus: result.status };
  } catch (error) {
    if (error instanceof InvalidRequestError) return { status: "failed", detail: { reason: "invalidRequest", issues: error.issues } };
    if (error instanceof OperatorError) return { status: "failed", detail: { reason: error.key, ...error.values } };
    // Anything else: the send row (if it was written) says what may have left.
    const [row] = await deps.db.select().from(messageSend).where(eq(messageSend.idempotencyKey, key));
    if (!row) {
      // Nothing was recorded, so nothing left. The cause goes to the log, not to the operators' screens.
      const reference = randomUUID();
      log.error("scheduled send failed before anything was recorded", { reference, itemId: item.id, error: error instanceof Error ? error.message : String(error) });
      return { status: "failed", detail: { reason: "error", reference } };
    }
    if (row.status !== "sending") return { sendId: row.id, sendStatus: row.status };
    // Our call is over but its answer never reached the row: it may have been sent.
    await deps.db.transaction((tx) => markSendsInterrupted(tx, eq(messageSend.id, row.id), deps.now()));
    return { sendId: row.id, sendStatus: "unknown" };
  }
}

async function resendOnce(
  deps: DispatchDeps,
  item: ScheduledItemRow,
  resend: NonNullable<ItemSenders["resend"]["group"]>,
  sendId: string,
  permit: Permit,
): Promise<SendState> {
  try {
    return { sendId, sendStatus: (await resend(contextFor(deps, item), { id: sendId, permit })).status };
  } catch (error) {
    // The row is no longer resendable (an operator resent it from the history): take it as it stands.
    const [row] = await deps.db.select({ status: messageSend.status }).from(messageSend).where(eq(messageSend.id, sendId));
    if (!row) throw error;
    return { sendId, sendStatus: row.status };
  }
}
