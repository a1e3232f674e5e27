import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { scheduledItem } from "@/lib/db/schema";
import { log } from "@/lib/log/logger";
import { LEASED_STATUSES } from "./status";

/**
 * Renews the leases of the items this dispatcher is working on, three times per lease. A lease then only says
 * "this dispatcher is alive", so it can be short (a dead dispatcher's items are recovered soon) while a slow
 * request (up to the client's 10 s timeout, or longer in a queue for the rate limit) never loses its item.
 */
export class LeaseKeeper {
  private readonly held = new Set<string>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly db: Database,
    private readonly dispatcher: string,
    private readonly leaseMs: number,
    private readonly now: () => Date,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.renew(), Math.max(100, Math.floor(this.leaseMs / 3)));
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  hold(id: string): void {
    this.held.add(id);
  }

  drop(id: string): void {
    this.held.delete(id);
  }

  async renew(): Promise<void> {
    if (this.held.size === 0) return;
    try {
      await this.db
        .update(scheduledItem)
        .set({ leaseUntil: new Date(this.now().getTime() + this.leaseMs) })
        .where(and(inArray(scheduledItem.id, [...this.held]), eq(scheduledItem.leaseOwner, this.dispatcher), inArray(scheduledItem.status, [...LEASED_STATUSES])));
    } catch (error) {
      log.warn("scheduled item leases not renewed", { dispatcher: this.dispatcher, error: String(error) });
    }
  }
}
