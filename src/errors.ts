import { messages } from "./messages/index.js";

/**
 * Every error the library throws on purpose. Tests and notebooks use `instanceof`.
 * A worker's own error is kept as `cause`, with its stack.
 */
export class ConcurrenceError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A function sent to a thread or a process uses a name defined outside it. */
export class NotSelfContainedError extends ConcurrenceError {
  constructor(
    readonly functionName: string,
    readonly variables: readonly string[],
  ) {
    super(messages().functions.notSelfContained(functionName, variables));
  }
}

/** The worker thread or child process died before it finished its task. */
export class WorkerCrashedError extends ConcurrenceError {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly signal: string | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The task was cancelled before it finished: by `terminate()`, an abort, or the kernel's stop button. */
export class TaskCancelledError extends ConcurrenceError {}

/** The pool was closed; it takes no more tasks. */
export class PoolClosedError extends ConcurrenceError {}

/** The task ran past its `timeout`: it was stopped, like a cancelled task. */
export class TaskTimeoutError extends TaskCancelledError {}

/** `lock.with(fn, timeoutMs)` could not take the lock in time, so `fn` did not run. */
export class LockTimeoutError extends ConcurrenceError {}

/** `release()` (or a Condition's `wait`/`notify`) on a lock that is not held, or held by another thread. */
export class LockNotHeldError extends ConcurrenceError {}

/** A Barrier was aborted, or a party timed out waiting: like Python's `threading.BrokenBarrierError`. */
export class BrokenBarrierError extends ConcurrenceError {}

/** `get(timeoutMs)` found nothing in time: Python's `queue.Empty`. */
export class QueueEmptyError extends ConcurrenceError {}

/** `put(item, timeoutMs)` found no room in time: Python's `queue.Full`. */
export class QueueFullError extends ConcurrenceError {}

/**
 * A queue or a pipe is closed: `put`/`send` on it, or `get`/`recv` once it is closed and empty
 * (Python's `queue.ShutDown` and `EOFError`).
 */
export class ChannelClosedError extends ConcurrenceError {}

/** A Lock, a sharedValue or a shared array was sent to a child process, which cannot see this memory. */
export class SharedMemoryAcrossProcessesError extends ConcurrenceError {
  constructor(readonly what: string) {
    super(messages().memory.acrossProcesses(what));
  }
}

/** An HTTP request was answered with an error status (4xx or 5xx). */
export class HttpError extends ConcurrenceError {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText = "",
  ) {
    super(messages().http.status(url, status, statusText));
  }
}

/** An HTTP request got no complete answer in time (options.timeoutMs). */
export class RequestTimeoutError extends ConcurrenceError {
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(messages().http.timeout(url, timeoutMs));
  }
}

/** The GPU backend asked for cannot run here; the message says why and how to get it. */
export class BackendUnavailableError extends ConcurrenceError {}

/** A result differs from its reference by more than the tolerance. */
export class ResultMismatchError extends ConcurrenceError {
  constructor(
    message: string,
    /** How many values are off. */
    readonly mismatches: number,
    /** The largest absolute difference. */
    readonly maxAbsError: number,
  ) {
    super(message);
  }
}

/** Starting these workers would pass the kernel's ceiling, CONCURRENCE_MAX_WORKERS. */
export class WorkerLimitError extends ConcurrenceError {
  constructor(
    message: string,
    readonly requested: number,
    readonly inUse: number,
    readonly limit: number,
  ) {
    super(message);
  }
}

/**
 * An interleavings model that cannot be run as written (a thread that yields something else than
 * a label or a request, a lock it does not declare, a thread that is not deterministic), or a
 * schedule that it cannot follow (a thread that is blocked or finished at that step).
 */
export class ModelError extends ConcurrenceError {}

/** explore() met more states than options.maxStates: the message says how to go on. */
export class StateLimitError extends ConcurrenceError {
  constructor(
    message: string,
    readonly limit: number,
  ) {
    super(message);
  }
}
