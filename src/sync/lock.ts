import { threadId } from "node:worker_threads";
import { LockNotHeldError, LockTimeoutError } from "../errors.js";
import { isFunction } from "../options.js";
import { isLocked, lockSteps, tryLock, unlock } from "./mutex.js";
import { released, tracing } from "../trace/hooks.js";
import { failed, run, settled, waitFor, type Steps, type Waitable } from "./wait.js";
import { defineKind, MARK, WIRE, type Target, type Wired } from "./wire.js";
import { messages } from "../messages/index.js";

const SERIAL = Symbol.for("concurrence.lock-serial");
/** The next lock number of this thread, shared by every copy of the library loaded in it. */
function nextSerial(): number {
  const g = globalThis as { [SERIAL]?: number };
  g[SERIAL] = (g[SERIAL] ?? 0) + 1;
  return g[SERIAL];
}

/** This thread, as an RLock owner: 0 means "nobody". */
const ME = threadId + 1;

/** What a Condition needs from its lock: hand it over while waiting, and take it back. */
export const OWNED = Symbol("owned");
export const RELEASE_ALL = Symbol("releaseAll");
export const REACQUIRE = Symbol("reacquire");

export interface ConditionLock {
  [OWNED](): boolean;
  /** Frees the lock completely; gives what REACQUIRE needs to restore it. */
  [RELEASE_ALL](): number;
  [REACQUIRE](saved: number): Steps<boolean>;
}

/**
 * A mutual-exclusion lock on shared memory, like Python's `threading.Lock`: one holder at a
 * time, and any thread may release it. Pass it as an argument to threads; in a worker thread
 * `acquire()` blocks, on the kernel's main thread it gives a promise (the notebook never freezes).
 *
 * @example
 * const lock = new Lock();
 * const counter = sharedValue("i32");
 * const add = (n: SharedValue, l: Lock) => { for (let i = 0; i < 1000; i++) l.with(() => n.value++); };
 * await Promise.all([new Thread(add, counter, lock).start().join(), new Thread(add, counter, lock).start().join()]);
 * counter.value; // 2000, exactly
 */
export class Lock implements ConditionLock {
  // cells: [mutex, RLock owner + 1, RLock depth, creating thread, serial in that thread]
  protected readonly cells: Int32Array;
  protected readonly kind: string = "Lock";

  constructor();
  constructor(shared?: SharedArrayBuffer) {
    this.cells = new Int32Array(shared ?? new SharedArrayBuffer(5 * Int32Array.BYTES_PER_ELEMENT));
    if (!shared) {
      this.cells[3] = threadId;
      this.cells[4] = nextSerial();
    }
  }

  /**
   * A number that names this lock, the same in every thread it is passed to, and different for
   * every lock of the program: locks made in the kernel are numbered 1, 2, 3… in order of creation.
   * Taking several locks always in increasing `id` order is the classic way to rule out a deadlock.
   * @example const [premier, second] = a.id < b.id ? [a, b] : [b, a];
   */
  get id(): number {
    return this.cells[3] * 2 ** 32 + this.cells[4];
  }

  /**
   * Takes the lock, waiting at most `timeoutMs` milliseconds (forever if left out, not at all with 0).
   * Gives true once held, false on timeout. Blocks in a worker thread; a promise on a main thread.
   */
  acquire(timeoutMs?: number): Waitable<boolean> {
    return waitFor(timeoutMs, () => tryLock(this.cells, 0), (deadline) => lockSteps(this.cells, 0, deadline), this);
  }

  /** Frees the lock. Releasing a lock that is not held is an error, as in Python. */
  release(): void {
    if (tracing.flags[0]) released(this); // before the unlock: the next holder's hold starts after this one ends
    if (!unlock(this.cells, 0)) {
      throw new LockNotHeldError(messages().sync.lockNotHeld);
    }
  }

  /** Whether some thread holds the lock now. */
  locked(): boolean {
    return isLocked(this.cells, 0);
  }

  /**
   * Runs `fn` holding the lock, and releases it even if `fn` throws: Python's `with lock:`.
   * Gives fn's result (a promise of it on a main thread, or when fn is async).
   * Throws a LockTimeoutError if the lock was not taken within `timeoutMs`.
   */
  with<T>(fn: () => T, timeoutMs?: number): Waitable<Awaited<T>> {
    try {
      isFunction("fn", fn);
    } catch (error) {
      return failed(error);
    }
    return holding(this.acquire(timeoutMs), () => this.release(), fn, timeoutMs);
  }

  [OWNED](): boolean {
    return this.locked();
  }

  [RELEASE_ALL](): number {
    this.release();
    return 1;
  }

  *[REACQUIRE](_saved: number): Steps<boolean> {
    return yield* lockSteps(this.cells, 0, Infinity);
  }

  [WIRE](_target: Target): Wired {
    return { [MARK]: this.kind, buffer: this.cells.buffer };
  }
}

/**
 * A reentrant lock, like Python's `threading.RLock`: the thread that holds it may take it again,
 * and must release it as many times. Only its holder may release it.
 */
export class RLock extends Lock {
  // cells: [mutex, owner thread + 1, depth]
  protected override readonly kind: string = "RLock";

  override acquire(timeoutMs?: number): Waitable<boolean> {
    if (Atomics.load(this.cells, 1) === ME) {
      this.cells[2]++;
      return settled(true);
    }
    const taken = super.acquire(timeoutMs);
    const own = (ok: boolean) => (ok && this.#own(1), ok);
    return taken instanceof Promise ? taken.then(own) : own(taken);
  }

  override release(): void {
    if (Atomics.load(this.cells, 1) !== ME) {
      throw new LockNotHeldError(messages().sync.rlockNotHeld);
    }
    if (--this.cells[2] === 0) {
      Atomics.store(this.cells, 1, 0);
      unlock(this.cells, 0);
    }
  }

  override [OWNED](): boolean {
    return Atomics.load(this.cells, 1) === ME;
  }

  override [RELEASE_ALL](): number {
    const depth = this.cells[2];
    this.cells[2] = 1;
    this.release();
    return depth;
  }

  override *[REACQUIRE](depth: number): Steps<boolean> {
    yield* lockSteps(this.cells, 0, Infinity);
    this.#own(depth);
    return true;
  }

  #own(depth: number): void {
    Atomics.store(this.cells, 1, ME);
    this.cells[2] = depth;
  }
}

/** Runs `fn` once `acquired` says the lock is held, then calls `release`, whatever happens. */
export function holding<T>(acquired: Waitable<boolean>, release: () => void, fn: () => T, timeoutMs?: number): Waitable<Awaited<T>> {
  const body = (ok: boolean): Waitable<Awaited<T>> => {
    if (!ok) throw new LockTimeoutError(messages().sync.lockTimeout(timeoutMs));
    let result: T;
    try {
      result = fn();
    } catch (error) {
      release();
      throw error;
    }
    if (result instanceof Promise) return result.finally(release) as Promise<Awaited<T>>;
    release();
    return result as Awaited<T>;
  };
  return acquired instanceof Promise ? acquired.then(body) : body(acquired);
}

const LockWithBuffer = Lock as unknown as new (shared: SharedArrayBuffer) => Lock;
const RLockWithBuffer = RLock as unknown as new (shared: SharedArrayBuffer) => RLock;
defineKind("Lock", (w) => new LockWithBuffer(w.buffer as SharedArrayBuffer));
defineKind("RLock", (w) => new RLockWithBuffer(w.buffer as SharedArrayBuffer));
