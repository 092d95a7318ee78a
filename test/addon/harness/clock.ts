/** The add-on sandbox's controllable clock: time moves only when a test or a stand-in call moves it. */

/** Monday 6 January 2025, 09:00 UTC: a fixed start so every run prints the same dates. */
export const DEFAULT_START = Date.UTC(2025, 0, 6, 9, 0, 0);

export class FakeClock {
  private ms: number;

  constructor(start: number | string | Date = DEFAULT_START) {
    this.ms = typeof start === 'number' ? start : new Date(start).getTime();
    if (!Number.isFinite(this.ms)) throw new Error(`FakeClock: invalid start ${String(start)}`);
  }

  /** Milliseconds since the epoch, as the sandbox's `Date.now()` sees them. */
  now(): number {
    return this.ms;
  }

  /** Moves time forward (never back: a negative step is a test bug). */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`FakeClock: cannot advance by ${ms} ms`);
    this.ms += ms;
  }

  /** Jumps to a moment, forward only (what firing a trigger due later does). */
  advanceTo(ms: number): void {
    if (ms > this.ms) this.ms = ms;
  }
}
