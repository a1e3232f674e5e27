/**
 * How many items one dispatcher holds at a time. Claiming only what it can work on leaves the rest of the due
 * items to other dispatchers (and keeps a process from sitting on leases it cannot serve soon).
 */
export class Slots {
  private used = 0;
  private readonly waiting: (() => void)[] = [];
  private closed = false;

  constructor(readonly size: number) {}

  /** Takes up to `n` free slots at once, without waiting; answers how many. */
  takeUpTo(n: number): number {
    const taken = this.closed ? 0 : Math.max(0, Math.min(n, this.size - this.used));
    this.used += taken;
    return taken;
  }

  /** Waits for one slot; answers false when the dispatcher stopped meanwhile (no slot taken). */
  acquire(): Promise<boolean> {
    if (this.takeUpTo(1) === 1) return Promise.resolve(true);
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => this.waiting.push(() => resolve(this.takeUpTo(1) === 1)));
  }

  release(n = 1): void {
    this.used -= n;
    while (this.waiting.length > 0 && this.used < this.size) this.waiting.shift()!();
  }

  /** Stops handing out slots; everyone waiting gets false. */
  close(): void {
    this.closed = true;
    while (this.waiting.length > 0) this.waiting.shift()!();
  }

  get inUse(): number {
    return this.used;
  }
}
