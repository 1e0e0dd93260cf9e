import { setMaxListeners } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import fetch, { FetchError, type Response } from "node-fetch";
import { HttpError, RequestTimeoutError, TaskCancelledError } from "../errors.js";
import { describe, nonNegativeNumber, plainObject, positiveInteger } from "../options.js";
import { register } from "../runtime/registry.js";
import { tracedRequest, tracing } from "../trace/hooks.js";
import { messages } from "../messages/index.js";

/**
 * One place for how the library asks for a URL: node-fetch, a timeout per attempt, and an
 * optional retry policy. Retries happen only for faults that may pass: a network error, a
 * timeout, 429 (too many requests) and 5xx; another 4xx (404…) is final.
 */
export interface RequestOptions {
  /** Time allowed for one attempt, headers and body together, in milliseconds. @default 10000 */
  timeoutMs?: number;
  /** Attempts after the first one fails with a fault that may pass. @default 0 */
  retries?: number;
  /** Pause before the first retry, doubled before each next one, in milliseconds. @default 100 */
  retryDelayMs?: number;
  /** Cancels the requests; the kernel's stop button does it too. */
  signal?: AbortSignal;
}

export type RequestPolicy = Required<Omit<RequestOptions, "signal">> & { signal: AbortSignal | undefined };

export function requestPolicy(options: unknown): RequestPolicy {
  const opts = plainObject("options", options);
  if (opts.signal !== undefined && !(opts.signal instanceof AbortSignal)) {
    throw new TypeError(messages().options.signal("options.signal", describe(opts.signal)));
  }
  return {
    timeoutMs: positiveInteger("options.timeoutMs", opts.timeoutMs ?? 10_000),
    retries: nonNegativeInteger("options.retries", opts.retries ?? 0),
    retryDelayMs: nonNegativeNumber("options.retryDelayMs", opts.retryDelayMs ?? 100),
    signal: opts.signal as AbortSignal | undefined,
  };
}

function nonNegativeInteger(name: string, value: unknown): number {
  nonNegativeNumber(name, value);
  if (!Number.isInteger(value)) throw new RangeError(messages().options.nonNegativeInteger(name, describe(value)));
  return value as number;
}

/** An absolute http: or https: URL, as a string. */
export function httpUrl(name: string, value: unknown): string {
  if (typeof value !== "string") throw new TypeError(messages().io.urlString(name, describe(value)));
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RangeError(messages().io.absoluteUrl(name, describe(value)));
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new RangeError(messages().io.httpUrl(name, describe(value)));
  }
  return value;
}

/**
 * GETs `url` and hands the successful response to `consume` (read the text, stream to a
 * file…), all of it under the attempt's timeout. Gives what `consume` returns and the
 * number of attempts made.
 */
export async function request<T>(
  url: string,
  policy: RequestPolicy,
  consume: (response: Response, signal: AbortSignal) => Promise<T>,
): Promise<{ value: T; status: number; attempts: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const once = attemptOnce(url, policy, consume);
      return { ...(await (tracing.flags[0] ? tracedRequest(url, once) : once)), attempts: attempt };
    } catch (error) {
      if (attempt > policy.retries || !mayPass(error)) throw error;
      await sleep(policy.retryDelayMs * 2 ** (attempt - 1), undefined, { signal: policy.signal }).catch(() => {
        throw cancelled(policy.signal!);
      });
    }
  }
}

async function attemptOnce<T>(
  url: string,
  { timeoutMs, signal }: RequestPolicy,
  consume: (response: Response, signal: AbortSignal) => Promise<T>,
): Promise<{ value: T; status: number }> {
  if (signal?.aborted) throw cancelled(signal);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const response = await fetch(url, { signal: controller.signal as never });
    if (!response.ok) {
      response.body.resume(); // drain it, so the connection can serve another request
      throw new HttpError(url, response.status, response.statusText);
    }
    return { value: await consume(response, controller.signal), status: response.status };
  } catch (error) {
    if (signal?.aborted) throw cancelled(signal);
    if (controller.signal.aborted) throw new RequestTimeoutError(url, timeoutMs);
    throw error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

function mayPass(error: unknown): boolean {
  if (error instanceof HttpError) return error.status === 429 || error.status >= 500;
  return error instanceof RequestTimeoutError || (error instanceof FetchError && error.type === "system");
}

function cancelled(signal: AbortSignal): TaskCancelledError {
  const reason = signal.reason as unknown;
  if (reason instanceof TaskCancelledError) return reason;
  const message = reason instanceof Error ? reason.message : "the request was cancelled";
  return new TaskCancelledError(message, { cause: reason });
}

/**
 * Runs `task` with a signal that the caller's signal, the kernel's stop button and a re-run
 * of the cell all abort: no request outlives its cell.
 */
export async function cancellable<T>(signal: AbortSignal | undefined, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal); // every request of a batch listens to it
  const abort = (reason: unknown) =>
    controller.abort(reason instanceof TaskCancelledError ? reason : new TaskCancelledError(reason instanceof Error ? reason.message : messages().pool.cancelled, { cause: reason }));
  const onAbort = () => abort(signal!.reason);
  if (signal?.aborted) onAbort();
  signal?.addEventListener("abort", onAbort, { once: true });
  let running: Promise<T> | undefined;
  const unregister = register({
    interrupt: abort,
    async dispose() {
      abort(new Error(messages().io.reRun));
      await running?.catch(() => {});
    },
  });
  try {
    running = task(controller.signal);
    return await running;
  } finally {
    unregister();
    signal?.removeEventListener("abort", onAbort);
  }
}
