// What a worker thread prints must reach the cell while the worker runs, even when it
// blocks (Atomics.wait, a long loop): Node only flushes a worker's process.stdout when the
// worker's event loop turns. A BroadcastChannel message is delivered at once instead.
import { randomInt } from "node:crypto";
import { BroadcastChannel, threadId } from "node:worker_threads";

const CHANNEL = "concurrence:thread-output";

type OutputMessage = { token: number; fd: 1 | 2; text: string } | { token: number; done: true };

/**
 * In a worker: sends process.stdout/stderr writes to the main thread, tagged with the running task
 * (with the token the task brought, or one made here: thread ids are unique in the process).
 * `end()` gives the token if the task printed, and only then sends the "done" mark that the main
 * thread waits for: a silent task costs no extra message.
 */
export function relayWorkerOutput(): { begin(token: number | undefined): void; end(): number | undefined } {
  const channel = new BroadcastChannel(CHANNEL);
  channel.unref();
  let own = threadId * 2 ** 32;
  let token = 0;
  let printed = false;
  const decoder = new TextDecoder();
  for (const fd of [1, 2] as const) {
    const stream = fd === 1 ? process.stdout : process.stderr;
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === "string" ? chunk : decoder.decode(chunk);
      printed = true;
      channel.postMessage({ token, fd, text } satisfies OutputMessage);
      const callback = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof stream.write;
  }
  return {
    begin: (given) => {
      token = given ?? own++;
      printed = false;
    },
    end: () => {
      if (!printed) return undefined;
      channel.postMessage({ token, done: true } satisfies OutputMessage);
      return token;
    },
  };
}

let listener: BroadcastChannel | undefined;
const finished = new Set<number>();
const waiting = new Map<number, () => void>();

/** In the main thread: prints what workers send, from the first thread or pool on. */
export function listenToWorkers(): void {
  if (listener) return;
  listener = new BroadcastChannel(CHANNEL);
  listener.unref();
  listener.onmessage = (event) => {
    const message = (event as unknown as { data: OutputMessage }).data;
    if ("done" in message) {
      const wake = waiting.get(message.token);
      if (wake) wake();
      else finished.add(message.token);
    } else {
      (message.fd === 2 ? process.stderr : process.stdout).write(message.text);
    }
  };
}

// Every copy of the library in this process hears the same channel: tokens must not collide
// (with each other's, nor with the workers' own, which start at threadId * 2^32).
let tokens = (2 ** 20 + randomInt(2 ** 20)) * 2 ** 32;

/** A token for one task: its output is known complete when `outputDone(token)` resolves. */
export function newOutputToken(): number {
  listenToWorkers();
  return tokens++;
}

/** Resolves once the worker said it sent all of the task's output, or after `timeoutMs` if it never does (a crash). */
export function outputDone(token: number, timeoutMs = Infinity): Promise<void> {
  if (finished.delete(token)) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = Number.isFinite(timeoutMs) ? setTimeout(wake, timeoutMs) : undefined;
    function wake(): void {
      clearTimeout(timer);
      waiting.delete(token);
      finished.delete(token);
      resolve();
    }
    waiting.set(token, wake);
  });
}
