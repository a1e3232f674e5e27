import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { bulkSend } from "@/lib/db/schema";
import { log } from "@/lib/log/logger";

/**
 * Renews the leases of the runs this runner works on, three times per lease, so a lease only says "this runner is
 * alive": it can be short (a dead runner's run is taken over soon) while a run of hours keeps its runner.
 */
export class RunLeases {
  private readonly held = new Set<string>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly db: Database,
    private readonly owner: string,
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
        .update(bulkSend)
        .set({ leaseUntil: new Date(this.now().getTime() + this.leaseMs) })
        .where(and(inArray(bulkSend.id, [...this.held]), eq(bulkSend.leaseOwner, this.owner)));
    } catch (error) {
      log.warn("bulk send leases not renewed", { runner: this.owner, error: String(error) });
    }
  }
}
