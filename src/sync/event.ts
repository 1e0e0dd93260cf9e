import { timeLeft, waitFor, type Steps, type Waitable } from "./wait.js";
import { defineKind, MARK, WIRE, type Target, type Wired } from "./wire.js";

/**
 * A flag that threads wait for, like Python's `threading.Event`: `set()` wakes every waiter,
 * `clear()` lowers it again.
 *
 * @example
 * const go = new Event();
 * const t = new Thread((e: Event) => { e.wait(); return "started"; }, go).start();
 * go.set();
 */
export class Event {
  readonly #cells: Int32Array;

  constructor();
  constructor(shared?: SharedArrayBuffer) {
    this.#cells = new Int32Array(shared ?? new SharedArrayBuffer(4));
  }

  isSet(): boolean {
    return Atomics.load(this.#cells, 0) === 1;
  }

  set(): void {
    Atomics.store(this.#cells, 0, 1);
    Atomics.notify(this.#cells, 0);
  }

  clear(): void {
    Atomics.store(this.#cells, 0, 0);
  }

  /**
   * Waits until the flag is set, at most `timeoutMs` (forever if left out). Gives whether it is set.
   * Blocks in a worker thread; a promise on a main thread.
   */
  wait(timeoutMs?: number): Waitable<boolean> {
    return waitFor(timeoutMs, () => this.isSet(), (deadline) => this.#waitSteps(deadline), this);
  }

  *#waitSteps(deadline: number): Steps<boolean> {
    while (!this.isSet()) {
      if (timeLeft(deadline) <= 0) return false;
      yield { array: this.#cells, index: 0, value: 0, deadline };
    }
    return true;
  }

  [WIRE](_target: Target): Wired {
    return { [MARK]: "Event", buffer: this.#cells.buffer };
  }
}

defineKind("Event", (w) => new (Event as unknown as new (b: SharedArrayBuffer) => Event)(w.buffer as SharedArrayBuffer));
