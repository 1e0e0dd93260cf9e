import { nonNegativeInteger, positiveInteger } from "../options.js";
import { holding } from "./lock.js";
import { released, tracing } from "../trace/hooks.js";
import { timeLeft, waitFor, type Steps, type Waitable } from "./wait.js";
import { defineKind, MARK, WIRE, type Target, type Wired } from "./wire.js";
import { messages } from "../messages/index.js";

const UNBOUNDED = -1;

/**
 * A counter of free places, like Python's `threading.Semaphore` (Dijkstra's P and V, named after
 * the railway signal): `acquire()` takes a place, waiting while there is none; `release()` gives one back.
 *
 * @example
 * const track = new Semaphore(2); // at most two trains on the track
 * await pool.map((s: Semaphore) => { s.acquire(); try { ... } finally { s.release(); } }, [track, track, track]);
 */
export class Semaphore {
  // cells: [free places, bound (BoundedSemaphore) or -1]
  protected readonly cells: Int32Array;
  protected readonly kind: string = "Semaphore";

  /** @param value the number of free places at the start. @default 1 */
  protected static readonly bounded: boolean = false;

  constructor(value?: number);
  constructor(value: number | SharedArrayBuffer = 1) {
    if (value instanceof SharedArrayBuffer) {
      this.cells = new Int32Array(value);
      return;
    }
    nonNegativeInteger("value", value);
    this.cells = new Int32Array(new SharedArrayBuffer(8));
    this.cells[0] = value;
    this.cells[1] = (new.target as typeof Semaphore).bounded ? value : UNBOUNDED;
  }

  /** The number of free places now. */
  get value(): number {
    return Atomics.load(this.cells, 0);
  }

  /**
   * Takes a place, waiting at most `timeoutMs` (forever if left out). Gives true once taken,
   * false on timeout. Blocks in a worker thread; a promise on a main thread.
   */
  acquire(timeoutMs?: number): Waitable<boolean> {
    return waitFor(timeoutMs, () => this.#tryTake(), (deadline) => this.#acquireSteps(deadline), this);
  }

  /** Gives back `n` places and wakes the threads waiting for them. */
  release(n = 1): void {
    positiveInteger("n", n);
    if (tracing.flags[0]) released(this);
    const bound = this.cells[1];
    for (;;) {
      const free = Atomics.load(this.cells, 0);
      if (bound !== UNBOUNDED && free + n > bound) {
        throw new RangeError(messages().sync.tooManyReleases(free + n, bound));
      }
      if (Atomics.compareExchange(this.cells, 0, free, free + n) === free) break;
    }
    Atomics.notify(this.cells, 0);
  }

  /** Runs `fn` holding a place, and gives it back even if `fn` throws: Python's `with semaphore:`. */
  with<T>(fn: () => T, timeoutMs?: number): Waitable<Awaited<T>> {
    return holding(this.acquire(timeoutMs), () => this.release(), fn, timeoutMs);
  }

  #tryTake(): boolean {
    for (;;) {
      const free = Atomics.load(this.cells, 0);
      if (free === 0) return false;
      if (Atomics.compareExchange(this.cells, 0, free, free - 1) === free) return true;
    }
  }

  *#acquireSteps(deadline: number): Steps<boolean> {
    for (;;) {
      if (this.#tryTake()) return true;
      if (timeLeft(deadline) <= 0) return false;
      yield { array: this.cells, index: 0, value: 0, deadline };
    }
  }

  [WIRE](_target: Target): Wired {
    return { [MARK]: this.kind, buffer: this.cells.buffer };
  }
}

/** A Semaphore that refuses to be released above its starting value: Python's `BoundedSemaphore`. */
export class BoundedSemaphore extends Semaphore {
  protected static override readonly bounded: boolean = true;
  protected override readonly kind: string = "BoundedSemaphore";
}

const revive = (kind: typeof Semaphore) => (w: Wired) => new (kind as unknown as new (b: SharedArrayBuffer) => Semaphore)(w.buffer as SharedArrayBuffer);
defineKind("Semaphore", revive(Semaphore));
defineKind("BoundedSemaphore", revive(BoundedSemaphore));
