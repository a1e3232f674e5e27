import "server-only";
import { laneOf } from "@/lib/rate-limit/lanes";
import { claimNextRecall, recallStatusOf, recordRecallOutcome } from "./recall-record";
import { acquire, backOff, callOnce, retryAfter, type RunWork } from "./send-worker";

/**
 * One of a run's recall workers ("recall all"), on the app's RevokeGroupMessage lane: a slot → the next group whose
 * recall is pending, committed as "recalling" → RevokeGroupMessage with the message's sender (the template's
 * FromUserId), the group and its MsgSeq → recalled (Code 0, or 660000023 already recalled), expired (660000024, or
 * the window — D13, counted from when the send request went out — had closed: then no call is made), rejected
 * (another Code) or unknown. A frequency code or a refused connection puts it back to "pending", a few times.
 *
 * If the process dies between the revoke and its answer, the recall stays "recalling" under a lease nobody renews;
 * the runner that takes the run over marks it "unknown". Revoking again is harmless (ZIM answers 660000023), so
 * "recall all" may be asked again for those.
 */
export async function recallWorker(work: RunWork, attempts: Map<number, number>): Promise<void> {
  const lane = laneOf(work.app, "RevokeGroupMessage");
  const fromUserId = String(work.bulk.template.FromUserId ?? work.bulk.fromUserId);
  const windowMs = work.bulk.recallWindowSeconds * 1000;
  while (!work.signal.aborted) {
    await backOff(work);
    const permit = await acquire(work, lane);
    if (!permit) return;
    if (work.backoff.until > Date.now()) {
      await permit.cancel();
      continue;
    }
    const recall = await claimNextRecall(work.db, { id: work.bulk.id, owner: work.owner, now: work.now() }).catch(async (error: unknown) => {
      await permit.cancel();
      throw error;
    });
    if (!recall) {
      await permit.cancel();
      return;
    }
    if (recall.at.getTime() >= recall.attemptedAt.getTime() + windowMs) {
      await permit.cancel();
      await recordRecallOutcome(work.db, work.bulk.id, recall, { status: "expired" });
      continue;
    }
    const outcome = await callOnce(
      () => work.client.revokeGroupMessage({ FromUserId: fromUserId, GroupId: recall.groupId, MsgSeq: recall.msgSeq }, { permit }),
      permit,
      "RevokeGroupMessage",
    );
    const tries = (attempts.get(recall.seq) ?? 0) + 1;
    attempts.set(recall.seq, tries);
    const wait = retryAfter(outcome, tries);
    const status = recallStatusOf(outcome);
    await recordRecallOutcome(work.db, work.bulk.id, recall, { status: status === "rate-limited" ? "not-sent" : status, outcome, again: wait !== null });
    if (wait) work.backoff.until = Math.max(work.backoff.until, Date.now() + wait);
  }
}
