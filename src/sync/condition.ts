import { LockNotHeldError } from "../errors.js";
import { isFunction, positiveInteger, waitTimeout } from "../options.js";
import { Lock, OWNED, REACQUIRE, RELEASE_ALL, RLock } from "./lock.js";
import { tracedWait, tracing } from "../trace/hooks.js";
import { deadlineAfter, failed, run, timeLeft, type Steps, type Waitable } from "./wait.js";
import { defineKind, encodeValue, MARK, revive, WIRE, type Target, type Wired } from "./wire.js";
import { messages } from "../messages/index.js";

/**
 * A place to wait until another thread says something changed, like Python's
 * `threading.Condition`: hold its lock, check your condition, `wait()` (which frees the lock
 * while asleep), and `notify()` from the thread that changed the state.
 *
 * @example
 * const ready = new Condition();
 * // consumer thread:  ready.acquire(); ready.waitFor(() => box[0] !== 0); ready.release();
 * // producer thread:  ready.acquire(); box[0] = 42; ready.notifyAll(); ready.release();
 */
export class Condition {
  readonly lock: Lock;
  /** cells[0] counts notifications: a waiter sleeps until it changes. */
  readonly #cells: Int32Array;

  /** @param lock the lock to use. @default new RLock() */
  constructor(lock?: Lock);
  constructor(lock: Lock = new RLock(), shared?: SharedArrayBuffer) {
    if (!(lock instanceof Lock)) throw new TypeError(messages().sync.conditionLock(typeof lock));
    this.lock = lock;
    this.#cells = new Int32Array(shared ?? new SharedArrayBuffer(4));
  }

  acquire(timeoutMs?: number): Waitable<boolean> {
    return this.lock.acquire(timeoutMs);
  }

  release(): void {
    this.lock.release();
  }

  with<T>(fn: () => T, timeoutMs?: number): Waitable<Awaited<T>> {
    return this.lock.with(fn, timeoutMs);
  }

  /**
   * Frees the lock, sleeps until notified (or `timeoutMs` passed), then takes the lock back.
   * Gives false on timeout. The lock must be held. A wake-up does not promise the state you wait
   * for: check it again, or use `waitFor`.
   */
  wait(timeoutMs?: number): Waitable<boolean> {
    try {
      const deadline = deadlineAfter(waitTimeout("timeoutMs", timeoutMs));
      this.#mustHold("wait");
      return tracing.flags[0] ? tracedWait("wait", this, () => run(this.#waitSteps(deadline))) : run(this.#waitSteps(deadline));
    } catch (error) {
      return failed(error);
    }
  }

  /** Waits until `predicate()` is true (checked with the lock held), at most `timeoutMs`. Gives its last value. */
  waitFor<T>(predicate: () => T, timeoutMs?: number): Waitable<T> {
    try {
      isFunction("predicate", predicate);
      const deadline = deadlineAfter(waitTimeout("timeoutMs", timeoutMs));
      this.#mustHold("waitFor");
      return tracing.flags[0] ? tracedWait("wait", this, () => run(this.#waitForSteps(predicate, deadline))) : run(this.#waitForSteps(predicate, deadline));
    } catch (error) {
      return failed(error);
    }
  }

  /** Wakes up to `n` waiting threads. The lock must be held. */
  notify(n = 1): void {
    positiveInteger("n", n);
    this.#mustHold("notify");
    Atomics.add(this.#cells, 0, 1);
    Atomics.notify(this.#cells, 0, n);
  }

  notifyAll(): void {
    this.#mustHold("notifyAll");
    Atomics.add(this.#cells, 0, 1);
    Atomics.notify(this.#cells, 0);
  }

  #mustHold(what: string): void {
    if (!this.lock[OWNED]()) {
      throw new LockNotHeldError(messages().sync.conditionNotHeld(what));
    }
  }

  *#waitSteps(deadline: number): Steps<boolean> {
    const seen = Atomics.load(this.#cells, 0);
    const saved = this.lock[RELEASE_ALL]();
    let result: string;
    try {
      result = yield { array: this.#cells, index: 0, value: seen, deadline };
    } finally {
      yield* this.lock[REACQUIRE](saved);
    }
    return result !== "timed-out";
  }

  *#waitForSteps<T>(predicate: () => T, deadline: number): Steps<T> {
    let value = predicate();
    while (!value && timeLeft(deadline) > 0) {
      yield* this.#waitSteps(deadline);
      value = predicate();
    }
    return value;
  }

  [WIRE](target: Target): Wired {
    // To a process, the buffer alone is refused (shared memory), naming the Condition.
    const lock = target === "process" ? null : encodeValue(this.lock, target, messages().where.itsLock).value;
    return { [MARK]: "Condition", buffer: this.#cells.buffer, lock };
  }
}

defineKind("Condition", (w) => {
  const make = Condition as unknown as new (lock: Lock, shared: SharedArrayBuffer) => Condition;
  return new make(revive(w.lock) as Lock, w.buffer as SharedArrayBuffer);
});
