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

/**
 * A clock that runs with real time and can still be moved by hand: for tests where job-engine timers (which run
 * on the database's real clock) and a moved date (a daylight-saving change, a grace window) meet.
 */
export class LiveClock extends TestClock {
  private offset = 0;

  constructor() {
    super(Date.now());
  }

  override now = (): Date => new Date(Date.now() + this.offset);

  override seconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  override advance(ms: number): void {
    this.offset += ms;
  }

  /** Moves the clock so that it reads `at` now (and runs on from there). */
  set(at: Date): void {
    this.offset = at.getTime() - Date.now();
  }
}
