/**
 * Virtual time for emulated fax lifecycles. `speed` 1 is real time; 10 runs ten times faster; 0
 * freezes every fax where it is. Statuses are derived from virtual timestamps when read, so no
 * timers are needed and a speed change applies to faxes already in flight.
 */
export class LifecycleClock {
  private baseReal = Date.now();
  private baseVirtual = Date.now();
  private speed: number;

  constructor(speed = 1, private readonly realNow: () => number = Date.now) {
    this.speed = speed;
    this.baseReal = realNow();
    this.baseVirtual = this.baseReal;
  }

  now(): number {
    return this.baseVirtual + (this.realNow() - this.baseReal) * this.speed;
  }

  getSpeed(): number {
    return this.speed;
  }

  setSpeed(speed: number): void {
    this.baseVirtual = this.now();
    this.baseReal = this.realNow();
    this.speed = speed;
  }

  /** Moves virtual time forward at once (tests that want a fax finished now). */
  advance(ms: number): void {
    this.baseVirtual += ms;
  }
}
