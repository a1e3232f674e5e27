/** A hand-moved clock for the sandbox (`now`) and for signing, so windows and quotas are tested exactly. */
export class TestClock {
  private ms: number;

  constructor(start = Date.UTC(2030, 0, 15, 12, 0, 0)) {
    this.ms = start;
  }

  now = (): Date => new Date(this.ms);

  seconds(): number {
    return Math.floor(this.ms / 1000);
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}
