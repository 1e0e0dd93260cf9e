// What a cell gives back: its last value as a rich bundle, and awaiting it so that the stop button ends the wait.
import { kernelHooks } from "./hooks.js";

export async function bundleFor(value: unknown): Promise<Record<string, unknown> | undefined> {
  try {
    return await kernelHooks()?.bundleFor(value);
  } catch {
    return undefined; // plain text then: a failed rich display must not fail the cell
  }
}

export function isPromise(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === "function";
}

export function abortable<T>(promise: PromiseLike<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    promise.then(resolve, reject);
  });
}
