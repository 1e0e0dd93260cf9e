import { BrokenBarrierError } from "../errors.js";
import { positiveInteger, waitTimeout } from "../options.js";
import { tracedWait, tracing } from "../trace/hooks.js";
import { deadlineAfter, failed, run, timeLeft, type Steps, type Waitable } from "./wait.js";
import { defineKind, MARK, WIRE, type Target, type Wired } from "./wire.js";
import { messages } from "../messages/index.js";

const MAX_PARTIES = 0xffff;

/**
 * A meeting point for a fixed number of threads, like Python's `threading.Barrier`: each
 * `wait()` sleeps until `parties` threads are waiting, then all go on together. It can be used
 * again for the next round.
 *
 * @example
 * const start = new Barrier(3);
 * // in each of 3 threads: start.wait(); ...then all run at the same moment
 */
export class Barrier {
  readonly parties: number;
  /** cells[0]: round << 16 | arrived so far; cells[1]: 1 once broken; cells[2]: parties. */
  readonly #cells: Int32Array;

  constructor(parties: number);
  constructor(parties: number | SharedArrayBuffer) {
    if (parties instanceof SharedArrayBuffer) {
      this.#cells = new Int32Array(parties);
    } else {
      positiveInteger("parties", parties);
      if (parties > MAX_PARTIES) throw new RangeError(messages().sync.tooManyParties(MAX_PARTIES, parties));
      this.#cells = new Int32Array(new SharedArrayBuffer(12));
      this.#cells[2] = parties;
    }
    this.parties = this.#cells[2];
  }

  /** How many threads wait at the barrier now. */
  get waiting(): number {
    return Atomics.load(this.#cells, 0) & MAX_PARTIES;
  }

  get broken(): boolean {
    return Atomics.load(this.#cells, 1) === 1;
  }

  /**
   * Waits for the other parties, at most `timeoutMs`. Gives this thread's arrival index, from 0 to
   * parties - 1. A timeout breaks the barrier: every waiter then gets a BrokenBarrierError.
   * Blocks in a worker thread; a promise on a main thread.
   */
  wait(timeoutMs?: number): Waitable<number> {
    try {
      const deadline = deadlineAfter(waitTimeout("timeoutMs", timeoutMs));
      return tracing.flags[0] ? tracedWait("wait", this, () => run(this.#waitSteps(deadline))) : run(this.#waitSteps(deadline));
    } catch (error) {
      return failed(error);
    }
  }

  /** Breaks the barrier: threads waiting now, and later, get a BrokenBarrierError. */
  abort(): void {
    Atomics.store(this.#cells, 1, 1);
    Atomics.notify(this.#cells, 0);
  }

  *#waitSteps(deadline: number): Steps<number> {
    let round: number;
    let index: number;
    for (;;) {
      this.#checkBroken();
      const state = Atomics.load(this.#cells, 0);
      round = state >>> 16;
      index = state & MAX_PARTIES;
      const last = index + 1 === this.parties;
      const next = last ? ((round + 1) & 0x7fff) << 16 : state + 1;
      if (Atomics.compareExchange(this.#cells, 0, state, next) !== state) continue;
      if (last) {
        Atomics.notify(this.#cells, 0);
        return index;
      }
      break;
    }
    for (;;) {
      const state = Atomics.load(this.#cells, 0);
      if (state >>> 16 !== round) return index;
      this.#checkBroken();
      if (timeLeft(deadline) <= 0) {
        this.abort();
        throw new BrokenBarrierError(messages().sync.barrierTimeout(state & MAX_PARTIES, this.parties));
      }
      yield { array: this.#cells, index: 0, value: state, deadline };
    }
  }

  #checkBroken(): void {
    if (this.broken) throw new BrokenBarrierError(messages().sync.barrierBroken);
  }

  [WIRE](_target: Target): Wired {
    return { [MARK]: "Barrier", buffer: this.#cells.buffer };
  }
}

defineKind("Barrier", (w) => new (Barrier as unknown as new (b: SharedArrayBuffer) => Barrier)(w.buffer as SharedArrayBuffer));
