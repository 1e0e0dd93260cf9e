// A mutex in one Int32 cell (Drepper, "Futexes are tricky", mutex 2):
// 0 free, 1 held, 2 held with (maybe) sleepers. Lock, RLock and Queue build on it.
import { timeLeft, type Steps } from "./wait.js";

const FREE = 0;
const HELD = 1;
const CONTENDED = 2;

export function tryLock(cells: Int32Array, index: number): boolean {
  return Atomics.compareExchange(cells, index, FREE, HELD) === FREE;
}

/** Takes the mutex, or gives false once `deadline` has passed. */
export function* lockSteps(cells: Int32Array, index: number, deadline: number): Steps<boolean> {
  let seen = Atomics.compareExchange(cells, index, FREE, HELD);
  if (seen === FREE) return true;
  for (;;) {
    if (timeLeft(deadline) <= 0) return false;
    if (seen === CONTENDED || Atomics.compareExchange(cells, index, HELD, CONTENDED) !== FREE) {
      yield { array: cells, index, value: CONTENDED, deadline };
    }
    seen = Atomics.compareExchange(cells, index, FREE, CONTENDED);
    if (seen === FREE) return true;
  }
}

/**
 * Frees the mutex; false if it was not held. Every sleeper is woken, not one: a main thread's
 * wait that was interrupted stays registered until woken, and must not swallow the only wake-up.
 */
export function unlock(cells: Int32Array, index: number): boolean {
  const previous = Atomics.exchange(cells, index, FREE);
  if (previous === CONTENDED) Atomics.notify(cells, index);
  return previous !== FREE;
}

export function isLocked(cells: Int32Array, index: number): boolean {
  return Atomics.load(cells, index) !== FREE;
}
