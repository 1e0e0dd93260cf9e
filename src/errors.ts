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
    const list = variables.map((v) => `\`${v}\``).join(", ");
    const plural = variables.length > 1;
    super(
      `${functionName} uses ${list}, defined outside the function. ` +
        `A function run in a thread or a process only sees its own code: ` +
        `pass ${plural ? "them" : "it"} as ${plural ? "arguments" : "an argument"}, ` +
        `or require() modules inside the function.`,
    );
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
