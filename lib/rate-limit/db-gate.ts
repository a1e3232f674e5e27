import "server-only";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { queryRows } from "@/lib/db/rows";
import type { Lane, Permit, RateGate } from "./types";

/** ZIM counts a call per second; a call's slot frees this long after its answer. */
export const WINDOW_MS = 1000;
/**
 * Added to the window: the sandbox and ZIM stamp arrivals in whole milliseconds, the database in microseconds,
 * so a slot reused at exactly one window could land in the same millisecond-rounded second.
 */
export const WINDOW_MARGIN_MS = 3;
/**
 * A call slower than this holds its slot only until this long after it started (plus the window): one answer
 * that never comes (up to the client's 10 s timeout) must not stall the lane. A call that reaches ZIM later than
 * that may then share a second with the slot's next call; ZIM answers that one with a frequency code, which is
 * certainly-not-sent and retried.
 */
export const MAX_HOLD_MS = 1000;
/** The longest nap between two looks at a full lane: other processes release slots without telling us. */
const MAX_NAP_MS = 250;
/** Slot -1 of a lane is its hold-off marker: no slot is handed out before its frees_at. */
const HOLD_OFF_SLOT = -1;

type DbSource = Database | (() => Promise<Database>);

interface Waiter {
  holder: string;
  take(permit: Permit): void;
  fail(error: unknown): void;
}

interface GateOptions {
  windowMs?: number;
  maxHoldMs?: number;
}

/**
 * The console's call limiter, held in the database: each lane (an app and an Action) has `perSecond` slots, rows
 * of rate_slot. A call takes a free slot (FOR UPDATE SKIP LOCKED, so processes never take the same one) and holds it
 * until a window after its answer; ZIM counts a call when it arrives, somewhere between our request and its answer,
 * so two calls in one slot arrive more than a window apart and ZIM never sees more than `perSecond` in any window —
 * whichever console instance or worker made them. All instants come from the database clock, the one clock every
 * process shares. Waiting callers of a process queue per lane; their poller naps until the earliest slot frees (at
 * most MAX_NAP_MS, as other processes free slots without telling) and looks again.
 */
export function createDbRateGate(source: DbSource, options: GateOptions = {}): RateGate {
  const windowMs = (options.windowMs ?? WINDOW_MS) + WINDOW_MARGIN_MS;
  const maxHoldMs = options.maxHoldMs ?? MAX_HOLD_MS;
  const database = typeof source === "function" ? source : async () => source;
  /** Lanes (with their size) whose slot rows this process has made sure of. */
  const prepared = new Set<string>();

  async function prepare(db: Database, lane: Lane): Promise<void> {
    const key = `${laneKey(lane)}#${lane.perSecond}`;
    if (prepared.has(key)) return;
    await db.execute(sql`
      insert into rate_slot (lane, slot, frees_at)
      select ${laneKey(lane)}, g, to_timestamp(0) from generate_series(${HOLD_OFF_SLOT}::int, ${lane.perSecond - 1}::int) g
      on conflict do nothing`);
    prepared.add(key);
  }

  /** One look at the lane, one statement: a slot taken for `holder`, or how long until the earliest one frees. */
  async function tryTake(db: Database, lane: Lane, holder: string): Promise<{ slot: number } | { waitMs: number }> {
    const name = laneKey(lane);
    const [row] = await queryRows<{ slot: number | null; wait_ms: number | string | null }>(db, sql`
      with free as (
        select lane, slot from rate_slot
        where lane = ${name} and slot >= 0 and slot < ${lane.perSecond}::int and frees_at <= clock_timestamp()
          and not exists (select 1 from rate_slot h where h.lane = ${name} and h.slot = ${HOLD_OFF_SLOT}::int and h.frees_at > clock_timestamp())
        order by frees_at
        limit 1
        for update skip locked
      ), took as (
        update rate_slot s
        set frees_at = clock_timestamp() + make_interval(secs => ${(maxHoldMs + windowMs) / 1000}::float8), holder = ${holder}
        from free
        where s.lane = free.lane and s.slot = free.slot
        returning s.slot
      )
      select (select slot from took) as slot,
        extract(epoch from greatest(
          (select min(frees_at) from rate_slot where lane = ${name} and slot >= 0 and slot < ${lane.perSecond}::int),
          (select frees_at from rate_slot where lane = ${name} and slot = ${HOLD_OFF_SLOT}::int)
        ) - clock_timestamp()) * 1000 as wait_ms`);
    if (row?.slot !== null && row?.slot !== undefined) return { slot: Number(row.slot) };
    return { waitMs: Math.max(1, Number(row?.wait_ms ?? 1)) };
  }

  function permitFor(db: Database, lane: Lane, slot: number, holder: string): Permit {
    let done = false;
    const finish = async (freeIn: string) => {
      if (done) return;
      done = true;
      // Only while this call still holds the slot: after MAX_HOLD_MS someone else may have taken it.
      await db.execute(sql`
        update rate_slot set frees_at = least(frees_at, ${sql.raw(freeIn)}), holder = null
        where lane = ${laneKey(lane)} and slot = ${slot}::int and holder = ${holder}`);
    };
    return {
      lane,
      release: () => finish(`clock_timestamp() + make_interval(secs => ${windowMs / 1000})`),
      cancel: () => finish("clock_timestamp()"),
    };
  }

  /**
   * Callers of this process wait in one line per lane, first come first served, and one poller looks at the lane
   * for the head of the line: ten waiting workers cost one query per look, not ten.
   */
  const lines = new Map<string, { waiters: Waiter[]; polling: boolean }>();

  function lineOf(lane: Lane) {
    const key = `${laneKey(lane)}#${lane.perSecond}`;
    let line = lines.get(key);
    if (!line) lines.set(key, (line = { waiters: [], polling: false }));
    return line;
  }

  async function poll(db: Database, lane: Lane, line: { waiters: Waiter[]; polling: boolean }): Promise<void> {
    if (line.polling) return;
    line.polling = true;
    try {
      while (line.waiters.length > 0) {
        const head = line.waiters[0]!;
        let result: Awaited<ReturnType<typeof tryTake>>;
        try {
          result = await tryTake(db, lane, head.holder);
        } catch (error) {
          line.waiters.shift();
          head.fail(error);
          continue;
        }
        if ("slot" in result) {
          const permit = permitFor(db, lane, result.slot, head.holder);
          // The head may have given up while its slot was being taken: the slot goes back at once.
          if (line.waiters[0] === head) {
            line.waiters.shift();
            head.take(permit);
          } else {
            await permit.cancel();
          }
          continue;
        }
        await sleep(Math.min(result.waitMs, MAX_NAP_MS));
      }
    } finally {
      line.polling = false;
    }
  }

  return {
    async acquire(lane, { signal } = {}) {
      checkLane(lane);
      signal?.throwIfAborted();
      const db = await database();
      await prepare(db, lane);
      const line = lineOf(lane);
      const permit = new Promise<Permit>((take, fail) => {
        const onAbort = () => {
          const at = line.waiters.indexOf(waiter);
          if (at < 0) return;
          line.waiters.splice(at, 1);
          fail(signal!.reason);
        };
        const settled = () => signal?.removeEventListener("abort", onAbort);
        const waiter: Waiter = {
          holder: randomBytes(8).toString("hex"),
          take: (p) => (settled(), take(p)),
          fail: (e) => (settled(), fail(e)),
        };
        line.waiters.push(waiter);
        signal?.addEventListener("abort", onAbort, { once: true });
      });
      void poll(db, lane, line);
      return permit;
    },

    async holdOff(lane, ms) {
      checkLane(lane);
      const db = await database();
      await prepare(db, lane);
      await db.execute(sql`
        update rate_slot set frees_at = greatest(frees_at, clock_timestamp() + make_interval(secs => ${Math.max(0, ms) / 1000}::float8))
        where lane = ${laneKey(lane)} and slot = ${HOLD_OFF_SLOT}`);
    },
  };
}

/** The rate_slot lane of an app's Action. */
export function laneKey(lane: Pick<Lane, "appKey" | "action">): string {
  return `${lane.appKey}:${lane.action}`;
}

function checkLane(lane: Lane): void {
  if (!Number.isInteger(lane.perSecond) || lane.perSecond < 1 || lane.perSecond > 10_000) {
    throw new RangeError(`A lane's limit must be a whole number of calls per second from 1 to 10000, got ${String(lane.perSecond)}`);
  }
}
