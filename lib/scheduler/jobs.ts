import "server-only";
import type PgBoss from "pg-boss";
import type { Waker } from "./wake";

/** One job per item version and due time, starting WAKE_LEAD_MS before it: "look now". */
export const DUE_QUEUE = "scheduled-item-due";

/**
 * Wake-ups start this long before the due time: longer than the job engine's half-second polling, so the item is
 * claimed (and waits in hand) before its time instead of up to half a second after it; also covers a process
 * clock a little behind the database's, on which the job engine runs.
 */
export const WAKE_LEAD_MS = 1_000;
/** One job at a time for all dispatchers: sweep expired leases and claim due items whose wake-up was lost. */
export const CATCH_UP_QUEUE = "scheduled-catch-up";

export interface DueJob {
  id: string;
  version: number;
}

/**
 * "short" queues keep one waiting job per singleton key: a second wake-up for the same item, version and due time
 * (a double click, two verbs) adds nothing, and the catch-up job exists once however many dispatchers run.
 * Both are hints — the scheduled_item row decides — so a few retries are plenty.
 */
export async function createSchedulerQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(DUE_QUEUE, { name: DUE_QUEUE, policy: "short", retryLimit: 3, expireInSeconds: 300 });
  await boss.createQueue(CATCH_UP_QUEUE, { name: CATCH_UP_QUEUE, policy: "short", retryLimit: 1000, retryDelay: 1, expireInSeconds: 300 });
}

/**
 * Wake-ups through the job engine's table, so any dispatcher — in this process or a worker — picks them up. The
 * due time is part of the key: a repeating item keeps its version from one occurrence to the next.
 */
export function jobWaker(boss: PgBoss): Waker {
  return {
    async wake(item) {
      const job = wakeJobOf(item);
      await boss.send(job.name, job.data, { startAfter: job.startAfter, singletonKey: job.singletonKey });
    },
  };
}

/** The wake-up job of one occurrence, also for bulk inserts (boss.insert). */
export function wakeJobOf(item: { id: string; version: number; dueAt: Date }) {
  const data: DueJob = { id: item.id, version: item.version };
  const startAfter = new Date(item.dueAt.getTime() - WAKE_LEAD_MS);
  return { name: DUE_QUEUE, data, startAfter, singletonKey: `${item.id}:${item.version}:${item.dueAt.getTime()}` };
}

/** Queues the next catch-up `seconds` from now, unless one is already waiting. */
export async function queueCatchUp(boss: PgBoss, seconds: number): Promise<void> {
  await boss.send(CATCH_UP_QUEUE, {}, { startAfter: seconds, singletonKey: "catch-up" });
}
