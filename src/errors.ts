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

/** An HTTP request was answered with an error status (4xx or 5xx). */
export class HttpError extends ConcurrenceError {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText = "",
  ) {
    super(`GET ${url} answered ${status}${statusText ? ` ${statusText}` : ""}`);
  }
}

/** An HTTP request got no complete answer in time (options.timeoutMs). */
export class RequestTimeoutError extends ConcurrenceError {
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`GET ${url} got no complete answer within ${timeoutMs} ms (options.timeoutMs): raise the timeout or check the server`);
  }
}
