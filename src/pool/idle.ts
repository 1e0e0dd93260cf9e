// A pool's workers go back when the pool has been idle for a while: a cell re-run by a client
// that sends no cellId (nbclient, jupyter console) leaves its old pool registered but unused,
// and its threads or processes must not stay for the kernel's whole life.

/** Idle milliseconds after which a pool's workers exit (30 s, like a pause to read the lesson). */
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

/** Calls `release` once the pool has been idle for `ms` in a row; re-arms on each idle spell. */
export class IdleTimer {
  readonly #ms: number;
  readonly #isIdle: () => boolean;
  readonly #release: () => void;
  #timer: NodeJS.Timeout | undefined;
  #since = 0;

  constructor(ms: number, isIdle: () => boolean, release: () => void) {
    this.#ms = ms;
    this.#isIdle = isIdle;
    this.#release = release;
  }

  /** The pool has just run out of tasks (or was just made). */
  idle(): void {
    this.#since = performance.now();
    if (this.#timer === undefined && this.#ms !== Infinity) this.#arm(this.#ms);
  }

  /** The pool is closed: no more checks. */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  // One timer per idle spell, not one per task: a busy pool pays nothing.
  #arm(ms: number): void {
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (!this.#isIdle()) return; // busy again: the next idle() re-arms
      const left = this.#since + this.#ms - performance.now();
      if (left > 0) this.#arm(left);
      else this.#release();
    }, ms);
    this.#timer.unref(); // an idle pool never keeps Node running
  }
}
